import Foundation
import XCTest
@testable import HandbookKit

extension LeakyProgramTests {
    /// A client page with staff blocks of every fence kind, and a staff-only page it links to.
    static func addLeakyPages(to fixture: inout ProgramFixture) {
        fixture.files["images/leak-image.png"] = "staff picture"
        fixture.files["pages/welcome.md"] = """
        ---
        title: Welcome
        ---
        Welcome.

        ```staff
        LEAK-BLOCK-PAGE: see the [procedure](leak-page-slug.md) and ![exits](images/leak-image.png)
        ```

        - A list item

          ~~~ staff
          LEAK-BLOCK-LIST
          ~~~

        > Quote
        >
        > ~~~~Staff
        > LEAK-BLOCK-TILDE
        > ~~~~
        """
        fixture.files["pages/leak-page-slug.md"] = """
        ---
        title: LEAK-PAGE-TITLE
        summary: LEAK-PAGE-SUMMARY
        audience: staff
        ---
        LEAK-PAGE-BODY
        """
    }
}

/// Staff-only pages and the staff blocks of client pages.
final class PageLeakTests: XCTestCase, LeakyProgramTests {
    func testAClientPageLinkingToAStaffPageIsAnError() throws {
        var fixture = Self.leakyProgram()
        fixture.files["pages/welcome.md"] = "---\ntitle: Welcome\n---\nSee [this](leak-page-slug.md).\n"
        XCTAssertThrowsError(try build(fixture)) { error in
            let messages = ((error as? DiagnosticsError)?.diagnostics ?? []).map(\.message)
            XCTAssertTrue(messages.contains("'leak-page-slug.md' links to a staff-only page, which clients cannot see"), "\(messages)")
        }
    }

    func testAnUnclosedStaffBlockIsAWarning() throws {
        var fixture = ProgramFixture()
        fixture.files["pages/welcome.md"] = "---\ntitle: Welcome\n---\nHello.\n\n```staff\nNever closed.\n\nMore text.\n"
        let folder = try temporaryFolder(self)
        let content = try fixture.write(into: folder)
        let prepared = try Handbook.prepare(Handbook.Options(contentDirectory: content, templatesDirectory: defaultTemplates))
        let warning = try XCTUnwrap(prepared.diagnostics.first { $0.message.contains("never closed") })
        XCTAssertEqual(warning.location.line, 6)
        XCTAssertFalse(prepared.diagnostics.contains { $0.message.contains("never closed") && $0.location.file.hasSuffix("rules.yaml") })
    }
}
