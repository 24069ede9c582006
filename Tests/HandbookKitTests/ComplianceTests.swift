import Foundation
import XCTest
@testable import HandbookKit

final class ComplianceTests: XCTestCase {
    /// The fixture program, made to meet the adult ASAM 2.1 profile.
    private func compliantProgram() -> ProgramFixture {
        var fixture = ProgramFixture()
        fixture.files["program.yaml"] = fixture.files["program.yaml"]!.replacingOccurrences(of: """
          - name: Front desk
            phone: 555-0100
        """, with: """
          - name: Front desk
            phone: 555-0100
          - name: State licensing office
            phone: 555-0190
            outside: true
        compliance:
          profile: asam-2.1-adult
        """)
        fixture.files["rules.yaml"] = fixture.files["rules.yaml"]!.replacingOccurrences(
            of: "    can_lead_to_discharge: true", with: "    consequence: You go home for the day.\n    can_lead_to_discharge: true")
        fixture.files["pages/about.md"] = """
        ---
        title: About the program
        covers: [rights, confidentiality, fees, services, admission, discharge-criteria, completion-criteria, premises-safety, grievance]
        ---
        Everything a client must know.
        """
        return fixture
    }

    private func check(_ fixture: ProgramFixture) throws -> (diagnostics: [Diagnostic], results: [String: ComplianceChecker.Status]) {
        let folder = try temporaryFolder(self)
        let content = try fixture.write(into: folder)
        let options = Handbook.Options(contentDirectory: content, templatesDirectory: defaultTemplates,
                                       profilesDirectory: packageRoot + "/Profiles")
        let prepared = try Handbook.prepare(options, tolerateErrors: true)
        var results: [String: ComplianceChecker.Status] = [:]
        for result in prepared.compliance?.results ?? [] { results[result.requirement.id] = result.status }
        return (prepared.diagnostics, results)
    }

    private func isMet(_ status: ComplianceChecker.Status?) -> Bool {
        if case .met = status { return true }
        return false
    }

    private func missing(_ status: ComplianceChecker.Status?) -> String? {
        if case let .missing(what, _) = status { return what }
        return nil
    }

    func testACompliantProgramMeetsEveryRequirement() throws {
        let (diagnostics, results) = try check(compliantProgram())
        XCTAssertEqual(diagnostics.errors, [])
        XCTAssertEqual(results.count, 13)
        for (id, status) in results { XCTAssertTrue(isMet(status), "\(id): \(status)") }
    }

    func testAPageRequirementIsMissingWithoutACoveringPage() throws {
        var fixture = compliantProgram()
        fixture.files["pages/about.md"] = fixture.files["pages/about.md"]!.replacingOccurrences(of: "rights, ", with: "")
        let (diagnostics, results) = try check(fixture)
        XCTAssertEqual(missing(results["rights"]), "no client page covers it")
        let error = try XCTUnwrap(diagnostics.errors.first { $0.message.contains("'Client rights'") })
        XCTAssertTrue(error.message.contains("Tells clients what they are entitled to"), "names the purpose: \(error.message)")
        XCTAssertTrue(error.hint.contains("covers: [rights]"))
        XCTAssertTrue(error.location.file.hasSuffix("program.yaml"))
    }

    func testAStaffPageDoesNotMeetAClientRequirement() throws {
        var fixture = compliantProgram()
        fixture.files["pages/about.md"] = fixture.files["pages/about.md"]!.replacingOccurrences(of: "title: About the program", with: "title: About\naudience: staff")
        let (_, results) = try check(fixture)
        XCTAssertEqual(missing(results["fees"]), "no client page covers it")
    }

    func testHoursRequireOfficeHours() throws {
        var fixture = compliantProgram()
        fixture.files["program.yaml"] = fixture.files["program.yaml"]!.replacingOccurrences(of: """
        hours:
          - days: Monday to Friday
            open: "8:00 AM"
            close: "5:00 PM"

        """, with: "")
        let (_, results) = try check(fixture)
        XCTAssertEqual(missing(results["hours"]), "program.yaml lists no office hours")
    }

    func testRulesNeedConsequencesAndDischargeMarks() throws {
        var withoutConsequence = compliantProgram()
        withoutConsequence.files["rules.yaml"] = withoutConsequence.files["rules.yaml"]!
            .replacingOccurrences(of: "    consequence: You will talk with your counselor.\n", with: "")
        XCTAssertEqual(missing(try check(withoutConsequence).results["rules"]),
                       "these rules do not say what happens when they are broken: be-kind")
        var noDischarge = compliantProgram()
        noDischarge.files["rules.yaml"] = noDischarge.files["rules.yaml"]!.replacingOccurrences(of: "    can_lead_to_discharge: true\n", with: "")
        XCTAssertEqual(missing(try check(noDischarge).results["rules"]), "no rule is marked as one that can lead to discharge")
    }

    func testCrisisContactsNeed988And911AndAnAfterHoursLine() throws {
        var no988 = compliantProgram()
        no988.files["program.yaml"] = no988.files["program.yaml"]!.replacingOccurrences(of: "number: \"988\"", with: "number: \"555-0198\"")
        let (diagnostics, results) = try check(no988)
        XCTAssertEqual(missing(results["crisis-contacts"]), "the crisis lines lack 988")
        let no988Error = try XCTUnwrap(diagnostics.first { $0.message == "the crisis lines do not include 988" })
        // At the list a coordinator must add to, not at the top of the file.
        let crisisLine = no988.files["program.yaml"]!.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("crisis_lines:") }.map { $0 + 1 }
        XCTAssertEqual(no988Error.location.line, crisisLine)
        XCTAssertNotEqual(no988Error.location.line, 1)
        var noAfterHours = compliantProgram()
        noAfterHours.files["program.yaml"] = noAfterHours.files["program.yaml"]!.replacingOccurrences(of: "after_hours_phone: 555-0199\n", with: "")
        XCTAssertEqual(missing(try check(noAfterHours).results["crisis-contacts"]), "there is no after-hours phone")
    }

    func testGrievanceNeedsAnOutsideContact() throws {
        var fixture = compliantProgram()
        fixture.files["program.yaml"] = fixture.files["program.yaml"]!.replacingOccurrences(of: "    outside: true\n", with: "")
        XCTAssertEqual(missing(try check(fixture).results["grievance"]), "no contact outside the program is listed")
    }

    func testTheAcknowledgmentPageEndsThePrintedHandbookOnly() throws {
        let output = try build(compliantProgram())
        XCTAssertTrue(try read(output + "/handbook/print.html").contains("<h2 class=\"chapter-title\">Acknowledgment of receipt</h2>"))
        XCTAssertFalse(try read(output + "/manual/print.html").contains("Acknowledgment of receipt"))
    }

    func testNotApplicableNeedsAKnownRequirementAndShowsItsReason() throws {
        var fixture = compliantProgram()
        fixture.files["pages/about.md"] = fixture.files["pages/about.md"]!.replacingOccurrences(of: "fees, ", with: "")
        fixture.files["program.yaml"]! += """

          not_applicable:
            - requirement: fees
              reason: State-funded program; clients pay nothing.
            - requirement: feez
              reason: Typo.
        """
        let (diagnostics, results) = try check(fixture)
        guard case let .notApplicable(reason) = results["fees"] else { return XCTFail("\(String(describing: results["fees"]))") }
        XCTAssertEqual(reason, "State-funded program; clients pay nothing.")
        XCTAssertTrue(diagnostics.contains { $0.message == "'feez' is not a requirement of the profile 'asam-2.1-adult'" && $0.hint == "did you mean 'fees'?" })
    }

    func testUnknownCoversIdAndUnknownProfile() throws {
        var fixture = compliantProgram()
        fixture.files["pages/welcome.md"] = fixture.files["pages/welcome.md"]!.replacingOccurrences(of: "order: 10", with: "order: 10\ncovers: [right]")
        XCTAssertTrue(try check(fixture).diagnostics.contains { $0.message.contains("'right' under 'covers'") && $0.hint == "did you mean 'rights'?" })
        var unknown = compliantProgram()
        unknown.files["program.yaml"] = unknown.files["program.yaml"]!.replacingOccurrences(of: "profile: asam-2.1-adult", with: "profile: asam-2.1-adutl")
        XCTAssertTrue(try check(unknown).diagnostics.contains { $0.message == "there is no compliance profile 'asam-2.1-adutl'" && $0.hint.contains("did you mean 'asam-2.1-adult'?") })
    }

    func testAProgramCanShipItsOwnProfile() throws {
        var fixture = compliantProgram()
        fixture.files["program.yaml"] = fixture.files["program.yaml"]!.replacingOccurrences(of: "profile: asam-2.1-adult", with: "profile: our-state")
        fixture.files["profiles/our-state.yaml"] = """
        name: Our state's rules
        minimum_weekly_hours: 6
        group_size_cap: 8
        requirements:
          - id: rights
            title: Client rights
            purpose: Our state requires it.
        """
        fixture.files["schedule.yaml"] = fixture.files["schedule.yaml"]!.replacingOccurrences(of: "    name: Day track\n", with: "    name: Day track\n    capacity: 12\n")
        let (diagnostics, results) = try check(fixture)
        XCTAssertEqual(Array(results.keys), ["rights"])
        XCTAssertTrue(diagnostics.contains { $0.message.contains("allows 12 clients in 'Group', above the cap of 8 for group sessions") })
    }

    func testClinicalLimits() throws {
        var fixture = compliantProgram()
        // Five days of four and a half hours: 22.5 hours a week, above the ASAM 2.1 maximum of 19.
        fixture.files["schedule.yaml"] = fixture.files["schedule.yaml"]!
            .replacingOccurrences(of: "days: [Monday, Wednesday, Friday]", with: "days: [Monday, Tuesday, Wednesday, Thursday, Friday]")
            .replacingOccurrences(of: "end: \"12:00 PM\"", with: "end: \"1:30 PM\"")
            .replacingOccurrences(of: "    name: Day track\n", with: "    name: Day track\n    capacity: 20\n")
        fixture.files["program.yaml"]! += """

          state:
            group_size_cap: 16
            minimum_session_minutes: 300
        """
        fixture.files["rules.yaml"]! += """

          - id: internal-rule
            title: Internal
            text: Staff only.
            can_lead_to_discharge: true
            audience: staff
        """
        let diagnostics = try check(fixture).diagnostics
        func has(_ severity: Diagnostic.Severity, _ text: String) -> Bool {
            diagnostics.contains { $0.severity == severity && $0.message.contains(text) }
        }
        XCTAssertTrue(has(.warning, "meets 22.5 hours a week, above the level's maximum of 19 hours"), "\(diagnostics)")
        XCTAssertTrue(has(.error, "allows 20 clients in 'Group', above the cap of 16"), "\(diagnostics)")
        XCTAssertTrue(has(.error, "'Group' lasts 270 minutes, shorter than the minimum of 300"), "\(diagnostics)")
        XCTAssertTrue(has(.error, "the rule 'internal-rule' can lead to discharge but clients never see it"), "\(diagnostics)")
    }

    func testAWeekWithClosuresBelowTheMinimumIsAWarningAndThePatternAnError() throws {
        var fixture = compliantProgram()
        fixture.files["schedule.yaml"]! += "\nclosures:\n  - date: 2026-01-07\n    reason: Snow day\n"
        let warning = try XCTUnwrap(try check(fixture).diagnostics.first { $0.message.contains("because of closures") })
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertTrue(warning.message.hasPrefix("in 2026-W02 the Day track meets 6 hours"), warning.message)
        var thin = compliantProgram()
        thin.files["schedule.yaml"] = thin.files["schedule.yaml"]!.replacingOccurrences(of: "days: [Monday, Wednesday, Friday]", with: "days: [Monday, Wednesday]")
        XCTAssertTrue(try check(thin).diagnostics.contains { $0.severity == .error && $0.message.contains("below the minimum of 9 hours") })
    }

    func testTheSampleMeetsItsProfileAndTheReportSaysSo() throws {
        let folder = try temporaryFolder(self)
        let options = Handbook.Options(contentDirectory: sampleContent, templatesDirectory: defaultTemplates,
                                       outputDirectory: folder + "/Public", profilesDirectory: packageRoot + "/Profiles")
        _ = try Handbook.check(options, report: true)
        let report = try read(folder + "/Public/compliance-report.html")
        XCTAssertTrue(report.contains("Every requirement is met or marked not applicable. 13 met."))
        XCTAssertEqual(report.components(separatedBy: "<td class=\"status\">Met</td>").count - 1, 13)
        XCTAssertTrue(report.contains("<a href=\"handbook/grievances.html\">"))
    }

    func testRemovingTheSampleGrievancePageNamesTheMissingSection() throws {
        let folder = try copyOfSample()
        try FileManager.default.removeItem(atPath: folder + "/Content/pages/grievances.md")
        let options = options(folder + "/Content", folder + "/Public", search: true)
        XCTAssertThrowsError(try Handbook.check(options, report: true)) { error in
            let messages = ((error as? DiagnosticsError)?.diagnostics ?? []).map(\.message)
            XCTAssertTrue(messages.contains { $0.hasPrefix("the client handbook lacks 'Grievance procedure with an outside contact': no client page covers it. It is needed because: Tells clients how to complain") }, "\(messages)")
        }
        let report = try read(folder + "/Public/compliance-report.html")
        XCTAssertTrue(report.contains("1 of 13 requirements are missing."), "the report is written even when check fails")
    }
}
