import XCTest
@testable import HandbookKit

final class MarkdownTests: XCTestCase {
    private func html(_ text: String, audience: Audience = .everyone, allowRawHTML: Bool = false) -> String {
        MarkdownDocument(MarkdownSource(text, origin: SourceLocation(file: "page.md", line: 1, column: 1)),
                         audience: audience, allowRawHTML: allowRawHTML).html()
    }

    func testTables() {
        let output = html("| Day | Time |\n|-----|------|\n| Mon | 9 AM |\n")
        XCTAssertTrue(output.contains("<table>"), output)
        XCTAssertTrue(output.contains("<th>Day</th>"), output)
        XCTAssertTrue(output.contains("<td>9 AM</td>"), output)
    }

    func testStrikethroughAutolinkAndTaskList() {
        XCTAssertTrue(html("~~old~~ new").contains("<del>old</del>"))
        XCTAssertTrue(html("Visit https://example.org today").contains("<a href=\"https://example.org\">https://example.org</a>"))
        let tasks = html("- [x] Bring ID\n- [ ] Bring insurance card\n")
        XCTAssertTrue(tasks.contains("checked=\"\" disabled=\"\""), tasks)
        XCTAssertEqual(tasks.components(separatedBy: "type=\"checkbox\"").count - 1, 2)
    }

    func testRawHTMLIsDroppedUnlessTheProgramOptsIn() {
        let text = "Hello <span onclick=\"x()\">there</span>\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))\n"
        let safe = html(text)
        XCTAssertFalse(safe.contains("<script"), safe)
        XCTAssertFalse(safe.contains("onclick"), safe)
        XCTAssertFalse(safe.contains("javascript:"), safe)
        XCTAssertFalse(safe.contains("raw HTML omitted"), safe)
        XCTAssertTrue(safe.contains("Hello there"), safe)
        let document = MarkdownDocument(MarkdownSource(text, origin: SourceLocation(file: "p.md", line: 5, column: 1)),
                                        audience: .everyone)
        XCTAssertEqual(document.droppedHTML.map(\.line), [5, 5, 7])
    }

    func testTagfilterStillEscapesScriptWhenRawHTMLIsAllowed() {
        let output = html("<script>alert(1)</script>\n\n<b>bold</b>\n", allowRawHTML: true)
        XCTAssertTrue(output.contains("&lt;script>"), output)
        XCTAssertTrue(output.contains("<b>bold</b>"), output)
    }

    func testSmartPunctuation() {
        XCTAssertTrue(html("\"Quoted\" -- it's fine...").contains("“Quoted” – it’s fine…"))
    }

    func testHeadingIdsAreStableUniqueAndStartAtH2() {
        let document = MarkdownDocument(MarkdownSource("# Top\n\n## Calling in!\n\n## Calling in!\n\n### ¿Qué pasa?\n",
                                                       origin: SourceLocation(file: "p.md", line: 1, column: 1)),
                                        audience: .everyone)
        XCTAssertEqual(document.headings.map(\.id), ["top", "calling-in", "calling-in-2", "que-pasa"])
        XCTAssertEqual(document.headings.map(\.level), [2, 2, 2, 3])
        let output = document.html()
        XCTAssertTrue(output.contains("<h2 id=\"top\">Top</h2>"), output)
        XCTAssertTrue(output.contains("<h2 id=\"calling-in-2\">Calling in!</h2>"), output)
        XCTAssertTrue(output.contains("<h3 id=\"que-pasa\">¿Qué pasa?</h3>"), output)
        XCTAssertTrue(document.html(idPrefix: "p--", headingShift: 1).contains("<h3 id=\"p--top\">Top</h3>"))
    }

    func testHeadingTextIsEscapedInsideTheHeading() {
        let output = html("## Fish & \"chips\" <b>\n")
        XCTAssertTrue(output.contains("<h2 id=\"fish-chips\">Fish &amp; “chips” </h2>"), output)
    }

    func testLinksAreRewrittenAndLocated() {
        let document = MarkdownDocument(MarkdownSource("Intro\n\nSee [rules](rules.md#be-kind) and ![map](images/map.png).\n",
                                                       origin: SourceLocation(file: "p.md", line: 10, column: 1)),
                                        audience: .everyone)
        XCTAssertEqual(document.links.map(\.destination), ["rules.md#be-kind", "images/map.png"])
        XCTAssertEqual(document.links.map(\.location.line), [12, 12])
        XCTAssertEqual(document.links[1].text, "map")
        let output = document.html { $0.replacingOccurrences(of: ".md", with: ".html") }
        XCTAssertTrue(output.contains("href=\"rules.html#be-kind\""), output)
    }

    func testStaffBlocksAreRemovedForClientsAndMarkedForStaff() {
        let text = "Before\n\n```staff\nSECRET **note** with [a link](x.md)\n```\n\nAfter\n"
        let client = html(text, audience: .everyone)
        XCTAssertFalse(client.contains("SECRET"), client)
        XCTAssertTrue(client.contains("Before") && client.contains("After"))
        let staff = MarkdownDocument(MarkdownSource(text, origin: SourceLocation(file: "p.md", line: 20, column: 1)),
                                     audience: .staff)
        let output = staff.html()
        XCTAssertTrue(output.contains("<aside class=\"staff-only\">"), output)
        XCTAssertTrue(output.contains("SECRET <strong>note</strong>"), output)
        XCTAssertEqual(staff.links.first?.location.line, 23) // the line inside the fence, in the file
        // Code blocks in other languages are left alone.
        XCTAssertTrue(html("```yaml\nstaff: true\n```\n").contains("staff: true"))
    }

    func testStaffBlockTextIsCutFromClientSourceByTheTree() {
        let source = MarkdownSource("A\n~~~ staff extra words\nHidden\n~~~\n  ```staff\n  Indented hidden\n  ```\nB\n",
                                    origin: SourceLocation(file: "p.md", line: 1, column: 1))
        let stripped = StaffBlocks.removing(from: source).text
        XCTAssertFalse(stripped.contains("Hidden"), stripped)
        XCTAssertFalse(stripped.contains("hidden"), stripped)
        XCTAssertEqual(stripped.split(separator: "\n", omittingEmptySubsequences: false).count,
                       source.text.split(separator: "\n", omittingEmptySubsequences: false).count)
    }

    func testPlainText() {
        let document = MarkdownDocument(MarkdownSource("## Title\n\nSome *words* and `code`.\n",
                                                       origin: SourceLocation(file: "p.md")), audience: .everyone)
        XCTAssertEqual(document.plainText, "Title\nSome words and code.")
    }

    /// libcmark-gfm corrupts output when parses run concurrently; parsing is serialised.
    func testConcurrentRenderingMatchesSerial() {
        let texts = (0..<400).map { "## Item \($0)\n\n~~\($0)~~ | a | b |\n|---|---|\n| \($0) | ~~x~~ |\n\nhttps://example.org/\($0)\n" }
        let serial = texts.map { html($0) }
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var outputs: [Int: String] = [:]
        }
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: texts.count) { index in
            let output = MarkdownDocument(MarkdownSource(texts[index], origin: SourceLocation(file: "p.md", line: 1, column: 1)),
                                          audience: .everyone).html()
            results.lock.withLock { results.outputs[index] = output }
        }
        XCTAssertEqual(serial, (0..<texts.count).map { results.outputs[$0] ?? "" })
    }
}

/// Heading ids of repeated text: numbered in order, in linear time.
final class HeadingIdTests: XCTestCase {
    func testRepeatedHeadingsAreNumberedAndAWrittenNumberIsNotTaken() {
        var ids = UniqueIDs()
        XCTAssertEqual(["same", "same", "same-2", "same", "notes"].map { ids.claim($0) }, ["same", "same-2", "same-2-2", "same-3", "notes"])
    }

    /// Before, the n-th heading of the same text tried every number below n again: 100,000 such
    /// headings took minutes. Counted, not timed, so the test cannot be flaky.
    func testHeadingIdsOfOneTextRepeatedTakeLinearWork() {
        var ids = UniqueIDs()
        for _ in 0..<20_000 { _ = ids.claim("same") }
        XCTAssertEqual(ids.claim("same"), "same-20001")
        XCTAssertLessThanOrEqual(ids.probes, 2 * 20_001)
    }
}
