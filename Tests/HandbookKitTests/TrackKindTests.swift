import Foundation
import XCTest
@testable import HandbookKit

/// Who a track is for, and its own minimum (issue 19, point 1): a family group is not held to
/// the clinical minimum; an adolescent track may have a minimum of its own.
final class TrackKindTests: XCTestCase {
    /// The fixture's day track (9 hours) and a second track after it.
    private func program(secondTrack: String) -> ProgramFixture {
        var fixture = ProgramFixture()
        fixture.files["schedule.yaml"]! += "\n" + secondTrack
        return fixture
    }

    private static func track(_ id: String, extra: String, hours: Int) -> String {
        """
          - id: \(id)
            name: \(id.capitalized) track
        \(extra)
            sessions:
              - id: \(id)-group
                days: [Tuesday]
                start: "5:00 PM"
                end: "\(5 + hours):00 PM"
                kind: group
                title: Group
        """
    }

    func testAFamilyGroupIsNotHeldToTheMinimum() throws {
        let found = try everyDiagnostic(program(secondTrack: Self.track("family", extra: "    kind: family", hours: 1)))
        XCTAssertFalse(found.contains { $0.message.contains("Family track meets") }, found.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(found.errors.count, 0, "\(found.errors)")
    }

    func testATreatmentTrackIsHeldToItsOwnMinimumAtItsLine() throws {
        let fixture = program(secondTrack: Self.track("teen", extra: "    minimum_weekly_hours: 4", hours: 3))
        let trackLine = fixture.files["schedule.yaml"]!.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("- id: teen") }! + 1
        let found = try everyDiagnostic(fixture)
        let error = try XCTUnwrap(found.first { $0.message.contains("the Teen track meets 3 hours a week") }, "\(found)")
        XCTAssertEqual(error.severity, .error)
        XCTAssertTrue(error.message.contains("below the minimum of 4 hours"), error.message)
        XCTAssertEqual(error.location.line, trackLine, "the track's line")
        XCTAssertTrue(error.location.file.hasSuffix("schedule.yaml"))
        // The day track keeps the program's minimum of 9 and meets it.
        XCTAssertFalse(found.contains { $0.message.contains("Day track meets") })
    }

    func testAnOwnMinimumBelowTheProgramsIsMet() throws {
        let found = try everyDiagnostic(program(secondTrack: Self.track("teen", extra: "    minimum_weekly_hours: 3", hours: 3)))
        XCTAssertFalse(found.contains { $0.message.contains("Teen track meets") }, "\(found)")
    }

    func testTheFamilyTracksHoursAreNotCalledTreatment() throws {
        let output = try build(program(secondTrack: Self.track("family", extra: "    kind: family", hours: 1)))
        let chapter = try read(output + "/handbook/schedule.html")
        XCTAssertTrue(chapter.contains("1 hour a week."), chapter)
        XCTAssertTrue(chapter.contains("9 hours of treatment a week."))
    }
}
