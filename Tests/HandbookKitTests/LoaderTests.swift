import XCTest
@testable import HandbookKit

final class LoaderTests: XCTestCase {
    func testSampleProgramLoadsWithoutErrors() throws {
        let log = DiagnosticLog()
        let content = try XCTUnwrap(ContentLoader(directory: sampleContent).load(log: log))
        XCTAssertEqual(log.sorted.errors, [])
        XCTAssertGreaterThanOrEqual(content.pages.filter { $0.audience == .everyone }.count, 8)
        XCTAssertGreaterThanOrEqual(content.rules.count, 12)
        XCTAssertGreaterThanOrEqual(content.faq.count, 10)
        XCTAssertGreaterThanOrEqual(content.topics.count, 12)
        XCTAssertGreaterThanOrEqual(content.schedule.tracks.count, 2)
    }

    func testFixtureLoadsEveryFileKind() throws {
        let (content, diagnostics) = try loadDiagnostics(ProgramFixture())
        XCTAssertEqual(diagnostics, [])
        let loaded = try XCTUnwrap(content)
        XCTAssertEqual(loaded.program.name, "Test Harbor Program")
        XCTAssertEqual(loaded.program.hours.first?.open, TimeOfDay(hour: 8, minute: 0))
        XCTAssertEqual(loaded.rules.map(\.id), ["be-kind", "come-sober"])
        XCTAssertTrue(loaded.rules[1].canLeadToDischarge)
        XCTAssertEqual(loaded.faq.first?.id, "how-long-is-the-program")
        XCTAssertEqual(loaded.topics.first?.guide?.minutes, 60)
        XCTAssertEqual(loaded.staff.first?.displayName, "Ana R.")
        XCTAssertEqual(loaded.schedule.tracks.first?.sessions.first?.days, [.monday, .wednesday, .friday])
        XCTAssertEqual(loaded.pages.first?.slug, "welcome")
        XCTAssertEqual(loaded.pages.first?.body.origin.line, 6)
    }

    func testMalformedYAMLReportsLineAndColumn() throws {
        var fixture = ProgramFixture()
        fixture.files["rules.yaml"] = "rules:\n  - id: a\n    title: Broken: value\n"
        let (_, diagnostics) = try loadDiagnostics(fixture)
        let error = try XCTUnwrap(diagnostics.errors.first)
        XCTAssertEqual(error.location.file, "rules.yaml")
        XCTAssertEqual(error.location.line, 3)
        XCTAssertEqual(error.location.column, 18)
        XCTAssertTrue(error.hint.contains("quotes"), error.hint)
    }

    func testUnknownKeySuggestsTheKnownOne() throws {
        var fixture = ProgramFixture()
        fixture.files["rules.yaml"] = "rules:\n  - id: a\n    titel: Hello\n    text: Hi\n"
        let (_, diagnostics) = try loadDiagnostics(fixture)
        let unknown = try XCTUnwrap(diagnostics.first { $0.message.contains("unknown key 'titel'") })
        XCTAssertEqual(unknown.location.line, 3)
        XCTAssertEqual(unknown.location.column, 5)
        XCTAssertEqual(unknown.hint, "did you mean 'title'?")
        XCTAssertTrue(diagnostics.contains { $0.message == "rule is missing 'title'" && $0.location.line == 2 })
    }

    func testWrongTypesAndImpossibleValues() throws {
        var fixture = ProgramFixture()
        fixture.files["program.yaml"] = fixture.files["program.yaml"]!
            .replacingOccurrences(of: "time_zone: America/Chicago", with: "time_zone: Mars/Olympus")
            .replacingOccurrences(of: "edition_date: 2026-01-05", with: "edition_date: 2026-02-30")
            .replacingOccurrences(of: "open: \"8:00 AM\"", with: "open: \"25:00\"")
            .replacingOccurrences(of: "name: Test Harbor Program", with: "name: [a, list]")
        let (_, diagnostics) = try loadDiagnostics(fixture)
        let messages = diagnostics.errors.map { "\($0.location.line): \($0.message)" }
        XCTAssertTrue(messages.contains("1: 'name' should be text, found a list"), "\(messages)")
        XCTAssertTrue(messages.contains("4: '2026-02-30' is not a real date"), "\(messages)")
        XCTAssertTrue(messages.contains("5: 'Mars/Olympus' is not a known time zone"), "\(messages)")
        XCTAssertTrue(messages.contains("13: '25:00' is not a time of day"), "\(messages)")
    }

    func testDuplicateIdsAndBadIds() throws {
        var fixture = ProgramFixture()
        fixture.files["topics.yaml"] = """
        topics:
          - id: triggers
            title: A
            summary: A
          - id: triggers
            title: B
            summary: B
          - id: Sleep Well
            title: C
            summary: C
        """
        fixture.files["schedule.yaml"] = nil
        let (_, diagnostics) = try loadDiagnostics(fixture)
        XCTAssertTrue(diagnostics.contains { $0.location.line == 5 && $0.message.contains("'triggers' is used twice (first at line 2)") })
        XCTAssertTrue(diagnostics.contains { $0.location.line == 8 && $0.hint == "for example 'sleep-well'" })
    }

    func testMissingRequiredFileAndFields() throws {
        var fixture = ProgramFixture()
        fixture.files["program.yaml"] = "name: Only a name\n"
        let (content, diagnostics) = try loadDiagnostics(fixture)
        let missing = diagnostics.errors.map(\.message)
        for key in ["edition", "edition_date", "time_zone", "address", "phone"] {
            XCTAssertTrue(missing.contains("program.yaml is missing '\(key)'"), "\(key): \(missing)")
        }
        XCTAssertNotNil(content) // the rest still loads, so its problems are reported in the same run

        fixture.files["program.yaml"] = nil
        let (_, noProgram) = try loadDiagnostics(fixture)
        XCTAssertTrue(noProgram.contains { $0.location.file == "program.yaml" && $0.message == "the file is missing" })
    }

    func testEveryProblemOfEveryFileInOneRun() throws {
        var fixture = ProgramFixture()
        fixture.files["rules.yaml"] = "rules:\n  - id: a\n    title: A\n    text: A\n    colour: red\n"
        fixture.files["faq.yaml"] = "questions:\n  - question: Why?\n"
        fixture.files["staff.yaml"] = "staff:\n  - id: x\n    name: X\n    role: R\n    phone: [1, 2]\n"
        fixture.files["pages/bad.md"] = "no front matter here\n"
        let (_, diagnostics) = try loadDiagnostics(fixture)
        let files = Set(diagnostics.errors.map(\.location.file))
        XCTAssertEqual(files, ["rules.yaml", "faq.yaml", "staff.yaml", "pages/bad.md"])
    }

    func testFrontMatterProblems() throws {
        var fixture = ProgramFixture()
        fixture.files["pages/open.md"] = "---\ntitle: Never closed\n"
        fixture.files["pages/typo.md"] = "---\ntitle: T\nsumary: S\n---\nBody\n"
        fixture.files["pages/Bad Name.md"] = "---\ntitle: T\n---\n"
        fixture.files["pages/rules.md"] = "---\ntitle: T\n---\n"
        fixture.files["pages/notitle.md"] = "---\norder: 3\n---\n"
        let (_, diagnostics) = try loadDiagnostics(fixture)
        func has(_ file: String, _ line: Int, _ text: String) -> Bool {
            diagnostics.contains { $0.location.file == "pages/\(file)" && $0.location.line == line && $0.message.contains(text) }
        }
        XCTAssertTrue(has("open.md", 1, "front matter is not closed"), "\(diagnostics)")
        XCTAssertTrue(has("typo.md", 3, "unknown key 'sumary'"), "\(diagnostics)")
        XCTAssertTrue(has("Bad Name.md", 1, "lowercase letters"), "\(diagnostics)")
        XCTAssertTrue(has("rules.md", 1, "used by the handbook itself"), "\(diagnostics)")
        XCTAssertTrue(has("notitle.md", 2, "missing 'title'"), "\(diagnostics)")
    }

    func testFrontMatterAcceptsBOMAndCRLF() {
        let text = "\u{FEFF}---\r\ntitle: Hi\r\n---\r\nBody line\r\n"
        guard case let .success(front) = FrontMatter.split(text) else { return XCTFail("did not split") }
        XCTAssertEqual(front.yaml, "title: Hi")
        XCTAssertEqual(front.body, "Body line\n")
        XCTAssertEqual(front.bodyFirstLine, 4)
    }

    func testScheduleReferencesMustExist() throws {
        var fixture = ProgramFixture()
        fixture.files["schedule.yaml"] = fixture.files["schedule.yaml"]!
            .replacingOccurrences(of: "facilitator: ana-ruiz", with: "facilitator: ana-ruis")
            .replacingOccurrences(of: "topics: [triggers, sleep]", with: "topics: [triggers, sleeep]")
        let (content, _) = try loadDiagnostics(fixture)
        let log = DiagnosticLog()
        ReferenceChecker.check(try XCTUnwrap(content), log: log)
        let messages = log.sorted.map { "\($0.message) \($0.hint)" }
        XCTAssertTrue(messages.contains { $0.contains("unknown staff member 'ana-ruis' did you mean 'ana-ruiz'?") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("unknown topic 'sleeep' did you mean 'sleep'?") }, "\(messages)")
    }

    func testTimesAndDates() {
        XCTAssertEqual(TimeOfDay("9:00 AM"), TimeOfDay(hour: 9, minute: 0))
        XCTAssertEqual(TimeOfDay("12:15 pm"), TimeOfDay(hour: 12, minute: 15))
        XCTAssertEqual(TimeOfDay("12:00 AM"), TimeOfDay(hour: 0, minute: 0))
        XCTAssertEqual(TimeOfDay("18:30"), TimeOfDay(hour: 18, minute: 30))
        XCTAssertEqual(TimeOfDay("6 PM"), TimeOfDay(hour: 18, minute: 0))
        for bad in ["25:00", "9:60 AM", "13:00 PM", "nine", "9", "", "0:00 AM"] {
            XCTAssertNil(TimeOfDay(bad), bad)
        }
        XCTAssertEqual(TimeOfDay(hour: 18, minute: 5).description, "6:05 PM")
        XCTAssertNil(CalendarDate("2026-13-01"))
        XCTAssertNotNil(CalendarDate("2028-02-29"))
        XCTAssertNil(CalendarDate("2026-02-29"))
        XCTAssertEqual(CalendarDate("2026-11-26")?.weekday, .thursday)
        XCTAssertEqual(CalendarDate(dayNumber: CalendarDate("2026-12-31")!.dayNumber + 1), CalendarDate("2027-01-01"))
    }
}
