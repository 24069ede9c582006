import Foundation
import XCTest
@testable import HandbookKit

/// Notices above the week (issue 19, point 3): the program's own, on the weeks and tracks they
/// are for and, when staff-only, never in a client file; and the automatic one for the week the
/// clocks change.
final class NoticeTests: XCTestCase {
    /// An evening track beside the fixture's day track, both of 9 hours.
    private static let eveningTrack = """
      - id: evening
        name: Evening track
        sessions:
          - id: evening-group
            days: [Monday, Tuesday, Thursday]
            start: "6:00 PM"
            end: "9:00 PM"
            title: Evening group
    """

    /// The fixture with `notices` (and any other top-level keys) added to schedule.yaml, in a time zone.
    private func program(_ extra: String, timeZone: String = "America/Chicago", evening: Bool = false) -> ProgramFixture {
        var fixture = ProgramFixture()
        if evening { fixture.files["schedule.yaml"]! += "\n" + Self.eveningTrack }
        fixture.files["schedule.yaml"]! += "\n" + extra
        fixture.files["program.yaml"] = fixture.files["program.yaml"]!
            .replacingOccurrences(of: "time_zone: America/Chicago", with: "time_zone: \(timeZone)")
        return fixture
    }

    /// Writes the week pages of `weeks` (both copies) as `handbook schedule` does; returns the output folder.
    private func weekPages(_ fixture: ProgramFixture, _ weeks: [String]) throws -> String {
        let folder = try temporaryFolder(self)
        let content = try fixture.write(into: folder)
        let output = folder + "/Public"
        for week in weeks {
            _ = try Handbook.schedule(options(content, output), week: try XCTUnwrap(ISOWeek(week)), environment: fixedClock("2026-01-07"))
        }
        return output
    }

    /// The header of each track's part of a week page (what is above its grid), by track name.
    private func headers(_ page: String) -> [String: String] {
        var result: [String: String] = [:]
        for part in page.components(separatedBy: "<section class=\"track-week\">").dropFirst() {
            let header = part.components(separatedBy: "<table").first ?? ""
            guard let name = header.firstMatch(of: /Test Harbor Program: ([A-Za-z ]+track)/)?.1 else { continue }
            result[String(name)] = header
        }
        return result
    }

    // MARK: The program's notices

    func testANoticeIsShownAboveTheGridOfTheWeeksOfItsDatesOnly() throws {
        // Wednesday of 2026-W03 to Monday of 2026-W04; the text has characters HTML gives meaning to.
        let output = try weekPages(program("""
        notices:
          - from: 2026-01-14
            until: 2026-01-19
            text: Park on Elm St. & use Door <B>.
        """), ["2026-W02", "2026-W03", "2026-W04", "2026-W05"])
        let shown = "Park on Elm St. &amp; use Door &lt;B&gt;."
        for week in ["2026-W03", "2026-W04"] {
            for copy in ["schedule", "manual/schedule"] {
                let page = try read("\(output)/\(copy)/\(week)/index.html")
                let header = try XCTUnwrap(headers(page)["Day track"], page)
                XCTAssertTrue(header.contains("<p class=\"week-notice\"><strong>Please note:</strong> Wednesday, January 14 – Monday, January 19: \(shown)</p>"),
                              "\(copy) \(week): above the grid, with its days, escaped:\n\(header)")
            }
        }
        for week in ["2026-W02", "2026-W05"] {
            for copy in ["schedule", "manual/schedule"] {
                let page = try read("\(output)/\(copy)/\(week)/index.html")
                XCTAssertFalse(page.contains("Park on Elm St."), "\(copy) \(week) is outside the notice's dates")
                XCTAssertFalse(page.contains("week-notice"), "\(copy) \(week) has no notice at all")
            }
        }
    }

    func testANoticeWithoutUntilIsForItsOneDay() throws {
        // Sunday 2026-01-18 ends 2026-W03: one day, so not on 2026-W04.
        let output = try weekPages(program("""
        notices:
          - from: 2026-01-18
            text: The building is closed for cleaning.
        """), ["2026-W03", "2026-W04"])
        XCTAssertTrue(try read(output + "/schedule/2026-W03/index.html").contains("Sunday, January 18: The building is closed for cleaning."))
        XCTAssertFalse(try read(output + "/schedule/2026-W04/index.html").contains("closed for cleaning"))
    }

    func testATrackNoticeIsShownOnThatTrackOnly() throws {
        let fixture = program("""
        notices:
          - from: 2026-01-05
            until: 2026-01-09
            text: Evening group meets in the library this week.
            tracks: [evening]
          - from: 2026-01-06
            text: The lift is out of order.
        """, evening: true)
        let output = try weekPages(fixture, ["2026-W02"])
        for copy in ["schedule", "manual/schedule"] {
            let tracks = headers(try read("\(output)/\(copy)/2026-W02/index.html"))
            XCTAssertEqual(tracks.keys.sorted(), ["Day track", "Evening track"])
            XCTAssertTrue(tracks["Evening track"]!.contains("Evening group meets in the library"), copy)
            XCTAssertFalse(tracks["Day track"]!.contains("Evening group meets in the library"), "\(copy): not the day track's")
            // A notice without tracks is every track's.
            XCTAssertTrue(tracks["Day track"]!.contains("The lift is out of order."), copy)
            XCTAssertTrue(tracks["Evening track"]!.contains("The lift is out of order."), copy)
        }

        // The schedule chapter lists this week's notices once, saying whose a track's notice is.
        let built = try build(fixture, today: "2026-01-07")
        let chapter = try read(built + "/handbook/schedule.html")
        XCTAssertTrue(chapter.contains("Monday, January 5 – Friday, January 9 (Evening track only): Evening group meets in the library this week."), chapter)
        XCTAssertTrue(chapter.contains("Tuesday, January 6: The lift is out of order."), chapter)
        // Not in the printed handbook, which is kept for the whole edition.
        XCTAssertFalse(try read(built + "/handbook/print.html").contains("The lift is out of order."))
        // A week later, the chapter no longer shows them.
        let later = try build(fixture, today: "2026-01-14")
        XCTAssertFalse(try read(later + "/handbook/schedule.html").contains("schedule-notices"))
    }

    func testAStaffNoticeNeverReachesAClientFileButIsInTheManual() throws {
        let search = ExternalTool.pagefind != nil
        if !search, ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("pagefind-bin is missing in CI") }
        let marker = "STAFFNOTICEMARKER"
        let output = try build(program("""
        notices:
          - from: 2026-01-07
            text: Fire drill at 10 AM, \(marker). Walk the group to the east lot.
            audience: staff
          - from: 2026-01-07
            text: Our fire alarm is tested this morning.
        """), today: "2026-01-07", search: search)
        var clientFiles = 0
        for (path, data) in snapshot(output) where !path.hasPrefix("manual/") {
            clientFiles += 1
            let bytes = LeakTests.decompressed(data)
            XCTAssertNil(bytes.range(of: Data(marker.utf8)), "the staff notice is in \(path)")
            XCTAssertNil(bytes.range(of: Data(marker.lowercased().utf8)), "the staff notice is in \(path)")
        }
        XCTAssertGreaterThan(clientFiles, 10)
        if search {
            XCTAssertTrue(snapshot(output + "/handbook/pagefind").contains { LeakTests.decompressed($0.value).range(of: Data("alarm".utf8)) != nil },
                          "the search index holds the client notice: the staff one could have been there")
        }
        // The client notice is in the client files: the staff one is left out, not every notice.
        XCTAssertTrue(try read(output + "/schedule/2026-W02/index.html").contains("Our fire alarm is tested this morning."))
        XCTAssertTrue(try read(output + "/handbook/schedule.html").contains("Our fire alarm is tested this morning."))

        let staffWeek = try read(output + "/manual/schedule/2026-W02/index.html")
        XCTAssertTrue(staffWeek.contains("<p class=\"week-notice staff-notice\"><strong>Staff only:</strong> Wednesday, January 7: Fire drill at 10 AM, \(marker)."),
                      staffWeek)
        XCTAssertTrue(try read(output + "/manual/schedule.html").contains(marker), "the manual's schedule chapter shows it too")
    }

    // MARK: Mistakes

    func testAnEndBeforeTheStartIsAnErrorAtItsLine() throws {
        let fixture = program("""
        notices:
          - from: 2026-01-20
            until: 2026-01-14
            text: Parking lot closed.
        """)
        let lines = fixture.files["schedule.yaml"]!.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try XCTUnwrap(lines.firstIndex { $0.contains("until: 2026-01-14") }) + 1
        let column = try XCTUnwrap(lines[line - 1].range(of: "2026-01-14")).lowerBound.utf16Offset(in: lines[line - 1]) + 1
        let found = try everyDiagnostic(fixture)
        let error = try XCTUnwrap(found.first { $0.message.contains("the notice ends (2026-01-14) before it starts (2026-01-20)") },
                                  found.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(error.severity, .error)
        XCTAssertTrue(error.location.file.hasSuffix("schedule.yaml"))
        XCTAssertEqual(error.location.line, line)
        XCTAssertEqual(error.location.column, column)
        XCTAssertTrue(error.description.contains("schedule.yaml:\(line):\(column): error: the notice ends"), error.description)
    }

    func testAnUnknownTrackIsAnErrorAtItsLine() throws {
        let fixture = program("""
        notices:
          - from: 2026-01-05
            text: Parking lot closed.
            tracks:
              - evenign
        """, evening: true)
        let line = try XCTUnwrap(fixture.files["schedule.yaml"]!.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("- evenign") }) + 1
        let found = try everyDiagnostic(fixture)
        let error = try XCTUnwrap(found.first { $0.message == "unknown track 'evenign'" }, found.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(error.location.line, line)
        XCTAssertTrue(error.hint.contains("evening"), error.hint)
    }

    // MARK: The clocks changing

    /// The week pages of the weeks around a clock change; checks the change is on `week` only.
    private func assertClockNotice(_ text: String, on week: String, timeZone: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let changeWeek = try XCTUnwrap(ISOWeek(week))
        let weeks = [changeWeek.adding(weeks: -1), changeWeek, changeWeek.adding(weeks: 1)].map(\.description)
        let output = try weekPages(program("", timeZone: timeZone), weeks)
        for shown in weeks {
            for copy in ["schedule", "manual/schedule"] {
                let page = try read("\(output)/\(copy)/\(shown)/index.html")
                let header = headers(page)["Day track"] ?? ""
                if shown == week {
                    XCTAssertTrue(header.contains("<strong>Please note:</strong> \(text)</p>"), "\(timeZone) \(copy) \(shown):\n\(header)", file: file, line: line)
                } else {
                    XCTAssertFalse(page.contains("Clocks go"), "\(timeZone) \(copy) \(shown) has no change", file: file, line: line)
                }
            }
        }
    }

    func testTheWeekTheClocksGoBackSaysSoInChicagoAndBerlin() throws {
        // 2026-W44 runs Monday, October 26 to Sunday, November 1; 2026-W43 ends Sunday, October 25.
        try assertClockNotice("Clocks go back one hour on Sunday, November 1.", on: "2026-W44", timeZone: "America/Chicago")
        try assertClockNotice("Clocks go back one hour on Sunday, October 25.", on: "2026-W43", timeZone: "Europe/Berlin")
    }

    func testTheWeekTheClocksGoForwardSaysSoInChicagoAndBerlin() throws {
        try assertClockNotice("Clocks go forward one hour on Sunday, March 8.", on: "2026-W10", timeZone: "America/Chicago")
        try assertClockNotice("Clocks go forward one hour on Sunday, March 29.", on: "2026-W13", timeZone: "Europe/Berlin")
    }

    func testTheClockNoticeIsInTheProgramsLanguages() throws {
        var fixture = program("", timeZone: "America/Chicago")
        fixture.files["program.yaml"]! += "\ntranslations: [es]\n"
        let output = try weekPages(fixture, ["2026-W44"])
        XCTAssertTrue(try read(output + "/schedule/2026-W44/es/index.html").contains("<strong>Aviso:</strong> Los relojes se atrasan una hora el domingo, 1 de noviembre.</p>"))
    }

    func testNoClockNoticeWhereTheClocksNeverChange() throws {
        let output = try weekPages(program("", timeZone: "America/Phoenix"), ["2026-W10", "2026-W44"])
        for week in ["2026-W10", "2026-W44"] {
            for copy in ["schedule", "manual/schedule"] {
                XCTAssertFalse(try read("\(output)/\(copy)/\(week)/index.html").contains("week-notice"), "\(copy) \(week)")
            }
        }
    }

    func testTheClockNoticeCanBeTurnedOff() throws {
        let output = try weekPages(program("daylight_saving_notices: false"), ["2026-W44"])
        XCTAssertFalse(try read(output + "/schedule/2026-W44/index.html").contains("Clocks go"))
        XCTAssertFalse(try read(output + "/manual/schedule/2026-W44/index.html").contains("Clocks go"))
    }

    func testTheScheduleChapterSaysSoInTheWeekTheClocksChange() throws {
        let fixture = program("")
        XCTAssertTrue(try read(build(fixture, today: "2026-10-28") + "/handbook/schedule.html")
            .contains("Clocks go back one hour on Sunday, November 1."))
        XCTAssertFalse(try read(build(fixture, today: "2026-11-04") + "/handbook/schedule.html").contains("Clocks go"))
    }
}
