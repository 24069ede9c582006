import Foundation
import XCTest
@testable import HandbookKit

/// Programs in more than one language: translations applied per language, what is missing
/// listed by `check` and shown in the default language with a notice, outputs per language.
final class TranslationTests: XCTestCase {
    /// The test program with a complete Spanish translation.
    static func spanishProgram() -> ProgramFixture {
        var fixture = ProgramFixture()
        fixture.files["program.yaml"]! += "\ntranslations: [es]\n"
        let es = "translations/es/"
        fixture.files[es + "program.yaml"] = "name: Programa Test Harbor\nsections:\n  faq:\n    title: Preguntas frecuentes\n"
        fixture.files[es + "rules.yaml"] = """
        rules:
          - id: be-kind
            title: Sea amable
            text: Trate a todos con respeto.
            consequence: Hablará con su consejero.
          - id: come-sober
            title: Venga sobrio
            text: No consuma antes del grupo.
            staff_note: Anote la hora y quién lo vio.
        """
        fixture.files[es + "faq.yaml"] = """
        questions:
          - id: how-long-is-the-program
            question: ¿Cuánto dura el programa?
            answer: Unas diez semanas.
        """
        fixture.files[es + "topics.yaml"] = """
        topics:
          - id: triggers
            title: Detonantes
            summary: Qué despierta las ganas de consumir.
            guide:
              plan: Hablar y después practicar.
          - id: sleep
            title: Dormir
            summary: Por qué ayuda descansar.
        """
        fixture.files[es + "phrases.yaml"] = """
        phrases:
          - en: Edition 1
            es: Edición 1
          - en: |
              1 Test Street
              Testville
            es: |
              1 Test Street
              Testville (entrada principal)
          - en: Monday to Friday
            es: De lunes a viernes
          - en: Crisis Lifeline
            es: Línea de crisis
          - en: Call or text.
            es: Llame o envíe un mensaje.
          - en: Emergency
            es: Emergencias
          - en: Front desk
            es: Recepción
          - en: Foundations
            es: Fundamentos
          - en: Name three triggers
            es: Nombrar tres detonantes
          - en: Whiteboard
            es: Pizarra
          - en: Counselor
            es: Consejera
          - en: Room A
            es: Sala A
          - en: Day track
            es: Turno de día
          - en: Group
            es: Grupo
        """
        fixture.files[es + "pages/welcome.md"] = """
        ---
        title: Bienvenida
        summary: Empiece aquí.
        ---
        Bienvenido al programa. Vea las [reglas](rules.md#be-kind).

        ## Primeros pasos

        Entre y salude.

        ## Preguntas

        Pregúntenos lo que quiera.
        """
        return fixture
    }

    /// `handbook check` of a program, with paths relative to its content folder.
    func checkDiagnostics(_ fixture: ProgramFixture) throws -> [Diagnostic] {
        let folder = try temporaryFolder(self)
        let content = try fixture.write(into: folder)
        let options = Handbook.Options(contentDirectory: content, templatesDirectory: defaultTemplates, outputDirectory: folder + "/Public")
        let diagnostics: [Diagnostic]
        do {
            diagnostics = try Handbook.check(options)
        } catch let error as DiagnosticsError {
            diagnostics = error.diagnostics
        }
        return diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            diagnostic.location.file = diagnostic.location.file.replacingOccurrences(of: content + "/", with: "")
            return diagnostic
        }
    }

    /// What a diagnostic says, without its hint: "file:line:column: severity: message".
    func said(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.location): \($0.severity.rawValue): \($0.message)" }
    }

    func testACompleteTranslationChecksCleanAndBuildsEveryOutputInBothLanguages() throws {
        XCTAssertEqual(said(try checkDiagnostics(Self.spanishProgram())), [])
        let output = try build(Self.spanishProgram())
        let rules = try read(output + "/handbook/es/rules.html")
        XCTAssertTrue(rules.contains("<html lang=\"es\" dir=\"ltr\">"))
        XCTAssertTrue(rules.contains("1. Sea amable") && rules.contains("Puede llevar al alta."), "entries and interface strings in Spanish")
        XCTAssertTrue(rules.contains("href=\"../assets/style.css\""), "a translation uses the output's one stylesheet")
        XCTAssertTrue(rules.contains("href=\"../rules.html\" hreflang=\"en\""), "the switcher links to the same page in English")
        XCTAssertTrue(try read(output + "/handbook/rules.html").contains("href=\"es/rules.html\" hreflang=\"es\""))
        XCTAssertFalse(rules.contains("Anote la hora"), "the translated staff note stays out of the client handbook")
        XCTAssertTrue(try read(output + "/manual/es/rules.html").contains("Anote la hora y quién lo vio."))
        let contacts = try read(output + "/handbook/es/contacts.html")
        XCTAssertTrue(contacts.contains("<td>8:00</td><td>17:00</td>"), "times in the Spanish format: \(contacts)")
        XCTAssertTrue(contacts.contains("Testville (entrada principal)"), "a multi-line phrase is translated")
        XCTAssertTrue(try read(output + "/handbook/contacts.html").contains("<td>8:00 AM</td><td>5:00 PM</td>"))
        XCTAssertTrue(try read(output + "/handbook/es/index.html").contains("5 de enero de 2026"), "the edition date in Spanish")
        XCTAssertTrue(try read(output + "/handbook/es/faq.html").contains("<h1>Preguntas frecuentes</h1>"), "a translation's own section title")
        XCTAssertTrue(try read(output + "/handbook/es/topics.html").contains("<h1>De qué hablamos en grupo</h1>"), "the standard title, translated")

        let week = try read(output + "/schedule/2026-W02/es/index.html")
        XCTAssertTrue(week.contains("Turno de día") && week.contains("Lunes") && week.contains("9:00 – 12:00"), week)
        XCTAssertTrue(week.contains("href=\"../schedule.css\""))
        let calendar = try read(output + "/schedule/2026-W02/es/2026-W02.ics")
        XCTAssertTrue(calendar.contains("SUMMARY:Grupo: Detonantes"), calendar)
        XCTAssertTrue(calendar.contains("CATEGORIES:Grupo"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/manual/schedule/2026-W02/es/index.html"))
        XCTAssertTrue(try read(output + "/manual/es/schedule.html").contains("href=\"../schedule/es/index.html\""),
                      "the Spanish manual links to the Spanish staff week")
        XCTAssertTrue(try read(output + "/handbook/es/index.html").contains("href=\"../../schedule/es/index.html\""),
                      "the Spanish cover links to the Spanish client week")
    }

    func testAMissingPageIsNamedByCheckAndShownInTheDefaultLanguageWithANotice() throws {
        var fixture = Self.spanishProgram()
        fixture.files["translations/es/pages/welcome.md"] = nil
        let diagnostics = try checkDiagnostics(fixture)
        XCTAssertEqual(said(diagnostics), [
            "pages/welcome.md:1:1: warning: this page has no Spanish (es) translation, so the Spanish (es) outputs show it in English",
        ])
        XCTAssertTrue(diagnostics.first?.hint.hasSuffix("/translations/es/pages/welcome.md with the page translated") == true)
        let output = try build(fixture)
        let page = try read(output + "/handbook/es/welcome.html")
        XCTAssertTrue(page.contains("<article class=\"chapter\" lang=\"en\">"), "the English text is marked as English")
        XCTAssertTrue(page.contains("<p class=\"translation-notice\" lang=\"es\">Esta página todavía no está traducida. Se muestra en inglés.</p>"))
        XCTAssertTrue(page.contains("<h1>Welcome</h1>") && page.contains("Come in and say hello."))
        XCTAssertTrue(page.contains("href=\"rules.html#be-kind\""), "its links go to the Spanish chapters")
        XCTAssertTrue(try read(output + "/handbook/es/index.html").contains("<a href=\"welcome.html\" lang=\"en\">Welcome</a>"))
    }

    func testEveryKindOfMissingOrStaleTranslationIsListed() throws {
        var fixture = Self.spanishProgram()
        let es = "translations/es/"
        fixture.files[es + "rules.yaml"] = """
        rules:
          - id: be-kind
            title: Sea amable
            text: Trate a todos con respeto.
          - id: be-kindly
            title: Sobra
            text: Esta regla no existe.
        """
        fixture.files[es + "phrases.yaml"]! = fixture.files[es + "phrases.yaml"]!
            .replacingOccurrences(of: "  - en: Room A\n    es: Sala A\n", with: "  - en: Room B\n    es: Sala B\n")
        fixture.files[es + "pages/old-page.md"] = "---\ntitle: Vieja\n---\nTexto.\n"
        fixture.files["translations/fr/phrases.yaml"] = "phrases: []\n"
        let messages = said(try checkDiagnostics(fixture))
        let expected = [
            "rules.yaml:6:5: warning: the rule 'come-sober' has no Spanish (es) translation, so it is shown in English",
            "translations/es/pages/old-page.md:1:1: warning: there is no page 'old-page.md' in pages/, so this translation is not used",
            // 'Room A' has lost its phrase, but a room's name needs none (it is shown as written);
            // the phrase that matches no room is still listed.
            "translations/es/phrases.yaml:28:9: warning: the phrase 'Room B' is not used: no text in the data files is exactly this",
            "translations/es/rules.yaml:2:5: warning: the Spanish (es) translation of the rule 'be-kind' has no 'consequence', so the original is shown",
            "translations/es/rules.yaml:5:5: warning: there is no rule 'be-kindly' in rules.yaml, so this translation is not used",
            "translations/fr: warning: this translation is not listed in program.yaml, so it is not built",
        ]
        for message in expected { XCTAssertTrue(messages.contains(message), "missing: \(message)\nin: \(messages.joined(separator: "\n"))") }
        XCTAssertEqual(messages.count, expected.count, messages.joined(separator: "\n"))

        let output = try build(fixture)
        let rules = try read(output + "/handbook/es/rules.html")
        XCTAssertTrue(rules.contains("<section class=\"rule\" lang=\"en\">\n<h2 id=\"come-sober\">"), "an untranslated entry is marked English")
        XCTAssertTrue(rules.contains("Algunas partes de esta página todavía no están traducidas. Se muestran en inglés."))
    }

    func testErrorsInTranslationFilesPointAtTheLine() throws {
        var fixture = Self.spanishProgram()
        fixture.files["translations/es/faq.yaml"] = """
        questions:
          - id: how-long-is-the-program
            question: ¿Cuánto dura?
            audience: staff
        """
        let errors = said(try checkDiagnostics(fixture).errors)
        XCTAssertTrue(errors.contains { $0.hasPrefix("translations/es/faq.yaml:4:5: error: unknown key 'audience' in question translation") },
                      errors.joined(separator: "\n"))
    }

    func testLanguagesNeedInterfaceStringsAndMayOverrideSomeOfThem() throws {
        var fixture = Self.spanishProgram()
        fixture.files["program.yaml"] = fixture.files["program.yaml"]!.replacingOccurrences(of: "translations: [es]", with: "translations: [es, xx]")
        let errors = said(try checkDiagnostics(fixture).errors)
        XCTAssertEqual(errors, ["program.yaml:24:20: error: there are no interface strings for the language 'xx'"], errors.joined(separator: "\n"))

        var own = Self.spanishProgram()
        own.files["templates/strings/es.yaml"] = "staff_badge: Equipo\nif_rule_broken: Si se rompe esta regla\n"
        var misspelt = own
        misspelt.files["templates/strings/es.yaml"]! += "if_rule_brokn: Si se rompe\n"
        let misspeltWarnings = said(try checkDiagnostics(misspelt))
        XCTAssertTrue(misspeltWarnings.contains(
            "templates/strings/es.yaml:3:16: warning: 'if_rule_brokn' is not an interface string, so this line is not used"),
            misspeltWarnings.joined(separator: "\n"))
        let output = try build(own)
        let rules = try read(output + "/handbook/es/rules.html")
        XCTAssertTrue(rules.contains("Si se rompe esta regla"), "the program's own string wins")
        XCTAssertTrue(rules.contains("Puede llevar al alta."), "the other strings still come from the tool's es.yaml")

        var partial = Self.spanishProgram()
        partial.files["program.yaml"] = partial.files["program.yaml"]!.replacingOccurrences(of: "translations: [es]", with: "translations: [es, vi]")
        partial.files["templates/strings/vi.yaml"] = "language_name: Tiếng Việt\n"
        let warnings = said(try checkDiagnostics(partial))
        XCTAssertTrue(warnings.contains { $0.contains("interface strings have no 'vi' translation and are shown in the default language") },
                      warnings.joined(separator: "\n"))
    }

    func testAMisspeltInterfaceStringInATemplateIsAnError() throws {
        var fixture = ProgramFixture()
        fixture.files["templates/footer.mustache"] = "<footer>\n<p>{{programName}} · {{ui.programe_phone}}</p>\n</footer>\n"
        let errors = said(try checkDiagnostics(fixture).errors)
        XCTAssertEqual(errors, ["templates/footer.mustache:2:22: error: the template 'footer' uses the interface string 'programe_phone', which strings/en.yaml does not have"])
    }

    func testDatesTimesAndNumbersFollowTheLanguage() throws {
        let strings = TemplateSet.load(from: [.templates(defaultTemplates)], log: DiagnosticLog()).strings
        let english = strings.wording(for: "en", defaultLanguage: "en")
        let spanish = strings.wording(for: "es", defaultLanguage: "en")
        let usSpanish = strings.wording(for: "es-US", defaultLanguage: "en")
        let evening = TimeOfDay(hour: 18, minute: 30), day = try XCTUnwrap(CalendarDate("2026-11-24"))
        XCTAssertEqual(english.time(evening), "6:30 PM")
        XCTAssertEqual(spanish.time(evening), "18:30")
        XCTAssertEqual(usSpanish.time(evening), "6:30 p.m.")
        XCTAssertEqual(english.dayAndDate(day), "Tuesday, November 24")
        XCTAssertEqual(spanish.dayAndDate(day), "martes, 24 de noviembre")
        XCTAssertEqual(spanish.fullDate(day), "24 de noviembre de 2026")
        XCTAssertEqual(spanish.weekdayName(.wednesday), "Miércoles")
        XCTAssertEqual(english.hours(minutes: 570), "9.5 hours")
        XCTAssertEqual(spanish.hours(minutes: 570), "9,5 horas")
        XCTAssertEqual(spanish.hours(minutes: 60), "1 hora")
        XCTAssertEqual(usSpanish.text("section_rules"), "Reglas del programa", "es-US falls back to es, key by key")
        XCTAssertEqual(spanish.nameOfLanguage("en"), "inglés")
        XCTAssertEqual(spanish.textDirection, "ltr")
        XCTAssertEqual(strings.wording(for: "ar", defaultLanguage: "en").textDirection, "rtl", "Arabic pages get dir=\"rtl\"")
    }

    /// The issue's own test, on the sample: without its Spanish grievances page, `check` names the
    /// page, and the Spanish handbook shows it in English with a notice in Spanish.
    func testRemovingOneSpanishPageOfTheSampleNamesItAndFallsBackToEnglish() throws {
        let folder = try copyOfSample()
        try FileManager.default.removeItem(atPath: folder + "/Content/translations/es/pages/grievances.md")
        let options = options(folder + "/Content", folder + "/Public")
        let missing = try Handbook.check(options).filter { $0.message.contains("no Spanish (es) translation") }
        XCTAssertEqual(missing.map { "\($0.location.file.replacingOccurrences(of: folder + "/", with: "")):\($0.location.line)" },
                       ["Content/pages/grievances.md:1"])
        _ = try Handbook.build(options, environment: fixedClock("2026-12-02"))
        let page = try read(folder + "/Public/handbook/es/grievances.html")
        XCTAssertTrue(page.contains("Esta página todavía no está traducida. Se muestra en inglés."))
        XCTAssertTrue(page.contains("<article class=\"chapter\" lang=\"en\">"))
        XCTAssertTrue(page.contains("<h1>Complaints and grievances</h1>"), "the English page")
        XCTAssertFalse(try read(folder + "/Public/handbook/es/rules.html").contains("translation-notice"), "other pages stay Spanish")
    }

    /// The sample program's Spanish is complete, and its staff-only Spanish stays in the manual.
    func testTheSampleProgramIsCompletelyTranslated() throws {
        let options = Handbook.Options(contentDirectory: sampleContent, templatesDirectory: defaultTemplates,
                                       outputDirectory: try temporaryFolder(self) + "/Public", profilesDirectory: packageRoot + "/Profiles")
        let diagnostics = try Handbook.check(options)
        let aboutTranslations = diagnostics.filter {
            $0.message.contains("translation") || $0.message.contains("phrase") || $0.message.contains("interface strings")
        }
        XCTAssertEqual(aboutTranslations.map(\.description), [])
    }
}
