import Foundation
import XCTest
@testable import HandbookKit

/// Owners and reviews (issue 20, point 3): `owner`, `reviewed` and `review_every` on pages and
/// items, checked against the build's day; `--strict` fails on a review that is out of date; the
/// manual shows the owner and the next review, the client handbook never does; the compliance
/// report lists the reviews, overdue first.
final class ReviewTests: XCTestCase {
    /// The day every test runs on: the sample's checks run around this date too.
    private let today = "2026-12-06"

    /// The fixture with review keys added to the rule `come-sober`.
    private func program(ruleReview: String) -> ProgramFixture {
        var fixture = ProgramFixture()
        fixture.files["rules.yaml"] = fixture.files["rules.yaml"]!.replacingOccurrences(
            of: "    can_lead_to_discharge: true\n", with: "    can_lead_to_discharge: true\n" + ruleReview + "\n")
        return fixture
    }

    /// The 1-based line of the first line of `file` in the fixture that contains `text`.
    private func line(of text: String, in file: String, _ fixture: ProgramFixture) -> Int {
        fixture.files[file]!.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) }! + 1
    }

    /// Every diagnostic of `check` on `today`; `failed` when the check threw (it found errors).
    private func check(_ fixture: ProgramFixture, strict: Bool = false, report: String? = nil) throws
        -> (diagnostics: [Diagnostic], failed: Bool) {
        let folder = try temporaryFolder(self)
        let content = try fixture.write(into: folder)
        var options = options(content, report ?? folder + "/Public")
        options.strict = strict
        do {
            return (try Handbook.check(options, report: report != nil, environment: fixedClock(today)), false)
        } catch let error as DiagnosticsError {
            return (error.diagnostics, true)
        }
    }

    // MARK: check

    func testAReviewThirteenMonthsOldWarnsAtItsLine() throws {
        let fixture = program(ruleReview: "    reviewed: 2025-11-06\n    review_every: 12 months")
        let found = try check(fixture)
        XCTAssertFalse(found.failed, "\(found.diagnostics)")
        let warning = try XCTUnwrap(found.diagnostics.first { $0.message.contains("review of rule 'come-sober'") }, "\(found.diagnostics)")
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertEqual(warning.message, "the review of rule 'come-sober' is overdue since 2026-11-06 (reviewed 2025-11-06, every 12 months)")
        XCTAssertEqual(warning.hint, "review it and set 'reviewed: 2026-12-06'")
        XCTAssertTrue(warning.location.file.hasSuffix("rules.yaml"), warning.location.file)
        XCTAssertEqual(warning.location.line, line(of: "- id: come-sober", in: "rules.yaml", fixture))
    }

    func testWithStrictAnOverdueReviewIsAnErrorAndTheCheckFails() throws {
        var fixture = program(ruleReview: "    reviewed: 2025-11-06\n    review_every: 12 months")
        // A warning that is not about reviews stays a warning under --strict.
        let hard = String(repeating: "Participants demonstrating persistent noncompliance with established attendance expectations may experience administrative discharge proceedings. ", count: 6)
        fixture.files["pages/hard.md"] = "---\ntitle: Hard\n---\n" + hard + "\n"
        let found = try check(fixture, strict: true)
        XCTAssertTrue(found.failed)
        let error = try XCTUnwrap(found.diagnostics.first { $0.message.contains("review of rule 'come-sober' is overdue") })
        XCTAssertEqual(error.severity, .error)
        XCTAssertEqual(error.location.line, line(of: "- id: come-sober", in: "rules.yaml", fixture))
        XCTAssertEqual(found.diagnostics.first { $0.message.contains("'Hard' reads at grade") }?.severity, .warning)
        XCTAssertEqual(found.diagnostics.errors.count, 1, "\(found.diagnostics.errors)")

        // build runs the same checks: it fails too, and writes nothing.
        let folder = try temporaryFolder(self)
        var options = options(try fixture.write(into: folder), folder + "/Public")
        options.strict = true
        XCTAssertThrowsError(try Handbook.build(options, environment: fixedClock(today)))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/Public/handbook"))
        options.strict = false
        XCTAssertNoThrow(try Handbook.build(options, environment: fixedClock(today)))
    }

    func testAReviewDueInTwentyDaysWarnsThatItIsDue() throws {
        let found = try check(program(ruleReview: "    reviewed: 2025-12-26\n    review_every: 1 year"))
        let warning = try XCTUnwrap(found.diagnostics.first { $0.message.contains("review of rule 'come-sober'") }, "\(found.diagnostics)")
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertEqual(warning.message, "the review of rule 'come-sober' is due on 2026-12-26, in 20 days (reviewed 2025-12-26, every 1 year)")
        // Reviewed a day later, the review falls due 31 days from today: nothing to say yet.
        let later = try check(program(ruleReview: "    reviewed: 2026-01-06\n    review_every: 12 months"))
        XCTAssertFalse(later.diagnostics.contains { $0.message.contains("come-sober") }, "\(later.diagnostics)")
    }

    func testTheProgramsDefaultIntervalApplies() throws {
        var fixture = ProgramFixture()
        fixture.files["program.yaml"]! += "\nreview_every: 6 months\n"
        fixture.files["pages/welcome.md"] = fixture.files["pages/welcome.md"]!.replacingOccurrences(
            of: "order: 10\n", with: "order: 10\nowner: Program director\nreviewed: 2026-05-01\n")
        // An item's own interval wins over the program's.
        fixture.files["topics.yaml"] = fixture.files["topics.yaml"]!.replacingOccurrences(
            of: "    summary: Why rest helps.", with: "    summary: Why rest helps.\n    reviewed: 2026-05-01\n    review_every: 2 years")
        // With a default interval, an owner without a review date has never been reviewed.
        fixture.files["faq.yaml"]! += "\n    owner: ana-ruiz\n"
        let found = try check(fixture).diagnostics
        let page = try XCTUnwrap(found.first { $0.message.contains("page 'welcome'") }, "\(found)")
        XCTAssertEqual(page.message, "the review of page 'welcome' is overdue since 2026-11-01 (reviewed 2026-05-01, every 6 months)")
        XCTAssertTrue(page.location.file.hasSuffix("pages/welcome.md"))
        XCTAssertEqual(page.location.line, 1)
        XCTAssertFalse(found.contains { $0.message.contains("topic 'sleep'") }, "\(found)")
        let never = try XCTUnwrap(found.first { $0.message.contains("question 'how-long-is-the-program'") }, "\(found)")
        XCTAssertEqual(never.severity, .warning)
        XCTAssertTrue(never.message.contains("has never been reviewed"), never.message)
        XCTAssertTrue(never.message.contains("'review_every: 6 months'"), never.message)

        // Without the default, an owner alone asks for nothing.
        fixture.files["program.yaml"] = ProgramFixture().files["program.yaml"]
        XCTAssertFalse(try check(fixture).diagnostics.contains { $0.message.contains("how-long-is-the-program") })
    }

    func testABadReviewIntervalIsAnErrorAtItsLine() throws {
        var fixture = ProgramFixture()
        fixture.files["topics.yaml"] = fixture.files["topics.yaml"]!.replacingOccurrences(
            of: "    summary: Why rest helps.", with: "    summary: Why rest helps.\n    review_every: yearly")
        fixture.files["program.yaml"]! += "\nreview_every: 0 months\n"
        let found = try check(fixture)
        XCTAssertTrue(found.failed)
        let topic = try XCTUnwrap(found.diagnostics.first { $0.message.contains("'yearly'") }, "\(found.diagnostics)")
        XCTAssertEqual(topic.severity, .error)
        XCTAssertEqual(topic.message, "'yearly' is not a length of time 'review_every' can hold")
        XCTAssertTrue(topic.hint.contains("'review_every: 12 months'"), topic.hint)
        XCTAssertTrue(topic.location.file.hasSuffix("topics.yaml"))
        XCTAssertEqual(topic.location.line, line(of: "review_every: yearly", in: "topics.yaml", fixture))
        XCTAssertEqual(topic.location.column, 19, "at the value")
        let program = try XCTUnwrap(found.diagnostics.first { $0.message.contains("'0 months'") }, "\(found.diagnostics)")
        XCTAssertEqual(program.location.line, line(of: "review_every: 0 months", in: "program.yaml", fixture))
    }

    func testAReviewDateAfterTodayIsAnError() throws {
        let fixture = program(ruleReview: "    reviewed: 2027-01-05")
        let found = try check(fixture)
        XCTAssertTrue(found.failed)
        let error = try XCTUnwrap(found.diagnostics.errors.first, "\(found.diagnostics)")
        XCTAssertEqual(error.message, "the review date 2027-01-05 of rule 'come-sober' is after today (2026-12-06)")
        XCTAssertEqual(error.location.line, line(of: "reviewed: 2027-01-05", in: "rules.yaml", fixture))
    }

    func testOwnerNearlyAStaffIdIsQuestioned() throws {
        let found = try check(program(ruleReview: "    owner: ana-ruis")).diagnostics
        let warning = try XCTUnwrap(found.first { $0.message.contains("'ana-ruis'") }, "\(found)")
        XCTAssertTrue(warning.hint.hasPrefix("did you mean 'ana-ruiz'?"), warning.hint)
        // A role is shown as written, without a word from check.
        XCTAssertFalse(try check(program(ruleReview: "    owner: Clinical director")).diagnostics.contains { $0.message.contains("owner") })
    }

    // MARK: The manual and the handbook

    func testTheManualShowsOwnerAndNextReviewAndTheClientHandbookNothing() throws {
        let marker = "Quillon Zephyrine Review Owner"
        var fixture = program(ruleReview: "    owner: \(marker)\n    reviewed: 2025-11-06\n    review_every: 12 months")
        fixture.files["pages/welcome.md"] = fixture.files["pages/welcome.md"]!.replacingOccurrences(
            of: "order: 10\n", with: "order: 10\nowner: ana-ruiz\nreviewed: 2026-03-02\nreview_every: 12 months\n")
        let folder = try temporaryFolder(self)
        let output = folder + "/Public"
        let options = options(try fixture.write(into: folder), output, search: true)
        _ = try Handbook.build(options, environment: fixedClock(today))

        let page = try read(output + "/manual/welcome.html")
        XCTAssertTrue(page.contains("Owner: Ana Ruiz, Counselor · Last reviewed: March 2, 2026 · Next review: March 2, 2027"), page)
        XCTAssertFalse(page.contains("review-overdue"))
        let rules = try read(output + "/manual/rules.html")
        XCTAssertTrue(rules.contains("Owner: \(marker) · Last reviewed: November 6, 2025 · Next review: November 6, 2026"), rules)
        XCTAssertTrue(rules.contains("<strong>Overdue since November 6, 2026</strong>"), rules)
        XCTAssertTrue(try read(output + "/manual/print.html").contains("Next review: March 2, 2027"))

        // Not one byte of any client file names an owner or a review: pages, print, search index, weeks, calendars.
        var clientFiles = 0
        for (path, data) in snapshot(output) where !path.hasPrefix("manual/") {
            clientFiles += 1
            let text = String(decoding: data, as: UTF8.self)
            for secret in [marker, "Ana Ruiz", "Next review", "Last reviewed", "2025-11-06", "2026-03-02"] {
                XCTAssertFalse(text.contains(secret), "\(path) holds '\(secret)'")
            }
        }
        XCTAssertGreaterThan(clientFiles, 5)
        XCTAssertFalse(try read(output + "/handbook/welcome.html").contains("Owner:"))
    }

    func testTheClientViewHoldsNoReview() throws {
        var fixture = program(ruleReview: "    owner: Clinical director\n    reviewed: 2026-01-05")
        fixture.files["program.yaml"]! += "\nreview_every: 12 months\n"
        let (loaded, _) = try loadDiagnostics(fixture)
        let content = try XCTUnwrap(loaded)
        XCTAssertNotNil(content.rules.first { $0.id == "come-sober" }?.review)
        let client = AudienceResolver.resolve(content, for: .everyone)
        XCTAssertTrue(client.rules.allSatisfy { $0.review == nil })
        XCTAssertNil(client.program.reviewEvery)
        XCTAssertEqual(AudienceResolver.resolve(content, for: .staff).rules.first { $0.id == "come-sober" }?.review?.owner, "Clinical director")
    }

    // MARK: The compliance report

    func testTheReportListsReviewsOverdueFirst() throws {
        var fixture = ProgramFixture()
        fixture.files["program.yaml"]! += "\ncompliance:\n  profile: asam-2.1-adult\n"
        // In file order: a current page, an overdue rule, a question never reviewed, a topic
        // overdue for longer, a topic due soon.
        fixture.files["pages/welcome.md"] = fixture.files["pages/welcome.md"]!.replacingOccurrences(
            of: "order: 10\n", with: "order: 10\nowner: ana-ruiz\nreviewed: 2026-10-01\nreview_every: 12 months\n")
        fixture.files["rules.yaml"] = fixture.files["rules.yaml"]!.replacingOccurrences(
            of: "    consequence: You will talk with your counselor.\n",
            with: "    consequence: You will talk with your counselor.\n    reviewed: 2025-11-01\n    review_every: 12 months\n")
        fixture.files["faq.yaml"]! += "\n    owner: Front desk lead\n    review_every: 6 months\n"
        fixture.files["topics.yaml"] = fixture.files["topics.yaml"]!
            .replacingOccurrences(of: "    module: Foundations\n", with: "    module: Foundations\n    reviewed: 2025-06-01\n    review_every: 1 year\n")
            .replacingOccurrences(of: "    summary: Why rest helps.", with: "    summary: Why rest helps.\n    reviewed: 2026-06-20\n    review_every: 6 months")
        let folder = try temporaryFolder(self)
        _ = try check(fixture, report: folder)
        let report = try read(folder + "/compliance-report.html")
        let section = try XCTUnwrap(report.components(separatedBy: "<h2 id=\"reviews\">").last)
        let order = ["Triggers", "Be kind", "How long is the program?", "Sleep", "Welcome"].map { title in
            section.range(of: ">\(title)</a>")?.lowerBound
        }
        XCTAssertFalse(order.contains(nil), section)
        XCTAssertEqual(order.compactMap { $0 }, order.compactMap { $0 }.sorted(), section)
        XCTAssertTrue(section.contains("<td>Ana Ruiz, Counselor</td>"), section)
        XCTAssertTrue(section.contains("<td>Front desk lead</td>"))
        XCTAssertTrue(section.contains("<td class=\"status\"><strong>Overdue</strong></td>"))
        XCTAssertTrue(section.contains("<td class=\"status\"><strong>Never reviewed</strong></td>"))
        XCTAssertTrue(section.contains("<td class=\"status\">Due soon</td>"))
        XCTAssertTrue(section.contains("<td class=\"status\">Current</td>"))
        XCTAssertTrue(section.contains("<a href=\"manual/rules.html#be-kind\">Be kind</a>"))
        XCTAssertTrue(section.contains("<td>June 1, 2026</td>"), "the next review of the topic overdue longest")
    }

    // MARK: Values

    func testIntervalsAndMonthArithmetic() throws {
        XCTAssertEqual(ReviewInterval("1 year")?.months, 12)
        XCTAssertEqual(ReviewInterval("2 Years")?.months, 24)
        XCTAssertEqual(ReviewInterval("6 months")?.months, 6)
        XCTAssertEqual(ReviewInterval("1 month")?.months, 1)
        for bad in ["12", "yearly", "0 months", "-1 months", "12 weeks", "twelve months", "1.5 years", "12months"] {
            XCTAssertNil(ReviewInterval(bad), bad)
        }
        XCTAssertEqual(CalendarDate("2026-01-31")!.adding(months: 1), CalendarDate("2026-02-28"))
        XCTAssertEqual(CalendarDate("2027-02-28")!.adding(months: 12), CalendarDate("2028-02-28"))
        XCTAssertEqual(CalendarDate("2025-11-30")!.adding(months: 3), CalendarDate("2026-02-28"))
        XCTAssertEqual(CalendarDate("2025-12-06")!.adding(months: 1), CalendarDate("2026-01-06"))

        // The editor schema's pattern accepts what the loader accepts.
        let pattern = try NSRegularExpression(pattern: ValuePatterns.interval)
        for text in ["12 months", "1 year", "2 Years", " 6 months ", "1 month", "12 weeks", "yearly", "0 months", "12", "1.5 years"] {
            let matches = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            XCTAssertEqual(matches, ReviewInterval(text.trimmingCharacters(in: .whitespaces)) != nil, text)
        }
    }
}
