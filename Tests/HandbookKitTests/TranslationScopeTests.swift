import Foundation
import XCTest
@testable import HandbookKit

/// What a translation must cover (issue 19, point 5): a translation of what clients read only
/// (`scope: client`) builds no manual in its language and is not asked for staff-only texts;
/// names (rooms, the address, people) need no phrase; and `check` says the same thing, in the
/// same order, every time it runs.
final class TranslationScopeTests: XCTestCase {
    /// The test program with a Spanish translation of the client texts only: no staff note, no
    /// facilitator guide, no staff-only page, no phrase for the guide's objectives and materials.
    private static func clientOnlySpanish(scope: String = "{language: es, scope: client}") -> ProgramFixture {
        var fixture = TranslationTests.spanishProgram()
        fixture.files["program.yaml"] = fixture.files["program.yaml"]!
            .replacingOccurrences(of: "translations: [es]", with: "translations: [\(scope)]")
        let es = "translations/es/"
        fixture.files[es + "rules.yaml"] = fixture.files[es + "rules.yaml"]!
            .replacingOccurrences(of: "\n    staff_note: Anote la hora y quién lo vio.", with: "")
        fixture.files[es + "topics.yaml"] = fixture.files[es + "topics.yaml"]!
            .replacingOccurrences(of: "    guide:\n      plan: Hablar y después practicar.\n", with: "")
        fixture.files[es + "phrases.yaml"] = fixture.files[es + "phrases.yaml"]!
            .replacingOccurrences(of: "  - en: Name three triggers\n    es: Nombrar tres detonantes\n", with: "")
            .replacingOccurrences(of: "  - en: Whiteboard\n    es: Pizarra\n", with: "")
        fixture.files["pages/intake.md"] = """
        ---
        title: Intake checklist
        order: 20
        audience: staff
        ---
        Check the referral before the first group.
        """
        return fixture
    }

    // MARK: scope: client

    func testAClientOnlyTranslationGetsNoWarningForStaffText() throws {
        XCTAssertEqual(said(try checkDiagnostics(Self.clientOnlySpanish())), [])
        // A client text with no translation is still listed.
        var missingClientText = Self.clientOnlySpanish()
        missingClientText.files["translations/es/phrases.yaml"] = missingClientText.files["translations/es/phrases.yaml"]!
            .replacingOccurrences(of: "  - en: Day track\n    es: Turno de día\n", with: "")
        XCTAssertEqual(said(try checkDiagnostics(missingClientText)),
                       ["schedule.yaml:9:5: warning: no Spanish (es) translation of the phrase 'Day track' (track name), so it is shown in English"])
        // The same translation listed as a full one is asked for every staff text.
        let full = said(try checkDiagnostics(Self.clientOnlySpanish(scope: "es")))
        for expected in [
            "pages/intake.md:1:1: warning: this page has no Spanish (es) translation",
            "warning: the Spanish (es) translation of the rule 'come-sober' has no 'staff_note'",
            "warning: the Spanish (es) translation of the topic 'triggers' has no 'plan' under 'guide:'",
            "no Spanish (es) translation of the phrase 'Name three triggers' (guide objective)",
        ] {
            XCTAssertTrue(full.contains { $0.contains(expected) }, "missing: \(expected)\nin: \(full.joined(separator: "\n"))")
        }
    }

    func testAClientOnlyTranslationBuildsTheHandbookInItsLanguageAndNoManual() throws {
        let output = try build(Self.clientOnlySpanish())
        let rules = try read(output + "/handbook/es/rules.html")
        XCTAssertTrue(rules.contains("<html lang=\"es\" dir=\"ltr\">") && rules.contains("1. Sea amable"), rules)
        XCTAssertTrue(try read(output + "/handbook/es/welcome.html").contains("Bienvenido al programa."))
        XCTAssertTrue(try read(output + "/schedule/2026-W02/es/index.html").contains("Turno de día"))
        XCTAssertTrue(try read(output + "/schedule/2026-W02/es/2026-W02.ics").contains("SUMMARY:Grupo: Detonantes"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/schedule/calendar/es/all-tracks.ics"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/handbook/es/print.html"))

        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/manual/es"), "no Spanish manual")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/manual/schedule/2026-W02/es"), "no Spanish staff week")
        XCTAssertTrue(try read(output + "/manual/intake.html").contains("Check the referral"), "the manual is still built")
        XCTAssertTrue(try read(output + "/handbook/rules.html").contains("href=\"es/rules.html\" hreflang=\"es\""),
                      "the handbook's language switcher still offers Spanish")
        let manualPages = try htmlFiles(in: output + "/manual")
        XCTAssertFalse(manualPages.isEmpty)
        for page in manualPages {
            XCTAssertFalse(try read(page).contains("hreflang=\"es\""), "\(page) offers a Spanish manual that does not exist")
        }
        XCTAssertEqual(try brokenLinks(in: output), [])
    }

    func testEveryLinkOfAFullTranslationStillResolves() throws {
        // The same crawl must find the Spanish manual's links where there is one: the crawl is
        // not blind to language folders.
        let output = try build(TranslationTests.spanishProgram())
        XCTAssertTrue(try read(output + "/manual/rules.html").contains("href=\"es/rules.html\" hreflang=\"es\""))
        XCTAssertEqual(try brokenLinks(in: output), [])
        try FileManager.default.removeItem(atPath: output + "/manual/es/rules.html")
        XCTAssertTrue(try brokenLinks(in: output).contains("manual/rules.html -> es/rules.html"))
    }

    func testABadTranslationEntryIsAnErrorAtItsLine() throws {
        var fixture = TranslationTests.spanishProgram()
        fixture.files["program.yaml"] = fixture.files["program.yaml"]!.replacingOccurrences(of: "translations: [es]", with: """
        translations:
          - es
          - language: es-US
            scope: clients
          - scope: client
          - language: en
            scope: client
        """)
        let lines = fixture.files["program.yaml"]!.split(separator: "\n", omittingEmptySubsequences: false)
        func line(_ text: String) -> Int { lines.firstIndex { $0.hasSuffix(text) }! + 1 }
        let errors = try checkDiagnostics(fixture).errors
        let scope = try XCTUnwrap(errors.first { $0.message == "'clients' is not a valid scope" }, "\(errors)")
        XCTAssertEqual("\(scope.location)", "program.yaml:\(line("scope: clients")):12")
        XCTAssertEqual(scope.hint, "did you mean 'client'?")
        let missing = try XCTUnwrap(errors.first { $0.message == "translation entry is missing 'language'" }, "\(errors)")
        XCTAssertEqual(missing.location.line, line("  - scope: client"))
        XCTAssertTrue(missing.hint.contains("language: en, scope: client"), missing.hint)
        let own = try XCTUnwrap(errors.first { $0.message.hasPrefix("'en' is the program's own language") }, "\(errors)")
        XCTAssertEqual("\(own.location)", "program.yaml:\(line("  - language: en")):15")
        XCTAssertEqual(errors.count, 3, errors.map(\.description).joined(separator: "\n"))
    }

    // MARK: Names

    func testRoomsTheAddressAndPeopleNeedNoPhrase() throws {
        var fixture = TranslationTests.spanishProgram()
        fixture.files["staff.yaml"]! += """

          - id: li-wei
            name: Li Wei
            role: Counselor
        """
        fixture.files["schedule.yaml"] = fixture.files["schedule.yaml"]!
            .replacingOccurrences(of: "rooms:\n", with: "rooms:\n  - id: cedar-hall\n    name: Cedar Hall\n")
            .replacingOccurrences(of: "facilitator: ana-ruiz", with: "facilitator: li-wei")
            .replacingOccurrences(of: "room: room-a", with: "room: cedar-hall")
        fixture.files["translations/es/phrases.yaml"] = fixture.files["translations/es/phrases.yaml"]!
            .replacingOccurrences(of: "  - en: |\n      1 Test Street\n      Testville\n    es: |\n      1 Test Street\n      Testville (entrada principal)\n", with: "")
        XCTAssertFalse(fixture.files["translations/es/phrases.yaml"]!.contains("Test Street"))
        // Room A keeps its phrase: it is still used, so not reported.
        XCTAssertEqual(said(try checkDiagnostics(fixture)), [])

        let output = try build(fixture)
        let week = try read(output + "/schedule/2026-W02/es/index.html")
        XCTAssertTrue(week.contains("Cedar Hall") && week.contains("Li Wei"), "names shown as written: \(week)")
        let contacts = try read(output + "/handbook/es/contacts.html")
        XCTAssertTrue(contacts.contains("1 Test Street") && !contacts.contains("entrada principal"), contacts)
    }

    func testAPhraseGivenForARoomIsHonoured() throws {
        var fixture = TranslationTests.spanishProgram()
        fixture.files["schedule.yaml"] = fixture.files["schedule.yaml"]!
            .replacingOccurrences(of: "rooms:\n", with: "rooms:\n  - id: group-room\n    name: Group Room\n")
            .replacingOccurrences(of: "room: room-a", with: "room: group-room")
        fixture.files["translations/es/phrases.yaml"]! += "\n  - en: Group Room\n    es: Sala de grupo\n"
        XCTAssertEqual(said(try checkDiagnostics(fixture)), [], "used, and Room A's phrase is not called unused either")
        let output = try build(fixture)
        XCTAssertTrue(try read(output + "/schedule/2026-W02/es/index.html").contains("Sala de grupo"))
        XCTAssertTrue(try read(output + "/schedule/2026-W02/index.html").contains("Group Room"))
    }

    // MARK: Determinism

    func testCheckPrintsTheSameBytesEveryRun() throws {
        var fixture = TranslationTests.spanishProgram()
        // Warnings of several files and kinds, two with a "did you mean" (a stale id).
        fixture.files["translations/es/rules.yaml"] = fixture.files["translations/es/rules.yaml"]!
            .replacingOccurrences(of: "  - id: be-kind\n", with: "  - id: be-kin\n")
        fixture.files["translations/es/phrases.yaml"]! += """

          - en: Gone one
            es: Ya no
          - en: Gone two
            es: Tampoco
        """
        fixture.files["translations/es/pages/welcome.md"] = nil
        fixture.files["translations/es/pages/old.md"] = "---\ntitle: Vieja\n---\nTexto.\n"
        fixture.files["translations/es/faq.yaml"] = "questions:\n  - id: how-long\n    question: ¿Cuánto?\n    answer: Diez.\n"
        let content = try fixture.write(into: try temporaryFolder(self))
        let command = try builtHandbookCommand()
        let first = try run(command, ["check", "--content", content])
        XCTAssertTrue(first.contains("did you mean 'be-kind'?") && first.contains("did you mean 'how-long-is-the-program'?"), first)
        XCTAssertTrue(first.contains("warning: the phrase 'Gone two' is not used"), first)
        for _ in 0..<2 {
            XCTAssertEqual(try run(command, ["check", "--content", content]), first)
        }
    }

    // MARK: Helpers

    /// `handbook check` of a program, with paths relative to its content folder.
    private func checkDiagnostics(_ fixture: ProgramFixture) throws -> [Diagnostic] {
        let content = try fixture.write(into: try temporaryFolder(self))
        let diagnostics: [Diagnostic]
        do {
            diagnostics = try Handbook.check(Handbook.Options(contentDirectory: content, templatesDirectory: defaultTemplates))
        } catch let error as DiagnosticsError {
            diagnostics = error.diagnostics
        }
        return diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            diagnostic.location.file = diagnostic.location.file.replacingOccurrences(of: content + "/", with: "")
            return diagnostic
        }
    }

    /// "file:line:column: severity: message" of each diagnostic.
    private func said(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.location): \($0.severity.rawValue): \($0.message)" }
    }

    /// Every byte a command printed, both streams in order.
    private func run(_ command: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return printed
    }

    private func htmlFiles(in folder: String) throws -> [String] {
        snapshot(folder).keys.filter { $0.hasSuffix(".html") }.sorted().map { folder + "/" + $0 }
    }
}
