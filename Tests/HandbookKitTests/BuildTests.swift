import Foundation
import XCTest
@testable import HandbookKit

final class BuildTests: XCTestCase {
    private func buildSample(into output: String, outputs: [OutputKind] = OutputKind.allCases) throws -> Handbook.Report {
        try Handbook.build(Handbook.Options(contentDirectory: sampleContent, templatesDirectory: defaultTemplates,
                                            outputDirectory: output, outputs: outputs))
    }

    func testSampleProgramBuildsHandbookAndManual() throws {
        let output = try temporaryFolder(self) + "/Public"
        let report = try buildSample(into: output)
        XCTAssertEqual(report.warnings.errors, [])
        for kind in ["handbook", "manual"] {
            for page in ["index.html", "print.html", "rules.html", "faq.html", "schedule.html", "topics.html",
                         "contacts.html", "welcome.html", "assets/style.css"] {
                XCTAssertTrue(FileManager.default.fileExists(atPath: "\(output)/\(kind)/\(page)"), "\(kind)/\(page)")
            }
        }
        let index = try read(output + "/handbook/index.html")
        XCTAssertTrue(index.contains("<html lang=\"en\" dir=\"ltr\">"))
        XCTAssertTrue(index.contains("href=\"rules.html\""))
        let print = try read(output + "/handbook/print.html")
        // Every chapter is on the print page, in the contents, with ids unique to the chapter.
        for chapter in ["welcome", "rules", "faq", "schedule", "topics", "contacts"] {
            XCTAssertTrue(print.contains("<section class=\"chapter print-chapter\" id=\"\(chapter)\">"), chapter)
            XCTAssertTrue(print.contains("<li><a href=\"#\(chapter)\">"), chapter)
        }
        XCTAssertFalse(print.contains(".html\""), "links on the print page stay on the page")
    }

    func testEveryWrittenPageIsValidHTML() throws {
        let tidy = ["/usr/bin/tidy", "/usr/local/bin/tidy"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let tidy else { throw XCTSkip("tidy is not installed (scripts/install-system-deps installs it)") }
        let output = try temporaryFolder(self) + "/Public"
        _ = try buildSample(into: output)
        let pages = snapshot(output).keys.filter { $0.hasSuffix(".html") }.sorted()
        XCTAssertGreaterThan(pages.count, 30)
        for page in pages {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tidy)
            process.arguments = ["-q", "-e", output + "/" + page]
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            // tidy exits 2 on errors, 1 on warnings only.
            XCTAssertLessThan(process.terminationStatus, 2, "\(page): \(message)")
        }
    }

    func testDataValuesAreEscaped() throws {
        var fixture = ProgramFixture()
        fixture.files["rules.yaml"] = """
        rules:
          - id: be-kind
            title: <script>alert(1)</script>
            category: "<b>bold</b>"
            text: Plain text.
        """
        let output = try build(fixture)
        let rules = try read(output + "/handbook/rules.html")
        XCTAssertTrue(rules.contains("1. &lt;script&gt;alert(1)&lt;/script&gt;"), rules)
        XCTAssertTrue(rules.contains("&lt;b&gt;bold&lt;/b&gt;"))
        XCTAssertFalse(rules.contains("<script>alert"))
        XCTAssertFalse(try read(output + "/handbook/print.html").contains("<script>alert"))
    }

    func testMalformedYAMLFailsAndLeavesPublicAsItWas() throws {
        let folder = try temporaryFolder(self)
        var fixture = ProgramFixture()
        let output = try build(fixture, in: folder)
        try write("keep me", to: output + "/notes.txt")
        let before = snapshot(output)

        fixture.files["faq.yaml"] = "questions:\n  - question: \"unclosed\n    answer: x\n"
        XCTAssertThrowsError(try build(fixture, in: folder)) { error in
            let diagnostics = (error as? DiagnosticsError)?.diagnostics ?? []
            let first = diagnostics.errors.first
            XCTAssertEqual(first?.location.file, folder + "/Content/faq.yaml")
            XCTAssertEqual(first?.location.line, 4)
            XCTAssertTrue(first?.description.hasPrefix(folder + "/Content/faq.yaml:4:") ?? false, "\(diagnostics)")
        }
        XCTAssertEqual(snapshot(output), before)
    }

    func testAFailureWhileWritingLeavesPublicAsItWas() throws {
        let folder = try temporaryFolder(self)
        var fixture = ProgramFixture()
        let output = try build(fixture, in: folder)
        let before = snapshot(output)
        fixture.files["pages/welcome.md"] = fixture.files["pages/welcome.md"]! + "\nNew text.\n"
        _ = try fixture.write(into: folder)
        struct Injected: Error {}
        var writer = OutputWriter(root: output)
        var written = 0
        writer.afterEachFile = { _ in
            written += 1
            if written == 1 { throw Injected() }
        }
        XCTAssertThrowsError(try Handbook.build(Handbook.Options(contentDirectory: folder + "/Content",
                                                                 templatesDirectory: defaultTemplates,
                                                                 outputDirectory: output), writer: writer))
        XCTAssertEqual(snapshot(output), before)
    }

    func testBuildOwnsOnlyItsFoldersAndRemovesStalePages() throws {
        let folder = try temporaryFolder(self)
        var fixture = ProgramFixture()
        fixture.files["pages/extra.md"] = "---\ntitle: Extra\n---\nSoon gone.\n"
        let output = try build(fixture, in: folder)
        try write("mine", to: output + "/README.md")
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/handbook/extra.html"))
        try FileManager.default.removeItem(atPath: folder + "/Content/pages/extra.md")
        fixture.files["pages/extra.md"] = nil
        try build(fixture, in: folder)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/handbook/extra.html"))
        XCTAssertEqual(try read(output + "/README.md"), "mine")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output).sorted(), [".handbook-output", "README.md", "handbook", "manual", "schedule"])
    }

    func testOnlyBuildsTheRequestedOutput() throws {
        let output = try build(ProgramFixture(), outputs: [.handbook])
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/handbook/index.html"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/manual"))
    }

    func testTwoBuildsAreByteIdentical() throws {
        let first = try temporaryFolder(self) + "/Public"
        let second = try temporaryFolder(self) + "/Public"
        _ = try buildSample(into: first)
        _ = try buildSample(into: second)
        XCTAssertEqual(snapshot(first), snapshot(second))
    }

    func testBrokenLinksAreErrors() throws {
        var fixture = ProgramFixture()
        fixture.files["pages/welcome.md"] = """
        ---
        title: Welcome
        ---
        See [rules](rules.md#be-nice), [missing](atendance.md) and [here](#nowhere).

        ![](images/none.png)
        """
        fixture.files["pages/attendance.md"] = "---\ntitle: Attendance\n---\nText.\n"
        XCTAssertThrowsError(try build(fixture)) { error in
            let messages = ((error as? DiagnosticsError)?.diagnostics ?? []).map { "\($0.location.line): \($0.message) \($0.hint)" }
            XCTAssertTrue(messages.contains { $0.hasPrefix("4: 'rules.md#be-nice' links to '#be-nice'") && $0.contains("'be-kind'") }, "\(messages)")
            XCTAssertTrue(messages.contains { $0.hasPrefix("4: 'atendance.md' links to a page that does not exist") && $0.contains("did you mean 'attendance.md'?") }, "\(messages)")
            XCTAssertTrue(messages.contains { $0.hasPrefix("4: '#nowhere' links to '#nowhere'") }, "\(messages)")
            XCTAssertTrue(messages.contains { $0.hasPrefix("6: the file 'images/none.png' does not exist") }, "\(messages)")
            XCTAssertTrue(messages.contains { $0.hasPrefix("6: the image 'images/none.png' has no alt text") }, "\(messages)")
        }
    }

    func testLinksAreRewrittenForPagesAndForPrint() throws {
        let output = try build(ProgramFixture())
        XCTAssertTrue(try read(output + "/handbook/welcome.html").contains("<a href=\"rules.html#be-kind\">rules</a>"))
        XCTAssertTrue(try read(output + "/handbook/print.html").contains("<a href=\"#rules--be-kind\">rules</a>"))
        XCTAssertTrue(try read(output + "/handbook/print.html").contains("id=\"rules--be-kind\""))
    }

    func testImagesAreCopiedOnlyIntoOutputsThatShowThem() throws {
        var fixture = ProgramFixture()
        fixture.files["images/map.png"] = "not really a png"
        fixture.files["images/staff-map.png"] = "private"
        fixture.files["pages/welcome.md"] = """
        ---
        title: Welcome
        ---
        ![Map of the building](images/map.png)

        ```staff
        ![Staff exits](images/staff-map.png)
        ```
        """
        let output = try build(fixture)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/handbook/images/map.png"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/handbook/images/staff-map.png"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/manual/images/staff-map.png"))
    }

    func testRefusesToWriteOverTheContentFolder() throws {
        let folder = try temporaryFolder(self)
        let content = try ProgramFixture().write(into: folder)
        XCTAssertThrowsError(try Handbook.build(Handbook.Options(contentDirectory: content, templatesDirectory: defaultTemplates,
                                                                 outputDirectory: content)))
        XCTAssertThrowsError(try Handbook.build(Handbook.Options(contentDirectory: content, templatesDirectory: defaultTemplates,
                                                                 outputDirectory: folder)))
    }

    /// The rendered rules page of a small program, compared with a file kept in the repository.
    /// Re-record with `RECORD_GOLDENS=1 swift test`; recording fails the test so the new file gets looked at.
    func testRulesPageMatchesGoldenFile() throws {
        let output = try build(ProgramFixture())
        let rendered = try read(output + "/handbook/rules.html")
        let golden = fixturesFolder + "/golden/handbook-rules.html"
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] != nil {
            try write(rendered, to: golden)
            XCTFail("recorded \(golden): check it and run the tests again")
            return
        }
        let expected = try read(golden)
        XCTAssertEqual(rendered, expected, "rendered page differs from \(golden); re-record with RECORD_GOLDENS=1 if intended")
    }
}
