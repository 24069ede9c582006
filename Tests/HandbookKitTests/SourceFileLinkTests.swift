import Foundation
import XCTest
@testable import HandbookKit

/// Links that name a source file must never publish it: data files and page sources hold
/// staff-only text.
final class SourceFileLinkTests: XCTestCase {
    func testLinksToDataFilesAndPageSourcesAreErrorsNotCopies() throws {
        var fixture = LeakTests.leakyProgram()
        fixture.files["pages/welcome.md"] = """
        ---
        title: Welcome
        ---
        See [the rules file](rules.yaml), [the program](./program.yaml) and [a page source](pages/leak-page-slug.md).
        """
        XCTAssertThrowsError(try build(fixture)) { error in
            let messages = ((error as? DiagnosticsError)?.diagnostics ?? []).map(\.message)
            XCTAssertTrue(messages.contains("'rules.yaml' is not a picture or a document the handbook can publish"), "\(messages)")
            XCTAssertTrue(messages.contains("'./program.yaml' is not a picture or a document the handbook can publish"), "\(messages)")
            XCTAssertTrue(messages.contains("'pages/leak-page-slug.md' links to a staff-only page, which clients cannot see"), "\(messages)")
        }
    }

    func testAClientLinkToAStaffOnlyRuleSaysSo() throws {
        var fixture = LeakTests.leakyProgram()
        fixture.files["pages/welcome.md"] = "---\ntitle: Welcome\n---\nSee [this rule](rules.md#internal).\n"
        XCTAssertThrowsError(try build(fixture)) { error in
            let messages = ((error as? DiagnosticsError)?.diagnostics ?? []).map(\.message)
            XCTAssertTrue(messages.contains("'rules.md#internal' links to a staff-only part of 'Program rules', which clients cannot see"), "\(messages)")
        }
    }
}
