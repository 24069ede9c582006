import Foundation
import XCTest
@testable import HandbookKit

/// A `staff` fence that the Markdown parser did not read as one (indented into a code block,
/// joined into a paragraph by a folded YAML scalar) would show its text to clients as code. It
/// is an error at its file and line, wherever it is written.
final class StaffFenceMistakeTests: XCTestCase {
    private func errors(_ fixture: ProgramFixture, in folder: String? = nil) throws -> [Diagnostic] {
        let folder = try folder ?? temporaryFolder(self)
        let content = try fixture.write(into: folder)
        do {
            _ = try Handbook.check(options(content, folder + "/Public"))
            return []
        } catch let error as DiagnosticsError {
            return error.diagnostics.errors.filter { $0.message.contains("```staff block, but it is not one") }
        }
    }

    func testAStaffFenceIndentedFourSpacesInAPageIsAnError() throws {
        var fixture = ProgramFixture()
        fixture.files["pages/welcome.md"] = "---\ntitle: Welcome\n---\nHello.\n\n    ```staff\n    SECRET-INDENTED\n    ```\n"
        let found = try errors(fixture)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location.line, 6)
        XCTAssertTrue(found.first?.location.file.hasSuffix("pages/welcome.md") == true)
        XCTAssertTrue(found.first?.hint.contains("four spaces") == true)
    }

    func testAStaffFenceInAFoldedYAMLScalarIsAnError() throws {
        var fixture = ProgramFixture()
        fixture.files["faq.yaml"] = """
        questions:
          - question: How long is the program?
            answer: >
              About ten weeks.
              ```staff
              SECRET-FOLDED
              ```
        """
        let found = try errors(fixture)
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found.first?.location.file.hasSuffix("faq.yaml") == true)
        XCTAssertEqual(found.first?.location.line, 4)
        XCTAssertTrue(found.first?.hint.contains("'key: |'") == true)
    }

    func testAMisparsedStaffFenceInATranslationIsAnError() throws {
        let folder = try copyOfSample()
        let file = folder + "/Content/translations/es/faq.yaml"
        var text = try read(file)
        text = text.replacingOccurrences(of: """
              consejero lo deciden juntos, según cómo le vaya. Revisamos su progreso
              con frecuencia.
        """, with: """
              consejero lo deciden juntos, según cómo le vaya. Revisamos su progreso
              con frecuencia.

                  ~~~staff
                  SECRETO
                  ~~~
        """)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let found: [Diagnostic]
        do {
            _ = try Handbook.check(options(folder + "/Content", folder + "/Public"))
            found = []
        } catch let error as DiagnosticsError {
            found = error.diagnostics.errors
        }
        XCTAssertTrue(found.contains { $0.location.file.hasSuffix("translations/es/faq.yaml") && $0.message.contains("```staff block") },
                      "\(found)")
    }

    func testProperStaffBlocksAndTheWordInProseAreFine() throws {
        var fixture = ProgramFixture()
        fixture.files["pages/welcome.md"] = """
        ---
        title: Welcome
        ---
        Our staff are here to help.

        - A list item

          ```staff
          Inside a list item.
          ```

        > ~~~~ staff
        > In a quote.
        > ~~~~
        """
        XCTAssertEqual(try errors(fixture), [])
    }
}
