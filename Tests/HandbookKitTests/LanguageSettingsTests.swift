import Foundation
import XCTest
@testable import HandbookKit

/// The program's length, its clock and the Spanish register (issue 19, points 4c and 6):
/// `length_weeks` on the cover and in texts, `time_format` everywhere a time is written,
/// `register: informal` for "tú", and the compliance report in the program's language.
final class LanguageSettingsTests: XCTestCase {
    private func program(adding lines: String) -> ProgramFixture {
        var fixture = ProgramFixture()
        fixture.files["program.yaml"]! += "\n" + lines + "\n"
        return fixture
    }

    private static func line(of text: String, in file: String) -> Int {
        file.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) }! + 1
    }

    // MARK: length_weeks

    func testARangeOfWeeksIsShownOnTheCoverOfBothOutputs() throws {
        let output = try build(program(adding: "length_weeks: [12, 16]"))
        for file in ["handbook/index.html", "handbook/print.html", "manual/index.html"] {
            XCTAssertTrue(try read(output + "/" + file).contains("<p class=\"program-length\">A program of 12 to 16 weeks</p>"), file)
        }
    }

    func testOneNumberOfWeeksReadsAsOneLength() throws {
        let output = try build(program(adding: "length_weeks: 12"))
        XCTAssertTrue(try read(output + "/handbook/index.html").contains("A program of 12 weeks"))
    }

    func testWithoutALengthTheCoverSaysNothingAboutIt() throws {
        let output = try build(ProgramFixture())
        XCTAssertFalse(try read(output + "/handbook/index.html").contains("program-length"))
    }

    func testARangeThatGoesDownIsAnErrorAtItsSecondNumber() throws {
        let fixture = program(adding: "length_weeks: [16, 12]")
        let found = try everyDiagnostic(fixture)
        let error = try XCTUnwrap(found.errors.first { $0.message.contains("'length_weeks' goes from 16 down to 12 weeks") }, "\(found)")
        XCTAssertEqual(error.location.line, Self.line(of: "length_weeks:", in: fixture.files["program.yaml"]!))
        XCTAssertEqual(error.location.column, "length_weeks: [16, ".count + 1, "the column of the 12")
        XCTAssertTrue(error.hint.contains("[12, 16]"), error.hint)
    }

    func testZeroWeeksAndThreeNumbersAreErrors() throws {
        let zero = try everyDiagnostic(program(adding: "length_weeks: 0"))
        XCTAssertTrue(zero.errors.contains { $0.message.contains("'length_weeks' is 0 weeks, which is outside 1...520") }, "\(zero)")
        let three = try everyDiagnostic(program(adding: "length_weeks: [8, 12, 16]"))
        XCTAssertTrue(three.errors.contains { $0.message.contains("'length_weeks' has 3 numbers") }, "\(three)")
        let word = try everyDiagnostic(program(adding: "length_weeks: twelve"))
        XCTAssertTrue(word.errors.contains { $0.message.contains("'twelve' under 'length_weeks' is not a whole number") }, "\(word)")
    }

    func testAPageAndAnAnswerShowTheLengthWhereTheySaySo() throws {
        var fixture = program(adding: "length_weeks: [8, 12]")
        fixture.files["pages/welcome.md"]! += "\n\nMost people stay {program_length}.\n"
        fixture.files["faq.yaml"] = fixture.files["faq.yaml"]!.replacingOccurrences(of: "About ten weeks.", with: "Usually {program_length}.")
        let output = try build(fixture)
        XCTAssertTrue(try read(output + "/handbook/welcome.html").contains("Most people stay 8 to 12 weeks."))
        XCTAssertTrue(try read(output + "/handbook/faq.html").contains("Usually 8 to 12 weeks."))
    }

    func testAPageAskingForTheLengthOfAProgramWithoutOneIsAnErrorAtItsLine() throws {
        var fixture = ProgramFixture()
        fixture.files["pages/welcome.md"]! += "\n\nMost people stay {program_length}.\n"
        let found = try everyDiagnostic(fixture)
        let error = try XCTUnwrap(found.errors.first { $0.message.contains("{program_length}") }, "\(found)")
        XCTAssertTrue(error.location.file.hasSuffix("pages/welcome.md"))
        XCTAssertEqual(error.location.line, Self.line(of: "{program_length}", in: fixture.files["pages/welcome.md"]!))
        XCTAssertEqual(error.location.column, "Most people stay ".count + 1)
        XCTAssertTrue(error.hint.contains("length_weeks"))
    }

    // MARK: time_format

    /// The fixture with its group at 4 PM to 7 PM, and Wednesday's moved to Thursday, so the
    /// week's calendar says in words when it was.
    private func afternoonProgram(_ programLines: String) -> ProgramFixture {
        var fixture = program(adding: programLines)
        fixture.files["schedule.yaml"] = fixture.files["schedule.yaml"]!
            .replacingOccurrences(of: "start: \"9:00 AM\"", with: "start: \"4:00 PM\"")
            .replacingOccurrences(of: "end: \"12:00 PM\"", with: "end: \"7:00 PM\"")
            + """

            changes:
              - date: 2026-01-07
                session: day-group
                move_to: 2026-01-08
                reason: Staff training
            """
        return fixture
    }

    /// The week page, the schedule chapter and the week's calendar file, the calendar unfolded.
    private func timesOf(_ output: String, language: String = "") throws -> (week: String, chapter: String, calendar: String) {
        let folder = language.isEmpty ? "" : language + "/"
        return (try read(output + "/schedule/2026-W02/\(folder)index.html"), try read(output + "/handbook/\(folder)schedule.html"),
                try read(output + "/schedule/2026-W02/\(folder)2026-W02.ics").replacingOccurrences(of: "\r\n ", with: ""))
    }

    func testA24HourProgramWritesSixteenHundredEverywhere() throws {
        let (week, chapter, calendar) = try timesOf(try build(afternoonProgram("time_format: 24h")))
        XCTAssertTrue(week.contains("16:00"), "week page")
        XCTAssertTrue(chapter.contains("16:00"), "schedule chapter")
        XCTAssertFalse(week.contains("4:00\u{00A0}PM") || chapter.contains("4:00\u{00A0}PM"))
        let description = try XCTUnwrap(calendar.split(separator: "\r\n").first { $0.hasPrefix("DESCRIPTION:") && $0.contains("Moved from") })
        XCTAssertTrue(description.contains("16:00"), String(description))
    }

    func testA12HourProgramWritesFourPM() throws {
        let (week, chapter, calendar) = try timesOf(try build(afternoonProgram("time_format: 12h")))
        XCTAssertTrue(week.contains("4:00\u{00A0}PM"), "week page")
        XCTAssertTrue(chapter.contains("4:00\u{00A0}PM"), "schedule chapter")
        XCTAssertTrue(calendar.contains("Moved from Wednesday\\, January 7 4:00 PM"), calendar)
    }

    func testTheProgramsClockHoldsInItsSpanishTranslation() throws {
        var twelve = afternoonProgram("time_format: 12h\ntranslations: [es]")
        twelve.files["translations/es/program.yaml"] = "name: Programa Puerto de Prueba\n"
        let spanish = try timesOf(try build(twelve), language: "es")
        XCTAssertTrue(spanish.chapter.contains("4:00\u{00A0}p.\u{00A0}m."), "Spanish 12-hour: 4:00 p. m.")
        XCTAssertTrue(spanish.week.contains("4:00\u{00A0}p.\u{00A0}m."))

        var usual = afternoonProgram("translations: [es]")
        usual.files["translations/es/program.yaml"] = "name: Programa Puerto de Prueba\n"
        let output = try build(usual)
        XCTAssertTrue(try timesOf(output, language: "es").chapter.contains("16:00"), "without time_format, Spanish keeps its 24-hour clock")
        XCTAssertTrue(try timesOf(output).chapter.contains("4:00\u{00A0}PM"), "and English its 12-hour one")
    }

    func testAnUnknownTimeFormatIsAnErrorAtItsLine() throws {
        let fixture = program(adding: "time_format: 24")
        let found = try everyDiagnostic(fixture)
        let error = try XCTUnwrap(found.errors.first { $0.message.contains("'24' is not a valid time_format") }, "\(found)")
        XCTAssertEqual(error.location.line, Self.line(of: "time_format:", in: fixture.files["program.yaml"]!))
        XCTAssertTrue(error.hint.contains("24h"), error.hint)
    }

    // MARK: The Spanish register

    private var strings: InterfaceStrings { TemplateSet.load(from: [.templates(defaultTemplates)], log: DiagnosticLog()).strings }

    func testTheInformalSwitchChangesTheBuiltInSpanish() throws {
        XCTAssertEqual(strings.wording(for: "es", defaultLanguage: "en").text("if_in_crisis"), "Si está en crisis")
        XCTAssertEqual(strings.wording(for: "es", defaultLanguage: "en", register: .informal).text("if_in_crisis"), "Si estás en crisis")
        XCTAssertEqual(strings.wording(for: "es-US", defaultLanguage: "en", register: .informal).text("care_team"), "Tu equipo de atención",
                       "a regional Spanish takes the tú forms of es")
        XCTAssertEqual(strings.wording(for: "es", defaultLanguage: "en", register: .informal).text("section_rules"), "Reglas del programa",
                       "what does not depend on the register stays")
    }

    func testATranslationSaysInformalInItsProgramFile() throws {
        var fixture = program(adding: "translations: [es]")
        fixture.files["translations/es/program.yaml"] = "name: Programa Puerto de Prueba\nregister: informal\n"
        let output = try build(fixture)
        let cover = try read(output + "/handbook/es/index.html")
        XCTAssertTrue(cover.contains("Si estás en crisis"), cover)
        XCTAssertTrue(try read(output + "/handbook/index.html").contains("If you are in crisis") , "English is untouched")
    }

    func testASpanishFirstProgramSaysInformalInProgramYaml() throws {
        let output = try build(program(adding: "language: es\nregister: informal"))
        XCTAssertTrue(try read(output + "/handbook/index.html").contains("Si estás en crisis"))
    }

    /// Every built-in Spanish string that says "usted" (its verbs, "su") has a "tú" form, so an
    /// informal program never mixes the two.
    func testEveryFormalSpanishStringHasItsInformalForm() throws {
        let formal = strings.layers.filter { $0.tag == "es" && $0.register == .formal }.flatMap(\.strings)
        let informal = Dictionary(strings.layers.filter { $0.tag == "es" && $0.register == .informal }.flatMap(\.strings)) { $1 }
        // Words only the formal address uses, in these strings.
        let usted = try Regex(#"(?i)\b(usted|su|sus|use|llame|guarde|pruebe|empiece|escanee|suscríbase|pida|dé|le pedimos|comunicarse|verá|va a|busca|si está|podría)\b"#)
        // Strings where "su" is "its", not "your".
        let thirdPerson: Set = ["whats_new_shown_in"]
        let missing = formal.filter { $0.value.contains(usted) && informal[$0.key] == nil && !thirdPerson.contains($0.key) }
            .map(\.key).sorted()
        XCTAssertEqual(missing, [], "add their tú forms to Templates/strings/es.informal.yaml")
        for (key, value) in informal {
            XCTAssertFalse(value.contains(usted), "\(key) still says usted: \(value)")
        }
    }

    // MARK: The compliance report's language

    func testASpanishFirstProgramsReportIsInSpanish() throws {
        var fixture = program(adding: "language: es\ncompliance:\n  profile: asam-2.1-adult")
        fixture.files["faq.yaml"]! += "\n    covers: [fees]\n"
        let folder = try temporaryFolder(self)
        let content = try fixture.write(into: folder)
        XCTAssertThrowsError(try Handbook.check(options(content, folder + "/Public"), report: true), "requirements are missing")
        let report = try read(folder + "/Public/compliance-report.html")
        for spanish in ["<html lang=\"es\"", "<h1>Informe de cumplimiento</h1>", "<h2>Contenido obligatorio del manual</h2>",
                        "<th scope=\"col\">Requisito</th>", "<h2>Límites clínicos y otros hallazgos</h2>", "Para corregirlo:",
                        "<td class=\"status\">Cumplido</td>", "<td class=\"status\">Falta</td>",
                        ">Preguntas y respuestas: How long is the program?</a>"] {
            XCTAssertTrue(report.contains(spanish), spanish)
        }
        for english in ["Compliance report", "Required handbook contents", "To fix:", ">Met<", ">Missing<"] {
            XCTAssertFalse(report.contains(english), english)
        }
    }
}
