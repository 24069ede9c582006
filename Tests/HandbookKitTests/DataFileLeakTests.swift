import Foundation
import XCTest
@testable import HandbookKit

extension LeakyProgramTests {
    /// Staff-only rules, FAQ entries, topics, facilitator guides and staff details, and staff
    /// blocks in the Markdown of each.
    static func addLeakyDataFiles(to fixture: inout ProgramFixture) {
        fixture.files["program.yaml"]! += """

        sections:
          rules:
            intro: |
              Our rules.

              ```staff
              LEAK-INTRO-BLOCK
              ```
        """
        fixture.files["rules.yaml"] = """
        rules:
          - id: be-kind
            title: Be kind
            text: |
              Treat everyone with respect.

              ```staff
              LEAK-RULE-TEXT-BLOCK
              ```
            staff_note: LEAK-RULE-NOTE, see [the procedure](leak-page-slug.md).
          - id: internal
            title: LEAK-RULE-TITLE
            text: LEAK-RULE-TEXT
            audience: staff
        """
        fixture.files["faq.yaml"] = """
        questions:
          - question: How long is the program?
            answer: |
              About ten weeks.

              ```staff
              LEAK-FAQ-BLOCK
              ```
          - question: LEAK-FAQ-Q
            answer: LEAK-FAQ-A
            audience: staff
        """
        fixture.files["topics.yaml"] = """
        topics:
          - id: triggers
            title: Triggers
            summary: |
              What sets off cravings.

              ```staff
              LEAK-TOPIC-BLOCK
              ```
            guide:
              objectives: [LEAK-GUIDE-OBJ]
              materials: [LEAK-GUIDE-MAT]
              plan: LEAK-GUIDE-PLAN
          - id: sleep
            title: Sleep
            summary: Why rest helps.
          - id: internal-topic
            title: LEAK-TOPIC-TITLE
            summary: LEAK-TOPIC-SUMMARY
            audience: staff
        """
        fixture.files["staff.yaml"] = """
        staff:
          - id: ana-ruiz
            name: Ana Leakmarkname
            display_name: Ana R.
            role: Counselor
            phone: 555-0177
            email: leak-email@example.org
            notes: LEAK-STAFF-NOTES
          - id: hidden-person
            name: LEAK-HIDDEN-PERSON
            role: LEAK-HIDDEN-ROLE
            audience: staff
        """
    }
}

/// Staff-only items of the data files (rules, FAQ, topics, staff).
final class DataFileLeakTests: XCTestCase {
    func testRuleNumbersAreTheSameInTheHandbookAndTheManual() throws {
        var fixture = LeakTests.leakyProgram()
        fixture.files["rules.yaml"] = """
        rules:
          - id: first
            title: First
            text: One.
          - id: internal
            title: Internal
            text: Staff.
            audience: staff
          - id: second
            title: Second
            text: Two.
        """
        let output = try build(fixture)
        XCTAssertTrue(try read(output + "/handbook/rules.html").contains("<h2 id=\"second\"><a class=\"item-link\" href=\"#second\">2. Second</a></h2>"))
        let manual = try read(output + "/manual/rules.html")
        XCTAssertTrue(manual.contains("<h2 id=\"second\"><a class=\"item-link\" href=\"#second\">2. Second</a></h2>"))
        XCTAssertTrue(manual.contains("<h2 id=\"internal\"><a class=\"item-link\" href=\"#internal\">Internal</a></h2>"))
        // The "On this page" list numbers the rules the same way.
        XCTAssertTrue(manual.contains("<li><a href=\"#second\">2. Second</a></li>"))
        XCTAssertTrue(manual.contains("<li><a href=\"#internal\">Internal</a></li>"))
    }
}
