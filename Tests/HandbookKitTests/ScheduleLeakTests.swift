import Foundation
import XCTest
@testable import HandbookKit

extension LeakyProgramTests {
    /// Room and group capacities, session notes, a staff-only facilitator, the meeting links of a
    /// hybrid session and an online extra session, and a dated change and extra session in the
    /// week of 2026-01-07.
    static func addLeakySchedule(to fixture: inout ProgramFixture) {
        fixture.files["schedule.yaml"] = """
        rooms:
          - id: room-a
            name: Room A
            capacity: 12
        series:
          - id: core
            starts: 2026-01-05
            topics: [triggers, sleep]
        tracks:
          - id: day
            name: Day track
            capacity: 10
            sessions:
              - id: day-group
                days: [Monday, Wednesday, Friday]
                start: "9:00 AM"
                end: "12:00 PM"
                title: Group
                room: room-a
                facilitator: ana-ruiz
                series: core
                note: LEAK-SESSION-NOTE
              - id: day-check-in
                days: Tuesday
                start: "9:00 AM"
                end: "10:00 AM"
                title: Check-in
                facilitator: hidden-person
                mode: hybrid
                join_instructions: The link comes by text.
                join_link: https://meet.example.org/LEAK-JOIN-LINK?pwd=1&room=2
        changes:
          - date: 2026-01-07
            session: day-group
            substitute: hidden-person
            reason: Another counselor leads group.
            staff_reason: LEAK-CHANGE-REASON
        extra_sessions:
          - date: 2026-01-06
            track: day
            start: "1:00 PM"
            end: "2:00 PM"
            title: Extra
            facilitator: hidden-person
            note: LEAK-EXTRA-NOTE
            mode: online
            join_instructions: The link comes by email.
            join_link: https://meet.example.org/LEAK-EXTRA-JOIN-LINK
        """
    }
}

/// The schedule's staff-only details: capacities, notes and staff-only people.
final class ScheduleLeakTests: XCTestCase, LeakyProgramTests {
    func testCapacitiesAndFacilitatorsOfStaffOnlyPeopleStayInTheManual() throws {
        let output = try build(Self.leakyProgram())
        let handbook = try read(output + "/handbook/schedule.html")
        XCTAssertFalse(handbook.contains("At most"), "group capacity is staff-only")
        XCTAssertTrue(try read(output + "/manual/schedule.html").contains("At most 10 clients"))
    }
}
