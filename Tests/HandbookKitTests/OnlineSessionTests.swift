import Foundation
import XCTest
@testable import HandbookKit

/// Online and hybrid sessions, and co-facilitators (issue 19, points 2 and 4a): clients are told
/// how a session meets and how to join it; the meeting link stays with staff unless the program
/// publishes links; every co-facilitator is named.
final class OnlineSessionTests: XCTestCase, LeakyProgramTests {
    static let link = "https://meet.example.org/ONLINE-MARKER-family?pwd=7"
    static let extraLink = "https://meet.example.org/ONLINE-MARKER-extra"
    static let instructions = "Families at home get the link by text 15 minutes before group."

    /// The fixture's day track, led by two people, with a hybrid family evening on Tuesdays, an
    /// online extra session in the week of 2026-01-07, and an online aftercare track.
    private func program(publishLinks: Bool = false, extraSession: String? = nil) -> ProgramFixture {
        let onlineExtra = """
          - date: 2026-01-08
            track: day
            start: "1:00 PM"
            end: "2:00 PM"
            title: Online check-in
            mode: online
            join_instructions: Open the link we send by email.
            join_link: \(Self.extraLink)
        """
        var fixture = ProgramFixture()
        fixture.files["staff.yaml"]! += """

          - id: ben-cho
            name: Ben Cho
            display_name: Ben C.
            role: Counselor
        """
        fixture.files["schedule.yaml"] = """
        \(publishLinks ? "publish_join_links: true" : "")
        rooms:
          - id: room-a
            name: Room A
        series:
          - id: core
            starts: 2026-01-05
            topics: [triggers, sleep]
        tracks:
          - id: day
            name: Day track
            sessions:
              - id: day-group
                days: [Monday, Wednesday, Friday]
                start: "9:00 AM"
                end: "12:00 PM"
                kind: group
                title: Group
                room: room-a
                facilitators: [ana-ruiz, ben-cho]
                series: core
              - id: day-family
                days: Tuesday
                start: "6:00 PM"
                end: "7:00 PM"
                kind: family
                title: Family night
                room: room-a
                facilitator: ana-ruiz
                mode: hybrid
                join_instructions: \(Self.instructions)
                join_link: \(Self.link)
          - id: aftercare
            name: Aftercare group
            kind: aftercare
            mode: online
            time_zone_note: Times are Central Time. Your calendar shows them in your own time.
            join_instructions: Use the link in your welcome email.
            sessions:
              - id: aftercare-group
                days: Thursday
                start: "7:00 PM"
                end: "8:00 PM"
                title: Aftercare circle
                facilitator: ben-cho
        extra_sessions:
        \(extraSession ?? onlineExtra)
        """
        return fixture
    }

    /// An iCalendar file with its folded lines joined, so a long property reads as one line.
    private func unfolded(_ path: String) throws -> String {
        try read(path).replacingOccurrences(of: "\r\n ", with: "")
    }

    /// The number of the first line holding `text` (after the first line holding `after`).
    private func lineNumber(of text: String, in file: String, after: String? = nil) -> Int {
        let lines = file.split(separator: "\n", omittingEmptySubsequences: false)
        let start = after.flatMap { marker in lines.firstIndex { $0.contains(marker) } } ?? 0
        return lines[start...].firstIndex { $0.contains(text) }! + 1
    }

    // MARK: The link is staff-only

    func testTheJoinLinkNeverReachesAClientFileButIsInTheManual() throws {
        let search = ExternalTool.pagefind != nil
        let output = try build(program(), search: search)
        let clientFiles = Self.files(under: output + "/handbook") + Self.files(under: output + "/schedule")
        XCTAssertTrue(clientFiles.contains { $0.0.hasSuffix(".ics") }, "the client calendars are among the files checked")
        if search { XCTAssertTrue(clientFiles.contains { $0.0.hasPrefix("pagefind/") }, "and the search index") }
        for (path, data) in clientFiles {
            XCTAssertNil(Self.decompressed(data).range(of: Data("ONLINE-MARKER".utf8)), "a meeting link in the client file \(path)")
        }
        // The staff copy of the week and the manual's chapter show it, as a link.
        let escaped = Self.link.replacingOccurrences(of: "&", with: "&amp;")
        let staffWeek = try read(output + "/manual/schedule/2026-W02/index.html")
        XCTAssertTrue(staffWeek.contains("<a class=\"join-link\" href=\"\(escaped)\">\(escaped)</a>"), staffWeek)
        XCTAssertTrue(staffWeek.contains("<a class=\"join-link\" href=\"\(Self.extraLink)\">"), "the extra session's link")
        XCTAssertTrue(try read(output + "/manual/schedule.html").contains("<a href=\"\(escaped)\">"))
    }

    func testClientsAreToldHowTheSessionMeetsAndHowToJoin() throws {
        let output = try build(program())
        let week = try read(output + "/schedule/2026-W02/index.html")
        XCTAssertTrue(week.contains("<p class=\"join\"><strong class=\"mode\">In person and online</strong>: \(Self.instructions)</p>"), week)
        // An online track says so once, with its instructions and its own time zone note.
        XCTAssertTrue(week.contains("<p class=\"track-join\"><strong>Online</strong>: Use the link in your welcome email.</p>"), week)
        XCTAssertTrue(week.contains("Times are Central Time. Your calendar shows them in your own time."))
        let chapter = try read(output + "/handbook/schedule.html")
        XCTAssertTrue(chapter.contains("<span class=\"mode\">In person and online</span>"), chapter)
        XCTAssertTrue(chapter.contains(Self.instructions))
        XCTAssertTrue(chapter.contains("Times are Central Time."))

        let calendar = try unfolded(output + "/schedule/2026-W02/2026-W02.ics")
        XCTAssertTrue(calendar.contains("DESCRIPTION:Day track\\nLed by Ana R.\\nIn person and online\\n\(ICalendar.escape(Self.instructions))"), calendar)
        XCTAssertFalse(calendar.contains("CONFERENCE"), "no link is published")
        // An online session is not in a room.
        let extra = try XCTUnwrap(calendar.components(separatedBy: "BEGIN:VEVENT").first { $0.contains("SUMMARY:Online check-in") })
        XCTAssertTrue(extra.contains("\r\nLOCATION:Online\r\n"), extra)
        XCTAssertTrue(try unfolded(output + "/schedule/calendar/day.ics").contains(ICalendar.escape(Self.instructions)),
                      "and in the track's feed")
    }

    func testPublishedLinksReachClientCalendarsAsAConference() throws {
        let output = try build(program(publishLinks: true))
        let calendar = try unfolded(output + "/schedule/2026-W02/2026-W02.ics")
        XCTAssertTrue(calendar.contains("\r\nCONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=Join online:\(Self.link)\r\n"), calendar)
        XCTAssertTrue(calendar.contains("\r\nCONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=Join online:\(Self.extraLink)\r\n"))
        XCTAssertTrue(try unfolded(output + "/schedule/calendar/all-tracks.ics").contains("CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=Join online:\(Self.link)"))
        let week = try read(output + "/schedule/2026-W02/index.html")
        XCTAssertTrue(week.contains("<a class=\"join-link\" href=\"\(Self.link)\">"), week)
    }

    // MARK: Checks

    func testAJoinLinkThatIsNotAWebAddressIsAnErrorAtItsLine() throws {
        var fixture = program()
        fixture.files["schedule.yaml"] = fixture.files["schedule.yaml"]!
            .replacingOccurrences(of: "join_link: \(Self.link)", with: "join_link: meet.example.org/family")
        let found = try everyDiagnostic(fixture)
        let error = try XCTUnwrap(found.first { $0.message.contains("'meet.example.org/family' is not a web address") }, "\(found)")
        XCTAssertEqual(error.severity, .error)
        XCTAssertTrue(error.location.file.hasSuffix("schedule.yaml"))
        XCTAssertEqual(error.location.line, lineNumber(of: "join_link: meet.example.org", in: fixture.files["schedule.yaml"]!))
        XCTAssertTrue(error.hint.contains("https://"))
    }

    func testAnOnlineSessionWithoutInstructionsIsWarnedAbout() throws {
        let clean = try everyDiagnostic(program())
        XCTAssertFalse(clean.contains { $0.message.contains("how clients join") }, "\(clean)")
        XCTAssertEqual(clean.errors.count, 0, "\(clean.errors)")

        let fixture = program(extraSession: """
          - date: 2026-01-08
            track: day
            start: "1:00 PM"
            end: "2:00 PM"
            title: Online check-in
            mode: online
        """)
        let found = try everyDiagnostic(fixture)
        let warning = try XCTUnwrap(found.first { $0.message.contains("clients will not know how to join") }, "\(found)")
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertTrue(warning.message.contains("'Online check-in'"), warning.message)
        XCTAssertEqual(warning.location.line, lineNumber(of: "mode: online", in: fixture.files["schedule.yaml"]!, after: "extra_sessions:"),
                       "at the extra session's mode")
    }

    // MARK: Co-facilitators

    func testEveryCoFacilitatorIsNamed() throws {
        let output = try build(program())
        let week = try read(output + "/schedule/2026-W02/index.html")
        XCTAssertTrue(week.contains("<p class=\"facilitator\">Ana R. and Ben C.</p>"), week)
        XCTAssertTrue(try read(output + "/manual/schedule/2026-W02/index.html").contains("<p class=\"facilitator\">Ana Ruiz and Ben Cho</p>"))
        XCTAssertTrue(try read(output + "/handbook/schedule.html").contains("Ana R. and Ben C."))
        let calendar = try unfolded(output + "/schedule/2026-W02/2026-W02.ics")
        XCTAssertTrue(calendar.contains("DESCRIPTION:Day track\\nTopic: Triggers\\nLed by Ana R. and Ben C.\r\n"), calendar)
    }

    func testASubstituteReplacesEveryCoFacilitator() throws {
        var fixture = program()
        fixture.files["staff.yaml"]! += """

          - id: dana-wu
            name: Dana Wu
            display_name: Dana W.
            role: Counselor
        """
        fixture.files["schedule.yaml"]! += """

        changes:
          - date: 2026-01-07
            session: day-group
            substitute: dana-wu
            reason: Dana leads group today.
        """
        let week = try read(try build(fixture) + "/schedule/2026-W02/index.html")
        XCTAssertTrue(week.contains("<p class=\"facilitator\">Dana W.</p>"), week)
        XCTAssertTrue(week.contains("Substitute for Ana R. and Ben C."), week)
    }

    func testFacilitatorAndFacilitatorsTogetherIsAnError() throws {
        var fixture = program()
        fixture.files["schedule.yaml"] = fixture.files["schedule.yaml"]!
            .replacingOccurrences(of: "facilitators: [ana-ruiz, ben-cho]", with: "facilitators: [ana-ruiz, ben-cho]\n        facilitator: ana-ruiz")
        let found = try everyDiagnostic(fixture)
        let error = try XCTUnwrap(found.first { $0.message.contains("both 'facilitator' and 'facilitators'") }, "\(found)")
        XCTAssertEqual(error.severity, .error)
        XCTAssertTrue(error.hint.contains("facilitators: ["))
    }

    func testEachCoFacilitatorMustBeAKnownStaffMemberAtItsLine() throws {
        var fixture = program()
        fixture.files["schedule.yaml"] = fixture.files["schedule.yaml"]!
            .replacingOccurrences(of: "facilitators: [ana-ruiz, ben-cho]", with: "facilitators:\n          - ana-ruiz\n          - ben-choo")
        let found = try everyDiagnostic(fixture)
        let error = try XCTUnwrap(found.first { $0.message.contains("unknown staff member 'ben-choo'") }, "\(found)")
        XCTAssertEqual(error.location.line, lineNumber(of: "- ben-choo", in: fixture.files["schedule.yaml"]!))
        XCTAssertTrue(error.hint.contains("ben-cho"), error.hint)
    }

    func testACoFacilitatorInTwoPlacesAtOnceIsAClash() throws {
        var fixture = program()
        fixture.files["schedule.yaml"] = fixture.files["schedule.yaml"]!
            .replacingOccurrences(of: """
                days: Thursday
                start: "7:00 PM"
                end: "8:00 PM"
        """, with: """
                days: Monday
                start: "10:00 AM"
                end: "11:00 AM"
        """)
        let found = try everyDiagnostic(fixture)
        XCTAssertTrue(found.contains { $0.severity == .error && $0.message.contains("'ben-cho' leads two sessions at once") }, "\(found)")
    }
}
