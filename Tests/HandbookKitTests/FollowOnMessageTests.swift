import Foundation
import XCTest
@testable import HandbookKit

/// Messages a coordinator reads after a mistake (issue 19, point 7): one error for one mistake,
/// the same words on every run, and the staff directory's line about who clients see.
final class FollowOnMessageTests: XCTestCase {
    /// A broken end time is one error: not also "meets 0 hours a week" for the track whose only
    /// session could not be read, nor a warning about its unused translation.
    func testAnImpossibleEndTimeIsExactlyOneError() throws {
        var fixture = ProgramFixture()
        fixture.files["schedule.yaml"] = fixture.files["schedule.yaml"]!.replacingOccurrences(of: "end: \"12:00 PM\"", with: "end: \"25:00\"")
        XCTAssertTrue(fixture.files["schedule.yaml"]!.contains("25:00"))
        let found = try everyDiagnostic(fixture)
        XCTAssertEqual(found.errors.count, 1, found.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(found.errors.first?.message.contains("'25:00' is not a time of day") ?? false, "\(found)")
        XCTAssertFalse(found.contains { $0.message.contains("a week (breaks not counted)") })
    }

    /// Two known ids equally close to a misspelt one ('sleez': 'sleep' and 'sleek'): the one
    /// written first in topics.yaml is suggested. Before, the choice followed a set's order,
    /// which changes from one run of the program to the next.
    func testOfTwoEquallyCloseIdsTheFirstInTheFileIsSuggested() throws {
        var fixture = ProgramFixture()
        fixture.files["topics.yaml"]! += """

          - id: sleek
            title: Sleek
            summary: A second topic whose id is one letter from 'sleep'.
        """
        fixture.files["schedule.yaml"] = fixture.files["schedule.yaml"]!.replacingOccurrences(of: "topics: [triggers, sleep]",
                                                                                              with: "topics: [triggers, sleep, sleez]")
        let found = try everyDiagnostic(fixture)
        let unknown = try XCTUnwrap(found.first { $0.message.contains("unknown topic 'sleez'") }, "\(found)")
        XCTAssertEqual(unknown.hint, "did you mean 'sleep'? (ids are listed in topics.yaml)")
    }

    func testTheDirectoryDoesNotSayWhomClientsSeeForAStaffOnlyPerson() throws {
        var fixture = ProgramFixture()
        fixture.files["staff.yaml"]! += """

          - id: lee-park
            name: Lee Park
            display_name: Lee P.
            role: Billing
            audience: staff
        """
        let output = try build(fixture)
        let directory = try read(output + "/manual/staff-directory.html")
        let row = try XCTUnwrap(directory.components(separatedBy: "<tr").first { $0.contains("Lee Park") })
        XCTAssertTrue(row.contains("Not shown to clients"), row)
        XCTAssertFalse(row.contains("Clients see:"), row)
        XCTAssertTrue(directory.contains("Clients see: Ana R."), "a person clients see still says how")
    }
}
