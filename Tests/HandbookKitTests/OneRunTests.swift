import Foundation
import XCTest
@testable import HandbookKit

/// One `check` reports every problem of every file: a template that does not parse must not
/// switch off the checks of the content, nor one file's problem those of another.
final class OneRunTests: XCTestCase {
    func testTenMistakesInTenFilesAreAllReportedInOneRun() throws {
        var fixture = ProgramFixture()
        fixture.files["pages/other.md"] = "---\ntitle: Other\n---\nSome text.\n"
        fixture.files["templates/chapter.mustache"] = "<main>\n{{#content}}\n"
        // Each appended at the end of its file; `line` counts from the first appended line.
        let mistakes: [(file: String, text: String, line: Int, message: String)] = [
            ("program.yaml", "phoen: 555-0100", 0, "unknown key 'phoen'"),
            ("rules.yaml", "  - id: extra\n    title: Extra\n    text: See [the missing page](missing.md).", 2, "does not exist"),
            ("faq.yaml", "  - question: Where?\n    answer: \"![](images/missing.png)\"", 1, "does not exist"),
            ("topics.yaml", "    summry: typo", 0, "unknown key 'summry'"),
            ("staff.yaml", "    emial: a@example.org", 0, "unknown key 'emial'"),
            ("schedule.yaml", "        bogus_key: 1", 0, "unknown key 'bogus_key'"),
            ("pages/welcome.md", "[Broken anchor](rules.md#no-such-rule)", 0, "not a heading"),
            ("pages/other.md", "    ```staff\n    Indented.\n    ```", 0, "```staff block, but it is not one"),
        ]
        var expected: [(file: String, line: Int, message: String)] = []
        for mistake in mistakes {
            let before = fixture.files[mistake.file]!
            let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
            let appended = before.hasSuffix("\n") ? before : before + "\n"
            fixture.files[mistake.file] = appended + mistake.text + "\n"
            expected.append((mistake.file, lines.count + (before.hasSuffix("\n") ? 0 : 1) + mistake.line, mistake.message))
        }
        // And two templates: one that does not parse, one that names a missing partial.
        expected.append(("templates/chapter.mustache", 3, "does not parse"))
        fixture.files["templates/footer.mustache"] = "<footer>\n{{> no-such-partial}}\n</footer>\n"
        expected.append(("templates/footer.mustache", 2, "which is not a template"))

        let folder = try temporaryFolder(self)
        let content = try fixture.write(into: folder)
        var diagnostics: [Diagnostic] = []
        XCTAssertThrowsError(try Handbook.check(options(content, folder + "/Public"))) { error in
            diagnostics = (error as? DiagnosticsError)?.diagnostics ?? []
        }
        for mistake in expected {
            XCTAssertTrue(diagnostics.contains {
                $0.location.file == content + "/" + mistake.file && $0.location.line == mistake.line && $0.message.contains(mistake.message)
            }, "\(mistake.file):\(mistake.line) '\(mistake.message)' not reported; got:\n" + diagnostics.map(\.description).joined(separator: "\n"))
        }
    }
}
