import Foundation
import XCTest
@testable import HandbookKit

/// A calendar program, as RFC 5545 (3.8.7.4 SEQUENCE, 3.8.1.11 STATUS) and the way calendar
/// programs treat subscriptions describe it: a subscription shows what the feed holds at its last
/// refresh; an imported file updates an event of the same UID when its SEQUENCE is higher (or
/// equal, with a DTSTAMP no older), and adds the others.
struct SimulatedCalendar {
    struct Event: Equatable {
        var uid = "", sequence = 0, stamp = "", start = "", summary = "", status = ""
        var isCancelled: Bool { status == "CANCELLED" }
    }

    private(set) var events: [String: Event] = [:]

    /// Every VEVENT of a file, from its unfolded content lines.
    static func events(in ics: String) -> [Event] {
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n\t", with: "")
        var result: [Event] = [], current: Event?
        for line in unfolded.components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].split(separator: ";").first.map(String.init) ?? ""
            let value = String(line[line.index(after: colon)...])
            switch (name, value) {
            case ("BEGIN", "VEVENT"): current = Event()
            case ("END", "VEVENT"): current.map { result.append($0) }; current = nil
            case ("UID", _): current?.uid = value
            case ("SEQUENCE", _): current?.sequence = Int(value) ?? 0
            case ("DTSTAMP", _): current?.stamp = value
            case ("DTSTART", _): current?.start = value
            case ("SUMMARY", _): current?.summary = value
            case ("STATUS", _): current?.status = value
            default: break
            }
        }
        return result
    }

    mutating func refresh(subscription ics: String) {
        events = Dictionary(Self.events(in: ics).map { ($0.uid, $0) }, uniquingKeysWith: { first, _ in first })
    }

    mutating func importFile(_ ics: String) {
        for event in Self.events(in: ics) {
            guard let held = events[event.uid] else { events[event.uid] = event; continue }
            if event.sequence > held.sequence || (event.sequence == held.sequence && event.stamp >= held.stamp) {
                events[event.uid] = event
            }
        }
    }

    /// The events that take place, by start: two at one time would be the same session twice.
    var takingPlace: [String: [Event]] { Dictionary(grouping: events.values.filter { !$0.isCancelled }, by: \.start) }
}

final class CalendarFeedTests: XCTestCase {
    /// The fixture's Monday, Wednesday and Friday group, then three changes in week 4 (January
    /// 19–25, 2026): a closed Monday, a cancelled Wednesday and Friday's group moved to Thursday.
    private static let changes = """

    closures:
      - date: 2026-01-19
        reason: Staff day
    changes:
      - date: 2026-01-21
        session: day-group
        cancelled: true
        reason: The room is being painted
      - date: 2026-01-23
        session: day-group
        move_to: 2026-01-22
        reason: Moved for the holiday
    """

    private func build(changed: Bool, today: String, in folder: String) throws -> String {
        var fixture = ProgramFixture()
        if changed { fixture.files["schedule.yaml"]! += Self.changes }
        return try self.build(fixture, in: folder, today: today)
    }

    private func feed(_ output: String, _ name: String = "day") throws -> String {
        try read(output + "/schedule/calendar/\(name).ics")
    }

    /// A client who subscribed in week 2 refreshes after the changes (in week 3): the closed day
    /// and the cancelled session show as cancelled, the moved session once at its new time.
    func testASubscriptionFollowsCancellationsClosuresAndMoves() throws {
        let folder = try temporaryFolder(self)
        var calendar = SimulatedCalendar()
        calendar.refresh(subscription: try feed(try build(changed: false, today: "2026-01-07", in: folder)))
        let before = calendar.events
        XCTAssertEqual(before["2026-01-23-day-day-group@test-harbor-program.handbook"]?.start, "20260123T090000")

        calendar.refresh(subscription: try feed(try build(changed: true, today: "2026-01-14", in: folder)))
        assertChangesShow(in: calendar)
        // An event no change touched keeps its UID from the earlier build.
        XCTAssertEqual(calendar.events["2026-02-02-day-day-group@test-harbor-program.handbook"]?.start, "20260202T090000")
    }

    /// A client who imported week 4's own file, then imports it again after the changes.
    func testWeeklyFilesImportedOneAfterTheOtherUpdateTheSameEvents() throws {
        let folder = try temporaryFolder(self)
        var calendar = SimulatedCalendar()
        calendar.importFile(try read(try build(changed: false, today: "2026-01-19", in: folder) + "/schedule/2026-W04/2026-W04.ics"))
        XCTAssertEqual(calendar.events.count, 3)
        calendar.importFile(try read(try build(changed: true, today: "2026-01-19", in: folder) + "/schedule/2026-W04/2026-W04.ics"))
        assertChangesShow(in: calendar)
        XCTAssertEqual(calendar.events.count, 3, "the same three sessions, updated, and nothing added")
    }

    private func assertChangesShow(in calendar: SimulatedCalendar, file: StaticString = #filePath, line: UInt = #line) {
        let uid = { (date: String) in "\(date)-day-day-group@test-harbor-program.handbook" }
        let closed = calendar.events[uid("2026-01-19")], cancelled = calendar.events[uid("2026-01-21")]
        let moved = calendar.events[uid("2026-01-23")]
        XCTAssertEqual(closed?.isCancelled, true, "the closed day's session", file: file, line: line)
        XCTAssertEqual(closed?.summary.hasPrefix("Cancelled: "), true, file: file, line: line)
        XCTAssertEqual(cancelled?.isCancelled, true, "the cancelled session", file: file, line: line)
        XCTAssertEqual(moved?.start, "20260122T090000", "the moved session at its new time", file: file, line: line)
        XCTAssertEqual(moved?.isCancelled, false, file: file, line: line)
        for event in [closed, cancelled, moved] { XCTAssertGreaterThan(event?.sequence ?? 0, 0, file: file, line: line) }
        XCTAssertNil(calendar.takingPlace["20260123T090000"], "nothing left at the old time", file: file, line: line)
        for (start, events) in calendar.takingPlace {
            XCTAssertEqual(events.count, 1, "\(start) twice", file: file, line: line)
        }
    }

    func testFeedsSayWhatTheyAreAndCoverTheWeekBeforeToCalendarWeeksAhead() throws {
        var fixture = ProgramFixture()
        fixture.files["schedule.yaml"] = "calendar_weeks: 3\n" + fixture.files["schedule.yaml"]!
        let output = try self.build(fixture, in: try temporaryFolder(self), today: "2026-01-07")
        let day = try feed(output)
        for line in ["X-WR-CALNAME:Test Harbor: Day track", "X-WR-TIMEZONE:America/Chicago", "REFRESH-INTERVAL;VALUE=DURATION:P1D",
                     "X-PUBLISHED-TTL:P1D", "BEGIN:VTIMEZONE"] {
            XCTAssertTrue(day.contains(line + "\r\n"), line)
        }
        let starts = SimulatedCalendar.events(in: day).map(\.start).sorted()
        XCTAssertEqual(starts.first, "20251229T090000", "from the week before (2026-W01)")
        XCTAssertEqual(starts.last, "20260130T090000", "to three weeks after 2026-W02")
        XCTAssertEqual(Set(SimulatedCalendar.events(in: day).map(\.uid)).count, starts.count, "UIDs are unique in a feed")
        XCTAssertTrue(try feed(output, "all-tracks").contains("X-WR-CALNAME:Test Harbor: all tracks\r\n"))

        // Offered on the schedule chapter and on the week page, as plain links without site_url.
        XCTAssertTrue(try read(output + "/handbook/schedule.html").contains("href=\"../schedule/calendar/day.ics\""))
        XCTAssertTrue(try read(output + "/schedule/2026-W02/index.html").contains("href=\"../calendar/day.ics\""))
        XCTAssertTrue(try read(output + "/manual/schedule/2026-W02/index.html").contains("href=\"../../../schedule/calendar/day.ics\""))
    }

    func testWithASiteAddressTheFeedsAreOfferedToSubscribe() throws {
        var fixture = ProgramFixture()
        fixture.files["program.yaml"]! += "\nsite_url: https://example.org/iop\n"
        let output = try self.build(fixture, in: try temporaryFolder(self), today: "2026-01-07")
        XCTAssertTrue(try read(output + "/handbook/schedule.html").contains("href=\"webcal://example.org/iop/schedule/calendar/day.ics\""))
        XCTAssertTrue(try read(output + "/schedule/2026-W02/index.html").contains("href=\"webcal://example.org/iop/schedule/calendar/day.ics\""))

        fixture.files["program.yaml"] = fixture.files["program.yaml"]!.replacingOccurrences(of: "site_url: https://example.org/iop",
                                                                                            with: "site_url: cedarhollow")
        XCTAssertThrowsError(try self.build(fixture, in: try temporaryFolder(self))) { error in
            XCTAssertTrue("\(error)".contains("'cedarhollow' is not a web address"), "\(error)")
        }
    }

    /// Python's `icalendar` and `vobject` read every feed and weekly file of the sample, in both
    /// languages, with its Thanksgiving closure and its changes.
    func testFeedsParseWithPythonCalendarLibraries() throws {
        let output = try temporaryFolder(self) + "/Public"
        let options = Handbook.Options(contentDirectory: sampleContent, templatesDirectory: defaultTemplates, outputDirectory: output)
        _ = try Handbook.build(options, environment: fixedClock("2026-12-02"))
        let files = ["day", "evening", "all-tracks", "es/day", "es/all-tracks"].map { output + "/schedule/calendar/\($0).ics" }
            + [output + "/schedule/2026-W49/2026-W49.ics", output + "/schedule/2026-W49/es/2026-W49.ics"]
        let script = """
        import sys, icalendar, vobject
        for path in sys.argv[1:]:
            data = open(path, encoding="utf-8").read()
            events = icalendar.Calendar.from_ical(data).walk("VEVENT")
            parsed = list(vobject.readComponents(data))[0]
            assert len(events) == len(parsed.vevent_list) > 0, path
            assert len({str(e["UID"]) for e in events}) == len(events), path
            if "/calendar/" in path:
                cancelled = [e for e in events if str(e.get("STATUS", "")) == "CANCELLED"]
                assert cancelled and all(int(e["SEQUENCE"]) > 0 for e in cancelled), path
        print("read", len(sys.argv) - 1)
        """
        let (status, printed) = try runOnPath(["python3", "-c", script] + files)
        if status != 0, printed.contains("No module named"), ProcessInfo.processInfo.environment["CI"] == nil {
            throw XCTSkip("icalendar or vobject is not installed: scripts/install-system-deps --with-browser installs them")
        }
        XCTAssertEqual(status, 0, printed)
        XCTAssertTrue(printed.contains("read 7"), printed)
        XCTAssertTrue(try read(output + "/handbook/es/schedule.html").contains("href=\"../../schedule/calendar/es/day.ics\""))
    }
}
