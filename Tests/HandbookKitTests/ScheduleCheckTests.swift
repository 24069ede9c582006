import XCTest
@testable import HandbookKit

/// Each schedule check, triggered by a bad schedule, with the line it points at.
final class ScheduleCheckTests: XCTestCase {
    private let header = """
    rooms:
      - id: room-a
        name: Room A
      - id: room-b
        name: Room B
    series:
      - id: core
        starts: 2026-01-05
        topics: [triggers, sleep]

    """

    private func diagnostics(_ schedule: String, staffExtra: String = "") throws -> [Diagnostic] {
        var fixture = ProgramFixture()
        fixture.files["schedule.yaml"] = header + schedule
        fixture.files["staff.yaml"]! += staffExtra
        let (content, loadDiagnostics) = try loadDiagnostics(fixture)
        let log = DiagnosticLog()
        log.append(contentsOf: loadDiagnostics)
        if let content {
            ReferenceChecker.check(content, log: log)
            ScheduleChecker.check(content, minimumWeeklyHours: content.schedule.minimumWeeklyHoursSetting ?? 9, log: log)
        }
        return log.sorted
    }

    /// A track of three three-hour mornings plus the given sessions: meets the 9-hour minimum.
    private func track(_ id: String = "day", extra: String = "", facilitator: String = "ana-ruiz", room: String = "room-a",
                       days: String = "[Monday, Wednesday, Friday]", start: String = "9:00 AM", end: String = "12:00 PM") -> String {
        """
          - id: \(id)
            name: \(id.capitalized) track
            sessions:
              - id: \(id)-group
                days: \(days)
                start: "\(start)"
                end: "\(end)"
                title: Group
                room: \(room)
                facilitator: \(facilitator)
        \(extra)
        """
    }

    private func assertOne(_ diagnostics: [Diagnostic], line: Int, contains text: String, severity: Diagnostic.Severity = .error,
                           file: StaticString = #filePath, lineNumber: UInt = #line) {
        let matches = diagnostics.filter { $0.message.contains(text) }
        XCTAssertEqual(matches.count, 1, "\(diagnostics)", file: file, line: lineNumber)
        XCTAssertEqual(matches.first?.location.line, line, "\(matches)", file: file, line: lineNumber)
        XCTAssertEqual(matches.first?.severity, severity, file: file, line: lineNumber)
        XCTAssertFalse(matches.first?.hint.isEmpty ?? true, "every schedule diagnostic has a hint", file: file, line: lineNumber)
    }

    func testAValidScheduleHasNoProblems() throws {
        XCTAssertEqual(try diagnostics("tracks:\n" + track()), [])
    }

    func testOverlappingSessionsInATrack() throws {
        let extra = """
              - days: Monday
                start: "11:30 AM"
                end: "12:30 PM"
                title: Lunch talk
        """
        assertOne(try diagnostics("tracks:\n" + track(extra: extra)), line: 21, contains: "'Lunch talk' overlaps 'Group' in the same track on Monday")
    }

    func testAFacilitatorBookedTwiceAcrossTracks() throws {
        let schedule = "tracks:\n" + track() + "\n" + track("evening", room: "room-b", days: "[Monday, Tuesday, Thursday]", start: "11:00 AM", end: "2:00 PM")
        assertOne(try diagnostics(schedule), line: 25, contains: "'ana-ruiz' leads two sessions at once")
    }

    func testARoomBookedTwiceAcrossTracks() throws {
        let staff = "\n  - id: ben-cho\n    name: Ben Cho\n    role: Counselor\n"
        let schedule = "tracks:\n" + track() + "\n" + track("evening", facilitator: "ben-cho", days: "[Monday, Tuesday, Thursday]", start: "8:00 AM", end: "11:00 AM")
        assertOne(try diagnostics(schedule, staffExtra: staff), line: 25, contains: "the room 'room-a' is booked twice at once")
    }

    func testEndBeforeStart() throws {
        let extra = """
              - days: Tuesday
                start: "1:00 PM"
                end: "11:00 AM"
                title: Backwards
        """
        assertOne(try diagnostics("tracks:\n" + track(extra: extra)), line: 23, contains: "'Backwards' ends at 11:00 AM, which is not after its start at 1:00 PM")
    }

    func testUnknownStaffRoomAndTopicIds() throws {
        let staffTypo = try diagnostics("tracks:\n" + track(facilitator: "ana-ruis"))
        assertOne(staffTypo, line: 20, contains: "unknown staff member 'ana-ruis'")
        let roomTypo = try diagnostics("tracks:\n" + track(room: "room-c"))
        assertOne(roomTypo, line: 19, contains: "unknown room 'room-c'")
        var badTopic = header.replacingOccurrences(of: "topics: [triggers, sleep]", with: "topics: [triggers, sleeep]")
        badTopic += "tracks:\n" + track()
        var fixture = ProgramFixture()
        fixture.files["schedule.yaml"] = badTopic
        let (content, _) = try loadDiagnostics(fixture)
        let log = DiagnosticLog()
        ReferenceChecker.check(try XCTUnwrap(content), log: log)
        assertOne(log.sorted, line: 9, contains: "unknown topic 'sleeep'")
    }

    func testATrackBelowTheMinimumWeeklyHours() throws {
        let schedule = "tracks:\n" + track(days: "[Monday, Wednesday]")
        assertOne(try diagnostics(schedule), line: 11, contains: "meets 6 hours a week (breaks not counted), below the minimum of 9 hours")
        let lowered = "minimum_weekly_hours: 6\n" + schedule
        XCTAssertEqual(try diagnostics(lowered).errors, [])
    }

    func testALongGapInsideADay() throws {
        let extra = """
              - days: Monday
                start: "2:00 PM"
                end: "3:00 PM"
                title: Afternoon group
        """
        let found = try diagnostics("longest_gap_minutes: 60\ntracks:\n" + track(extra: extra))
        assertOne(found, line: 22, contains: "wait 120 minutes between 'Group' and 'Afternoon group' on Monday", severity: .warning)
    }

    func testAnExceptionThatMatchesNoSession() throws {
        let changes = """
        changes:
          - date: 2026-01-06
            session: day-group
            cancelled: true
          - date: 2026-01-07
            session: day-grupo
            cancelled: true
        closures:
          - date: 2026-01-10
            reason: Saturday clean-up
        """
        let found = try diagnostics("tracks:\n" + track() + "\n" + changes)
        assertOne(found, line: 23, contains: "'day-group' does not meet on Tuesday 2026-01-06: it meets on Monday, Wednesday, Friday")
        assertOne(found, line: 27, contains: "unknown session 'day-grupo'")
        assertOne(found, line: 30, contains: "the closure on 2026-01-10 (Saturday clean-up) falls on days when no session meets", severity: .warning)
    }

    func testAChangeThatCreatesAClashInItsWeek() throws {
        let staff = "\n  - id: ben-cho\n    name: Ben Cho\n    role: Counselor\n"
        let schedule = "tracks:\n" + track() + "\n" + track("evening", facilitator: "ben-cho", room: "room-b", start: "6:00 PM", end: "9:00 PM") + """

        changes:
          - date: 2026-01-07
            session: evening-group
            start: "10:00 AM"
            end: "1:00 PM"
        """
        XCTAssertEqual(try diagnostics(schedule, staffExtra: staff).errors, [], "the pattern itself is fine")
        var fixture = ProgramFixture()
        fixture.files["schedule.yaml"] = header + schedule
        fixture.files["staff.yaml"]! += staff
        let (content, _) = try loadDiagnostics(fixture)
        let log = DiagnosticLog()
        ScheduleChecker.check(WeekResolver(try XCTUnwrap(content)).resolve(ISOWeek("2026-W02")!), log: log)
        XCTAssertEqual(log.sorted.count, 0, "different rooms and facilitators: no clash")
        let clash = schedule.replacingOccurrences(of: "room: room-b", with: "room: room-a")
        fixture.files["schedule.yaml"] = header + clash
        let (clashing, _) = try loadDiagnostics(fixture)
        let clashLog = DiagnosticLog()
        ScheduleChecker.check(WeekResolver(try XCTUnwrap(clashing)).resolve(ISOWeek("2026-W02")!), log: clashLog)
        XCTAssertTrue(clashLog.sorted.contains { $0.message.contains("the room 'room-a' is booked twice at once") && $0.message.contains("in 2026-W02") },
                      "\(clashLog.sorted)")
    }
}
