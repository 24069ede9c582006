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

    /// Found by the generated leak test: each of these once put staff text in the handbook, or
    /// lost it from the manual, or lost client text.
    func testATabAfterStaffLineEndsOfEveryKindAndAStaffBlockCutShort() throws {
        var fixture = ProgramFixture()
        fixture.files["pages/welcome.md"] = "---\ntitle: Welcome\n---\nHello.\n\n```staff\tnote\nSECRET-TAB\n```\n"
        fixture.files["pages/cr.md"] = "---\ntitle: Lone CR\n---\nIntro.\r\r```staff\rSECRET-CR\r```\n\nOutro CLIENT-VISIBLE.\n"
        fixture.files["rules.yaml"] = """
        rules:
          - id: be-kind
            title: Be kind
            text: "Treat everyone with respect.\\r\\n\\r\\n```staff\\r\\nSECRET-CRLF\\r\\n```\\r\\n"
        """
        let output = try build(fixture)
        let handbook = snapshot(output + "/handbook").values.map { String(decoding: $0, as: UTF8.self) }.joined()
        let manual = snapshot(output + "/manual").values.map { String(decoding: $0, as: UTF8.self) }.joined()
        for secret in ["SECRET-TAB", "SECRET-CR", "SECRET-CRLF"] {
            XCTAssertFalse(handbook.contains(secret), secret)
            XCTAssertTrue(manual.contains(secret), secret)
        }
        XCTAssertTrue(try read(output + "/handbook/cr.html").contains("Outro CLIENT-VISIBLE."))

        var cutShort = ProgramFixture()
        cutShort.files["pages/welcome.md"] = "---\ntitle: Welcome\n---\n- An item\n\n  ```staff\nSECRET-DEDENTED\n  ```\n\nMore text.\n"
        let folder = try temporaryFolder(self)
        let content = try cutShort.write(into: folder)
        XCTAssertThrowsError(try Handbook.check(options(content, folder + "/Public"))) { error in
            let errors = (error as? DiagnosticsError)?.diagnostics.errors ?? []
            XCTAssertTrue(errors.contains { $0.message.contains("ends with the list item") && $0.location.line == 6 }, "\(errors)")
        }
    }
}
