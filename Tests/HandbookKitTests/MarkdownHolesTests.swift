import XCTest
@testable import HandbookKit

/// A document's HTML is rendered by cmark once, with holes for heading tags and link addresses
/// filled at each rendering: filling must give exactly the bytes cmark gives from the tree.
final class MarkdownHolesTests: XCTestCase {
    private func document(_ text: String, audience: Audience = .everyone, allowRawHTML: Bool = false) -> MarkdownDocument {
        MarkdownDocument(MarkdownSource(text, origin: SourceLocation(file: "p.md", line: 1, column: 1)),
                         audience: audience, allowRawHTML: allowRawHTML)
    }

    /// What cmark writes in `href` for `url`, set on a link node.
    private func cmarkHref(_ url: String, unsafe: Bool) -> String {
        let tree = MarkdownTree(MarkdownSource("[x](y)", origin: SourceLocation(file: "p.md")), audience: .everyone,
                                allowRawHTML: unsafe)
        tree.setLinkAddress(0, url)
        let html = tree.renderHTML()
        let start = html.range(of: "href=\"")!.upperBound
        let end = html.range(of: "\">x</a>")!.lowerBound
        return String(html[start..<end])
    }

    func testLinkAddressesAreEscapedAsCmarkEscapesThem() {
        var urls = (1..<128).map { "a\(Character(Unicode.Scalar(UInt8($0))))b" }
        urls += ["é", "中文", "🙂", "rules.html#be-kind", "a b", "x?y=1&z='2'", "%41", "", "#top", "mailto:a@b.org"]
        for url in urls {
            for unsafe in [false, true] {
                XCTAssertEqual(LinkAddress.attribute(url, unsafe: unsafe), cmarkHref(url, unsafe: unsafe), "\(Array(url.utf8))")
            }
        }
    }

    func testDangerousAddressesAreDroppedAsCmarkDropsThem() {
        let urls = ["javascript:alert(1)", "JaVaScRiPt:x", "vbscript:x", "VBSCRIPT:", "file:///etc/passwd", "FILE:x",
                    "data:text/html,x", "DATA:,x", "data:image/png;base64,AA", "data:image/gif,x", "DATA:IMAGE/JPEG,x",
                    "data:image/webp,x", "data:image/svg+xml,x", "data:image/pngx", " javascript:x", "javascript", "java script:x",
                    "https://example.org", "files:x", "data", "dat:x"]
        for url in urls {
            for unsafe in [false, true] {
                XCTAssertEqual(LinkAddress.attribute(url, unsafe: unsafe), cmarkHref(url, unsafe: unsafe), url)
            }
        }
    }

    private let rewrites: [(String) -> String] = [
        { $0 },
        { $0.replacingOccurrences(of: ".md", with: ".html") },
        { "odd/\($0)?a=1&b='c' d\"<>é" },
        { _ in "javascript:alert(1)" },
        { _ in "" },
    ]

    private func assertHolesMatchTree(_ document: MarkdownDocument, file: StaticString = #filePath, line: UInt = #line) {
        for rewrite in rewrites {
            for (prefix, shift) in [("", 0), ("chapter--", 1), ("a&b\"--", 5)] {
                XCTAssertEqual(document.html(idPrefix: prefix, headingShift: shift, rewriteLink: rewrite),
                               document.htmlFromTree(idPrefix: prefix, headingShift: shift, rewriteLink: rewrite),
                               file: file, line: line)
            }
        }
    }

    func testFilledHolesGiveWhatTheTreeGives() {
        let texts = [
            "# Title\n\n## A [linked](other.md#x) heading\n\nText [one](a.md) and ![pic](images/a.png \"T&itle\").\n",
            "## Fish & \"chips\" <b>\n\n### Deep `code` heading\n\n#### Four\n\n##### Five\n\n###### Six\n",
            "Autolink https://example.org/x?y=1&z=2 and <mailto:a@b.org> and www.example.com.\n",
            "[ref]\n\n[ref]: https://example.org/ref \"Title\"\n\n[empty]()\n",
            "Before\n\n```staff\nSecret [staff link](staff.md) and ## not a heading\n\n## Staff heading\n```\n\nAfter\n",
            "| a | [b](b.md) |\n|---|---|\n| ~~c~~ | <https://x.org> |\n\n- [x] done [t](t.md)\n",
            "<div>raw <a href=\"raw.html\">raw</a></div>\n\nInline <span>html</span> [x](x.md)\n",
            "![alt with [a link](inside.md) in it](pic.png)\n",
            "No links, no headings.\n",
            "",
        ]
        for text in texts {
            for audience in [Audience.everyone, .staff] {
                for allowRawHTML in [false, true] {
                    assertHolesMatchTree(document(text, audience: audience, allowRawHTML: allowRawHTML))
                }
            }
        }
        XCTAssertTrue(document(texts[0]).rendersFromHoles)
        // A link inside an image's description is written as plain text, so its hole is never
        // found: that document is rendered from its tree, and still right.
        XCTAssertFalse(document(texts[7]).rendersFromHoles)
    }

    func testEverySampleTextGivesWhatTheTreeGives() throws {
        let content = try XCTUnwrap(ContentLoader(directory: sampleContent).load(log: DiagnosticLog()))
        for audience in [Audience.everyone, .staff] {
            let view = AudienceResolver.resolve(content, for: audience)
            for source in AudienceView.markdownSources(of: view) {
                let document = MarkdownDocument(source, audience: audience, allowRawHTML: view.program.allowRawHTML)
                XCTAssertTrue(document.rendersFromHoles, "\(source.origin)")
                assertHolesMatchTree(document)
            }
        }
    }

    func testATextHoldingAMarkerIsStillRightAndRenderedFromItsTree() {
        let text = "Plain \(HTMLWithHoles.marker)L0_ text and [a](b.md), \(HTMLWithHoles.marker)Q.\n"
        let document = document(text)
        XCTAssertFalse(document.rendersFromHoles)
        assertHolesMatchTree(document)
    }
}
