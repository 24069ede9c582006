import Foundation
import XCTest
@testable import HandbookKit

final class ScheduleTests: XCTestCase {
    private func content(_ fixture: ProgramFixture = ProgramFixture()) throws -> Content {
        let (content, diagnostics) = try loadDiagnostics(fixture)
        XCTAssertEqual(diagnostics.errors, [])
        return try XCTUnwrap(content)
    }

    private func week(_ text: String) -> ISOWeek { ISOWeek(text)! }

    /// The fixture's schedule with dated exceptions added.
    private func fixtureWithExceptions(_ exceptions: String) -> ProgramFixture {
        var fixture = ProgramFixture()
        fixture.files["staff.yaml"]! += """

          - id: ben-cho
            name: Ben Cho
            display_name: Ben C.
            role: Counselor
        """
        fixture.files["schedule.yaml"]! += "\n" + exceptions
        return fixture
    }

    // MARK: Weeks and dates

    func testISOWeeksAcrossTheYearBoundary() {
        XCTAssertNotNil(ISOWeek(year: 2026, week: 53))
        XCTAssertNil(ISOWeek(year: 2027, week: 53))
        XCTAssertNil(ISOWeek("2026-W54"))
        XCTAssertEqual(ISOWeek(containing: CalendarDate("2027-01-01")!), week("2026-W53"))
        XCTAssertEqual(ISOWeek(containing: CalendarDate("2027-01-04")!), week("2027-W01"))
        XCTAssertEqual(ISOWeek(containing: CalendarDate("2021-01-03")!), week("2020-W53"))
        XCTAssertEqual(ISOWeek(containing: CalendarDate("2024-12-30")!), week("2025-W01"))
        XCTAssertEqual(week("2026-W53").monday, CalendarDate("2026-12-28"))
        XCTAssertEqual(week("2026-W53").next, week("2027-W01"))
        XCTAssertEqual(week("2026-W49").description, "2026-W49")
        XCTAssertEqual(ISOWeek("2026w9"), ISOWeek(year: 2026, week: 9))
    }

    func testTopicsRotateOneAWeekFromTheSeriesStart() throws {
        let resolver = WeekResolver(try content())
        XCTAssertNil(resolver.topic(of: "core", in: week("2026-W01")), "before the series starts")
        XCTAssertEqual(resolver.topic(of: "core", in: week("2026-W02"))?.id, "triggers")
        XCTAssertEqual(resolver.topic(of: "core", in: week("2026-W03"))?.id, "sleep")
        XCTAssertEqual(resolver.topic(of: "core", in: week("2026-W04"))?.id, "triggers")
        XCTAssertEqual(resolver.topic(of: "core", in: week("2027-W01"))?.id, "triggers", "52 weeks later: the rotation runs on across years")
    }

    // MARK: Exceptions

    func testClosureOfAWholeDayAcrossTheYearBoundary() throws {
        let fixture = fixtureWithExceptions("""
        closures:
          - date: 2027-01-01
            reason: New Year's Day
        """)
        let resolved = WeekResolver(try content(fixture)).resolve(week("2026-W53"))
        let days = resolved.tracks[0].days
        XCTAssertEqual(days.map(\.date.description).first, "2026-12-28")
        XCTAssertEqual(days.map(\.date.description).last, "2027-01-03")
        let friday = try XCTUnwrap(days.first { $0.date == CalendarDate("2027-01-01") })
        XCTAssertEqual(friday.closedBecause, "New Year's Day")
        XCTAssertEqual(friday.sessions.map(\.takesPlace), [false])
        XCTAssertEqual(resolved.tracks[0].treatmentMinutes, 2 * 180)
        let calendar = ICalendar(program: try content(fixture).program, week: resolved, stamp: Date(timeIntervalSince1970: 0), wording: englishWording()).render()
        XCTAssertTrue(calendar.contains("DTSTART;TZID=America/Chicago:20261228T090000"))
        XCTAssertTrue(calendar.contains("DTSTART;TZID=America/Chicago:20261230T090000"))
        // A closed day stays in the calendar, cancelled, so a calendar that has it shows it called off.
        let closed = try XCTUnwrap(calendar.components(separatedBy: "BEGIN:VEVENT").first { $0.contains("20270101T090000") })
        XCTAssertTrue(closed.contains("STATUS:CANCELLED\r\n") && closed.contains("SUMMARY:Cancelled: "), closed)
    }

    func testCancelledMovedSubstitutedAndExtraSessions() throws {
        let fixture = fixtureWithExceptions("""
        changes:
          - date: 2026-01-12
            session: day-group
            substitute: ben-cho
            room: room-b
            reason: Ben leads group.
            staff_reason: Ana is at training.
          - date: 2026-01-14
            session: day-group
            cancelled: true
            reason: Staff meeting.
          - date: 2026-01-16
            session: day-group
            move_to: 2026-01-17
            start: "10:00 AM"
        extra_sessions:
          - date: 2026-01-13
            track: day
            start: "1:00 PM"
            end: "2:00 PM"
            title: Family night
            kind: family
        """.replacingOccurrences(of: "room: room-b", with: "room: room-a"))
        let resolved = WeekResolver(try content(fixture)).resolve(week("2026-W03"))
        let sessions = resolved.tracks[0].days.flatMap(\.sessions)
        let monday = try XCTUnwrap(sessions.first { $0.date == CalendarDate("2026-01-12") })
        XCTAssertEqual(monday.facilitators.map(\.id), ["ben-cho"])
        XCTAssertEqual(monday.usualFacilitators.map(\.id), ["ana-ruiz"])
        XCTAssertEqual(monday.staffReason, "Ana is at training.")
        XCTAssertTrue(sessions.first { $0.date == CalendarDate("2026-01-13") }!.isExtra)
        XCTAssertTrue(sessions.first { $0.date == CalendarDate("2026-01-14") }!.isCancelled)
        let friday = try XCTUnwrap(sessions.first { $0.date == CalendarDate("2026-01-16") })
        XCTAssertEqual(friday.movedTo?.date, CalendarDate("2026-01-17"))
        let saturday = try XCTUnwrap(sessions.first { $0.date == CalendarDate("2026-01-17") })
        XCTAssertEqual(saturday.start, TimeOfDay(hour: 10, minute: 0))
        XCTAssertEqual(saturday.end, TimeOfDay(hour: 13, minute: 0), "a moved session keeps its length")
        XCTAssertEqual(sessions.filter(\.takesPlace).count, 3, "Monday, the extra Tuesday session and the moved Saturday one")
    }

    func testTheClientWeekShowsChangesButNoStaffReasons() throws {
        let folder = try temporaryFolder(self)
        let fixture = fixtureWithExceptions("""
        closures:
          - date: 2026-01-16
            reason: Staff training day
        changes:
          - date: 2026-01-12
            session: day-group
            substitute: ben-cho
            reason: Ben leads group.
            staff_reason: STAFF-ONLY-REASON
        """)
        let contentFolder = try fixture.write(into: folder)
        _ = try Handbook.schedule(Handbook.Options(contentDirectory: contentFolder, templatesDirectory: defaultTemplates,
                                                   outputDirectory: folder + "/Public"), week: week("2026-W03"))
        let client = try read(folder + "/Public/schedule/2026-W03/index.html")
        XCTAssertTrue(client.contains("CLOSED<br>Staff training day"))
        XCTAssertTrue(client.contains("Substitute for Ana R.</strong>: Ben leads group."), client)
        XCTAssertTrue(client.contains("Ben C."))
        XCTAssertFalse(client.contains("STAFF-ONLY-REASON"))
        XCTAssertFalse(client.contains("555-0111"), "no staff phone numbers on the client copy")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/Public/schedule/2026-W03/2026-W03.ics"))
        let staff = try read(folder + "/Public/manual/schedule/2026-W03/index.html")
        XCTAssertTrue(staff.contains("Staff: STAFF-ONLY-REASON"))
        XCTAssertTrue(staff.contains("Substitute for Ana Ruiz"))
        XCTAssertTrue(staff.contains("Ana Ruiz") && staff.contains("Ben Cho"))
    }

    func testBuildWritesTheCurrentWeekAndTheManualKeepsOtherWeeks() throws {
        let folder = try temporaryFolder(self)
        let output = try build(ProgramFixture(), in: folder, today: "2026-01-07")
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/schedule/2026-W02/index.html"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/manual/schedule/2026-W02/index.html"))
        XCTAssertTrue(try read(output + "/manual/schedule.html").contains("href=\"schedule/index.html\""), "the manual links to this week's staff copy")
        XCTAssertTrue(try read(output + "/handbook/schedule.html").contains("href=\"../schedule/index.html\""), "the handbook links to this week's client copy")
        XCTAssertTrue(try read(output + "/handbook/index.html").contains("href=\"../schedule/index.html\""), "the cover links to this week")
        try build(ProgramFixture(), in: folder, today: "2026-01-14")
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/manual/schedule/2026-W02/index.html"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/manual/schedule/2026-W03/index.html"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/schedule/2026-W02/index.html"))
    }

    // MARK: Calendar file

    func testCalendarFileFollowsRFC5545() throws {
        let loaded = try content()
        let resolved = WeekResolver(loaded).resolve(week("2026-W02"))
        let text = ICalendar(program: loaded.program, week: resolved, stamp: Date(timeIntervalSince1970: 0), wording: englishWording()).render()
        let data = Data(text.utf8)
        XCTAssertTrue(text.hasSuffix("\r\n"))
        XCTAssertFalse(text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
        for line in text.components(separatedBy: "\r\n") {
            XCTAssertLessThanOrEqual(line.utf8.count, 75, line)
        }
        XCTAssertEqual(text.components(separatedBy: "BEGIN:VEVENT").count - 1, 3)
        XCTAssertTrue(text.contains("BEGIN:VTIMEZONE\r\nTZID:America/Chicago"))
        XCTAssertTrue(text.contains("BEGIN:DAYLIGHT") && text.contains("BEGIN:STANDARD"))
        XCTAssertTrue(text.contains("UID:2026-01-05-day-day-group@test-harbor-program.handbook"))
        XCTAssertTrue(text.contains("DTSTAMP:19700101T000000Z"))
        XCTAssertEqual(data, Data(ICalendar(program: loaded.program, week: resolved, stamp: Date(timeIntervalSince1970: 0), wording: englishWording()).render().utf8),
                       "the same week gives the same bytes")
    }

    func testLongLinesFoldWithoutSplittingCharacters() {
        // Two-byte, four-byte and mixed characters, and plain ASCII, whose lines are filled to 75.
        for line in ["SUMMARY:" + String(repeating: "é", count: 80), "SUMMARY:" + String(repeating: "😀", count: 41),
                     "DESCRIPTION:" + String(repeating: "a日é😀", count: 23), "DESCRIPTION:" + String(repeating: "x", count: 200)] {
            let folded = ICalendar.fold(line)
            let lines = folded.components(separatedBy: "\r\n")
            XCTAssertGreaterThan(lines.count, 1)
            for piece in lines {
                XCTAssertLessThanOrEqual(piece.utf8.count, 75)
                // A character that would not fit starts the next line: no line ends more than
                // three bytes (one character) short of 75, but the last.
                if piece != lines.last { XCTAssertGreaterThan(piece.utf8.count, 71, piece) }
            }
            XCTAssertTrue(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
            XCTAssertEqual(lines.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined(), line)
        }
        XCTAssertEqual(ICalendar.fold("DESCRIPTION:" + String(repeating: "x", count: 200)).components(separatedBy: "\r\n").first?.utf8.count, 75)
        XCTAssertEqual(ICalendar.escape("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne")
    }

    /// A parser we did not write reads our calendar, across a daylight-saving change, and places
    /// each event at the right instant.
    func testPythonICalendarReadsTheWeekAcrossDaylightSavingTime() throws {
        var fixture = ProgramFixture()
        fixture.files["schedule.yaml"] = fixture.files["schedule.yaml"]!
            .replacingOccurrences(of: "days: [Monday, Wednesday, Friday]", with: "days: [Friday, Saturday, Sunday]")
        let folder = try temporaryFolder(self)
        let contentFolder = try fixture.write(into: folder)
        // 2026-W44 runs Monday 26 October to Sunday 1 November, when Chicago leaves daylight time.
        _ = try Handbook.schedule(Handbook.Options(contentDirectory: contentFolder, templatesDirectory: defaultTemplates,
                                                   outputDirectory: folder + "/Public"), week: week("2026-W44"))
        let script = """
        import sys, datetime, icalendar
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        for event in cal.walk('VEVENT'):
            start = event.decoded('dtstart').astimezone(datetime.timezone.utc)
            print(start.strftime('%Y-%m-%dT%H:%MZ'), event.get('summary'))
        """
        let output = try runPython(script, arguments: [folder + "/Public/schedule/2026-W44/2026-W44.ics"])
        XCTAssertEqual(output.split(separator: "\n").map { String($0.prefix(17)) },
                       ["2026-10-30T14:00Z", "2026-10-31T14:00Z", "2026-11-01T15:00Z"], output)
    }

    /// The sample's Thanksgiving week: a closure and a substitute, shown on the page and in a
    /// calendar file that a parser we did not write reads.
    func testTheSampleWeekWithAClosureAndASubstitute() throws {
        let folder = try temporaryFolder(self)
        _ = try Handbook.schedule(Handbook.Options(contentDirectory: sampleContent, templatesDirectory: defaultTemplates,
                                                   outputDirectory: folder + "/Public", profilesDirectory: packageRoot + "/Profiles"),
                                  week: week("2026-W48"))
        let page = try read(folder + "/Public/schedule/2026-W48/index.html")
        XCTAssertTrue(page.contains("CLOSED<br>Thanksgiving holiday"))
        XCTAssertTrue(page.contains("Substitute for Luis F.</strong>: Renee O. leads group this week."), page)
        let script = """
        import sys, icalendar
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        events = cal.walk('VEVENT')
        print(len(events), len({str(e.get('uid')) for e in events}))
        for e in events:
            print(e.decoded('dtstart').strftime('%Y-%m-%d %H:%M'), '|', e.get('summary'), '|', str(e.get('description')).replace(chr(10), ' / '))
        """
        let output = try runPython(script, arguments: [folder + "/Public/schedule/2026-W48/2026-W48.ics"])
        let lines = output.split(separator: "\n").map(String.init)
        let counts = lines.first?.split(separator: " ").map(String.init) ?? []
        XCTAssertEqual(counts.first, counts.last, "every event has its own id")
        let closedDays = lines.filter { $0.hasPrefix("2026-11-26") || $0.hasPrefix("2026-11-27") }
        XCTAssertFalse(closedDays.isEmpty)
        XCTAssertTrue(closedDays.allSatisfy { $0.contains("| Cancelled: ") && $0.contains("Closed: Thanksgiving holiday") }, "\(closedDays)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("2026-11-24 10:45 | Process group") && $0.contains("Led by Renee O.") }, output)
    }

    /// Runs Python with the `icalendar` package; skipped when it is missing, except in CI.
    private func runPython(_ script: String, arguments: [String]) throws -> String {
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", "import icalendar"]
        check.standardError = Pipe()
        try check.run()
        check.waitUntilExit()
        if check.terminationStatus != 0 {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("python3 icalendar is missing in CI") }
            throw XCTSkip("python3 -m pip install icalendar to run this test")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, errors)
        return text
    }
}
