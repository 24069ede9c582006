import XCTest
@testable import HandbookKit

/// A week that closures or changes take below the weekly minimum is a warning at the line that took
/// the hours away: the closure when there is one, else the cancellation, move or shortened session.
final class HoursWarningTests: XCTestCase {
    /// One track of three three-hour mornings: exactly the default minimum of 9 hours, so any lost
    /// session takes a week below it. Lines 1-14; what a test adds starts at line 15.
    private let pattern = """
    rooms:
      - id: room-a
        name: Room A
    tracks:
      - id: day
        name: Day track
        sessions:
          - id: day-group
            days: [Monday, Wednesday, Friday]
            start: "9:00 AM"
            end: "12:00 PM"
            title: Group
            room: room-a
            facilitator: ana-ruiz

    """

    private let hint = "a step-down below the minimum is acceptable for a week or two; or add an extra session that week"

    /// The hours warnings of the whole check, as a user reads them, paths relative to the content folder.
    private func hoursWarnings(_ exceptions: String) throws -> [String] {
        var fixture = ProgramFixture()
        fixture.files["schedule.yaml"] = pattern + exceptions
        let content = try fixture.write(into: try temporaryFolder(self))
        let options = Handbook.Options(contentDirectory: content, templatesDirectory: defaultTemplates)
        let diagnostics = try Handbook.prepare(options, tolerateErrors: true).diagnostics
        return diagnostics.filter { $0.message.contains("below the minimum") }.map { diagnostic in
            var diagnostic = diagnostic
            diagnostic.location.file = diagnostic.location.file.replacingOccurrences(of: content + "/", with: "")
            return diagnostic.description
        }
    }

    func testAWeekBelowOnlyBecauseOfACancellationIsReportedAtTheCancellation() throws {
        let warnings = try hoursWarnings("""
        changes:
          - date: 2026-01-07
            session: day-group
            cancelled: true
            reason: The counselor is away.
        """)
        XCTAssertEqual(warnings, [
            "schedule.yaml:16:5: warning: in 2026-W02 the Day track meets 6 hours because of closures or cancellations, below the minimum of 9 hours: the cancellation of 'Group' on 2026-01-07 takes away 3 hours (\(hint))",
        ])
    }

    func testAWeekWithAClosureIsReportedAtTheClosure() throws {
        let warnings = try hoursWarnings("""
        closures:
          - date: 2026-01-14
            reason: Snow day
          - date: 2026-01-26
            until: 2026-01-28
            reason: Staff training
        """)
        XCTAssertEqual(warnings, [
            "schedule.yaml:16:5: warning: in 2026-W03 the Day track meets 6 hours because of closures or cancellations, below the minimum of 9 hours: the closure on 2026-01-14 (Snow day) takes away 3 hours (\(hint))",
            "schedule.yaml:18:5: warning: in 2026-W05 the Day track meets 3 hours because of closures or cancellations, below the minimum of 9 hours: the closure from 2026-01-26 to 2026-01-28 (Staff training) takes away 6 hours (\(hint))",
        ])
    }

    func testAWeekWithAClosureAndACancellationIsReportedAtTheClosureAndCountsTheOther() throws {
        // The change comes first in the file; the closure is still the line to look at.
        let warnings = try hoursWarnings("""
        changes:
          - date: 2026-01-21
            session: day-group
            cancelled: true
        closures:
          - date: 2026-01-19
            reason: Martin Luther King Jr. Day
        """)
        XCTAssertEqual(warnings, [
            "schedule.yaml:20:5: warning: in 2026-W04 the Day track meets 3 hours because of closures or cancellations, below the minimum of 9 hours: the closure on 2026-01-19 (Martin Luther King Jr. Day) takes away 3 hours, and 1 other change (line 16) takes away 3 hours (\(hint))",
        ])
    }

    func testSeveralChangesPointAtTheFirstInFileOrder() throws {
        let warnings = try hoursWarnings("""
        changes:
          - date: 2026-02-04
            session: day-group
            end: "11:00 AM"
          - date: 2026-02-02
            session: day-group
            cancelled: true
          - date: 2026-02-06
            session: day-group
            move_to: 2026-02-09
        """)
        XCTAssertEqual(warnings, [
            "schedule.yaml:16:5: warning: in 2026-W06 the Day track meets 2 hours because of closures or cancellations, below the minimum of 9 hours: the shortening of 'Group' on 2026-02-04 takes away 1 hour, and 2 other changes (lines 19, 22) take away 6 hours (\(hint))",
        ])
    }

    func testAMoveOutOfTheWeekIsReportedAtTheMove() throws {
        // Week 5 loses Friday; week 6 gains it, and is not reported.
        let warnings = try hoursWarnings("""
        changes:
          - date: 2026-01-30
            session: day-group
            move_to: 2026-02-03
        """)
        XCTAssertEqual(warnings, [
            "schedule.yaml:16:5: warning: in 2026-W05 the Day track meets 6 hours because of closures or cancellations, below the minimum of 9 hours: the move of 'Group' from 2026-01-30 to 2026-02-03 takes away 3 hours (\(hint))",
        ])
    }

    func testAChangeOnAClosedDayTakesNothingAndADayClosedTwiceCountsOnce() throws {
        let warnings = try hoursWarnings("""
        closures:
          - date: 2026-02-11
            reason: Power cut
          - date: 2026-02-09
            until: 2026-02-11
            reason: Flood
        changes:
          - date: 2026-02-11
            session: day-group
            cancelled: true
        """)
        XCTAssertEqual(warnings, [
            "schedule.yaml:16:5: warning: in 2026-W07 the Day track meets 3 hours because of closures or cancellations, below the minimum of 9 hours: the closure on 2026-02-11 (Power cut) takes away 3 hours, and 1 other change (line 18) takes away 3 hours (\(hint))",
        ])
    }

    func testAWeekMadeUpByAnExtraSessionIsNotReported() throws {
        XCTAssertEqual(try hoursWarnings("""
        changes:
          - date: 2026-01-07
            session: day-group
            cancelled: true
        extra_sessions:
          - date: 2026-01-08
            track: day
            start: "9:00 AM"
            end: "12:00 PM"
            title: Make-up group
        """), [])
    }

    func testAPatternBelowTheMinimumIsOneErrorNotAWarningAWeek() throws {
        var thin = pattern.replacingOccurrences(of: "days: [Monday, Wednesday, Friday]", with: "days: [Monday, Wednesday]")
        thin += "changes:\n  - date: 2026-01-07\n    session: day-group\n    cancelled: true\n"
        var fixture = ProgramFixture()
        fixture.files["schedule.yaml"] = thin
        let content = try fixture.write(into: try temporaryFolder(self))
        let diagnostics = try Handbook.prepare(Handbook.Options(contentDirectory: content, templatesDirectory: defaultTemplates),
                                               tolerateErrors: true).diagnostics.filter { $0.message.contains("below the minimum") }
        XCTAssertEqual(diagnostics.map(\.severity), [.error], "\(diagnostics)")
    }

    func testTheWarningsAreTheSameEveryRun() throws {
        let exceptions = """
        changes:
          - date: 2026-03-04
            session: day-group
            cancelled: true
          - date: 2026-03-06
            session: day-group
            start: "10:00 AM"
            end: "11:00 AM"
        closures:
          - date: 2026-03-02
            reason: Inspection
          - date: 2026-03-09
            until: 2026-03-13
            reason: Spring break
        """
        let first = try hoursWarnings(exceptions)
        XCTAssertEqual(first.count, 2, "\(first)")
        for _ in 0..<3 {
            XCTAssertEqual(try hoursWarnings(exceptions), first)
        }
        XCTAssertEqual(first.first, "schedule.yaml:24:5: warning: in 2026-W10 the Day track meets 1 hour because of closures or cancellations, below the minimum of 9 hours: the closure on 2026-03-02 (Inspection) takes away 3 hours, and 2 other changes (lines 16, 19) take away 5 hours (\(hint))")
    }
}
