import Foundation
import XCTest
@testable import HandbookKit

extension LeakyProgramTests {
    /// Markers in every staff-only place of a Spanish translation of the leaky program.
    static var translatedMarkers: [String] {
        [
            "FUGA-INTRO-BLOCK", "FUGA-RULE-TEXT-BLOCK", "FUGA-RULE-NOTE", "FUGA-RULE-TITLE", "FUGA-RULE-TEXT",
            "FUGA-FAQ-BLOCK", "FUGA-FAQ-Q", "FUGA-FAQ-A", "FUGA-TOPIC-BLOCK", "FUGA-GUIDE-PLAN", "FUGA-TOPIC-TITLE",
            "FUGA-TOPIC-SUMMARY", "FUGA-GUIDE-OBJ", "FUGA-GUIDE-MAT", "FUGA-STAFF-NOTES", "FUGA-HIDDEN-ROLE",
            "FUGA-SESSION-NOTE", "FUGA-CHANGE-REASON", "FUGA-EXTRA-NOTE", "FUGA-BLOCK-PAGE", "FUGA-PAGE-TITLE",
            "FUGA-PAGE-SUMMARY", "FUGA-PAGE-BODY",
        ]
    }

    static func leakyProgramInSpanish() -> ProgramFixture {
        var fixture = leakyProgram()
        fixture.files["program.yaml"]! += "\ntranslations: [es]\n"
        let es = "translations/es/"
        fixture.files[es + "program.yaml"] = """
        sections:
          rules:
            intro: |
              Nuestras reglas.

              ```staff
              FUGA-INTRO-BLOCK
              ```
        """
        fixture.files[es + "rules.yaml"] = """
        rules:
          - id: be-kind
            title: Sea amable
            text: |
              Trate a todos con respeto.

              ```staff
              FUGA-RULE-TEXT-BLOCK
              ```
            staff_note: FUGA-RULE-NOTE, vea [el procedimiento](leak-page-slug.md).
          - id: internal
            title: FUGA-RULE-TITLE
            text: FUGA-RULE-TEXT
        """
        fixture.files[es + "faq.yaml"] = """
        questions:
          - id: how-long-is-the-program
            question: ¿Cuánto dura el programa?
            answer: |
              Unas diez semanas.

              ```staff
              FUGA-FAQ-BLOCK
              ```
          - id: leak-faq-q
            question: FUGA-FAQ-Q
            answer: FUGA-FAQ-A
        """
        fixture.files[es + "topics.yaml"] = """
        topics:
          - id: triggers
            title: Detonantes
            summary: |
              Qué despierta las ganas.

              ```staff
              FUGA-TOPIC-BLOCK
              ```
            guide:
              plan: FUGA-GUIDE-PLAN
          - id: sleep
            title: Dormir
            summary: Por qué ayuda descansar.
          - id: internal-topic
            title: FUGA-TOPIC-TITLE
            summary: FUGA-TOPIC-SUMMARY
        """
        fixture.files[es + "phrases.yaml"] = """
        phrases:
          - {en: LEAK-GUIDE-OBJ, es: FUGA-GUIDE-OBJ}
          - {en: LEAK-GUIDE-MAT, es: FUGA-GUIDE-MAT}
          - {en: LEAK-STAFF-NOTES, es: FUGA-STAFF-NOTES}
          - {en: LEAK-HIDDEN-ROLE, es: FUGA-HIDDEN-ROLE}
          - {en: LEAK-SESSION-NOTE, es: FUGA-SESSION-NOTE}
          - {en: LEAK-CHANGE-REASON, es: FUGA-CHANGE-REASON}
          - {en: LEAK-EXTRA-NOTE, es: FUGA-EXTRA-NOTE}
          - {en: Counselor, es: Consejera}
          - {en: Day track, es: Turno de día}
        """
        fixture.files[es + "pages/welcome.md"] = """
        ---
        title: Bienvenida
        ---
        Bienvenido.

        ```staff
        FUGA-BLOCK-PAGE: vea el [procedimiento](leak-page-slug.md)
        ```
        """
        fixture.files[es + "pages/leak-page-slug.md"] = """
        ---
        title: FUGA-PAGE-TITLE
        summary: FUGA-PAGE-SUMMARY
        ---
        FUGA-PAGE-BODY
        """
        return fixture
    }
}

/// Translations of staff-only content.
final class TranslationLeakTests: XCTestCase, LeakyProgramTests {
    /// Translations follow the audience of their original: no staff-only Spanish reaches any
    /// client file in any language, and all of it is in the Spanish manual.
    func testNoStaffOnlyTranslationReachesAnyClientFile() throws {
        let output = try build(Self.leakyProgramInSpanish(), today: "2026-01-07")
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/handbook/es/welcome.html"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/schedule/2026-W02/es/index.html"))
        for clientFolder in ["/handbook", "/schedule"] {
            XCTAssertEqual(Self.leaks(in: output + clientFolder), [], "no English staff-only text in any language")
            for (path, data) in Self.files(under: output + clientFolder) {
                for marker in Self.translatedMarkers where data.range(of: Data(marker.utf8)) != nil {
                    XCTFail("\(marker) in \(clientFolder)/\(path)")
                }
            }
        }
        let manual = Self.files(under: output + "/manual") // manual/es/ and the staff week's es/
        for marker in Self.translatedMarkers {
            XCTAssertTrue(manual.contains { $0.1.range(of: Data(marker.utf8)) != nil }, "\(marker) missing from the Spanish manual")
        }
    }
}
