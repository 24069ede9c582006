import Foundation
import XCTest
@testable import HandbookKit

/// `covers:` on rules and questions (issue 19, point 4b): a rule or a question meets a
/// requirement of the profile as a page does, is checked the same way, and the compliance
/// report names and links it.
final class CoversTests: XCTestCase {
    /// The fixture program under the adult ASAM 2.1 profile, every requirement met by one page
    /// except those named in `uncovered`.
    private func program(uncovered: [String]) -> ProgramFixture {
        var fixture = ProgramFixture()
        fixture.files["program.yaml"]! += """

        compliance:
          profile: asam-2.1-adult
        """
        fixture.files["program.yaml"] = fixture.files["program.yaml"]!.replacingOccurrences(of: """
          - name: Front desk
            phone: 555-0100
        """, with: """
          - name: Front desk
            phone: 555-0100
          - name: State licensing office
            phone: 555-0190
            outside: true
        """)
        fixture.files["rules.yaml"] = fixture.files["rules.yaml"]!.replacingOccurrences(
            of: "    can_lead_to_discharge: true", with: "    consequence: You go home for the day.\n    can_lead_to_discharge: true")
        let covered = ["rights", "confidentiality", "fees", "services", "admission", "discharge-criteria",
                       "completion-criteria", "premises-safety", "grievance"].filter { !uncovered.contains($0) }
        fixture.files["pages/about.md"] = """
        ---
        title: About the program
        covers: [\(covered.joined(separator: ", "))]
        ---
        Everything a client must know.
        """
        return fixture
    }

    private func check(_ fixture: ProgramFixture) throws -> (diagnostics: [Diagnostic], results: [String: ComplianceChecker.Status], content: String) {
        let content = try fixture.write(into: try temporaryFolder(self))
        let prepared = try Handbook.prepare(options(content, content + "/../Public"), tolerateErrors: true)
        var results: [String: ComplianceChecker.Status] = [:]
        for result in prepared.compliance?.results ?? [] { results[result.requirement.id] = result.status }
        let diagnostics = prepared.diagnostics.map { diagnostic -> Diagnostic in
            var diagnostic = diagnostic
            diagnostic.location.file = diagnostic.location.file.replacingOccurrences(of: content + "/", with: "")
            return diagnostic
        }
        return (diagnostics, results, content)
    }

    private func places(_ status: ComplianceChecker.Status?) -> [ComplianceChecker.Place]? {
        if case let .met(places, _) = status { return places }
        return nil
    }

    private static func line(of text: String, in file: String) -> Int {
        file.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) }! + 1
    }

    func testARuleThatCoversTheGrievanceRequirementMeetsIt() throws {
        var fixture = program(uncovered: ["grievance"])
        fixture.files["rules.yaml"] = fixture.files["rules.yaml"]!.replacingOccurrences(
            of: "    title: Be kind\n", with: "    title: Be kind\n    covers: grievance\n")
        let (diagnostics, results, _) = try check(fixture)
        XCTAssertEqual(diagnostics.errors, [])
        XCTAssertEqual(places(results["grievance"]), [.entry(section: .rules, id: "be-kind", title: "Be kind")])
    }

    func testWithoutTheRulesCoversTheGrievanceRequirementIsMissing() throws {
        let (diagnostics, results, _) = try check(program(uncovered: ["grievance"]))
        XCTAssertNil(places(results["grievance"]))
        let error = try XCTUnwrap(diagnostics.errors.first { $0.message.contains("'Grievance procedure with an outside contact'") })
        XCTAssertTrue(error.hint.contains("or to the rule or question"), error.hint)
    }

    func testAQuestionThatCoversFeesMeetsIt() throws {
        var fixture = program(uncovered: ["fees"])
        fixture.files["faq.yaml"]! += "\n    covers: [fees]\n"
        let (diagnostics, results, _) = try check(fixture)
        XCTAssertEqual(diagnostics.errors, [])
        XCTAssertEqual(places(results["fees"]), [.entry(section: .faq, id: "how-long-is-the-program", title: "How long is the program?")])
    }

    func testAStaffOnlyQuestionDoesNotMeetAClientRequirement() throws {
        var fixture = program(uncovered: ["fees"])
        fixture.files["faq.yaml"]! += "\n    covers: [fees]\n    audience: staff\n"
        let (_, results, _) = try check(fixture)
        XCTAssertNil(places(results["fees"]), "clients never see the answer, so it tells them nothing")
    }

    func testARequirementTheProfileDoesNotHaveIsAnErrorAtTheRule() throws {
        var fixture = program(uncovered: [])
        fixture.files["rules.yaml"] = fixture.files["rules.yaml"]!.replacingOccurrences(
            of: "    title: Come sober\n", with: "    title: Come sober\n    covers: [grievence]\n")
        let (diagnostics, _, _) = try check(fixture)
        let error = try XCTUnwrap(diagnostics.errors.first { $0.message.contains("'grievence' under 'covers'") }, "\(diagnostics)")
        XCTAssertEqual(error.location.file, "rules.yaml")
        XCTAssertEqual(error.location.line, Self.line(of: "- id: come-sober", in: fixture.files["rules.yaml"]!))
        XCTAssertTrue(error.hint.contains("grievance"), error.hint)
    }

    func testTheReportNamesAndLinksTheQuestion() throws {
        var fixture = program(uncovered: ["fees"])
        fixture.files["faq.yaml"]! += "\n    covers: [fees]\n"
        let folder = try temporaryFolder(self)
        let content = try fixture.write(into: folder)
        _ = try Handbook.check(options(content, folder + "/Public"), report: true)
        let report = try read(folder + "/Public/compliance-report.html")
        XCTAssertTrue(report.contains("<a href=\"handbook/faq.html#how-long-is-the-program\">Questions and answers: How long is the program?</a>"), report)
    }

    // MARK: A profile may require the program's length

    private func programWithLengthProfile(length: String?) -> ProgramFixture {
        var fixture = ProgramFixture()
        fixture.files["program.yaml"]! += "\ncompliance:\n  profile: length-stated\n" + (length.map { "length_weeks: \($0)\n" } ?? "")
        fixture.files["profiles/length-stated.yaml"] = """
        name: The length is stated
        requirements:
          - id: program-length
            title: Length of the program
            purpose: Clients must know how long treatment usually lasts.
            check: program-length
        """
        return fixture
    }

    func testAProfileMayRequireTheProgramsLength() throws {
        let (diagnostics, results, _) = try check(programWithLengthProfile(length: nil))
        let error = try XCTUnwrap(diagnostics.errors.first { $0.message.contains("'Length of the program'") }, "\(diagnostics)")
        XCTAssertTrue(error.hint.contains("length_weeks"), error.hint)
        XCTAssertNil(places(results["program-length"]))

        let met = try check(programWithLengthProfile(length: "[8, 12]"))
        XCTAssertEqual(met.diagnostics.errors, [])
        XCTAssertEqual(places(met.results["program-length"]), [.cover])
    }
}
