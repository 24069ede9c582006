import Foundation
import XCTest
@testable import HandbookKit

/// Editions (issue 20): a saved edition, and the "What's new" each audience is given after a
/// change; a staff-only change never shows in a client output, not even as an empty entry.
final class EditionTests: XCTestCase {
    private static let staffMarker = "STAFFMARKER7731"
    private static let today = "2026-12-02"

    /// A copy of the sample with its edition saved; returns the content folder.
    private func savedSample() throws -> String {
        let content = try copyOfSample() + "/Content"
        let path = try Handbook.saveEdition(options(content, content + "/../unused"), environment: fixedClock(Self.today))
        XCTAssertTrue(path.hasSuffix("editions/2026-11-01.json"), path)
        return content
    }

    private func edit(_ file: String, in content: String, _ change: (String) -> String) throws {
        let path = content + "/" + file
        let before = try read(path)
        let after = change(before)
        XCTAssertNotEqual(before, after, "the edit of \(file) must change it")
        try write(after, to: path)
    }

    /// The five edits of the issue: a client rule's text, a staff-only note, a new question, a page
    /// section removed, a session's time in the regular week; then a later edition date.
    private func makeTheFiveChanges(in content: String) throws {
        try edit("rules.yaml", in: content) {
            $0.replacingOccurrences(of: "includes cannabis and any medicine", with: "includes cannabis, kratom and any medicine")
        }
        try staffNote(in: content, marked: true)
        try edit("faq.yaml", in: content) {
            $0.replacingOccurrences(of: "questions:\n\n", with: """
            questions:

              - id: can-i-bring-coffee
                question: Can I bring coffee to group?
                answer: Yes. Bring a cup with a lid.


            """)
        }
        try edit("pages/your-first-day.md", in: content) {
            $0.replacingOccurrences(of: #"## Your first group\n\n[^\n]*\n\n"#, with: "", options: .regularExpression)
        }
        try edit("schedule.yaml", in: content) {
            $0.replacingOccurrences(of: #"start: "9:00 AM""#, with: #"start: "9:15 AM""#, options: [], range: $0.range(of: #"start: "9:00 AM""#))
        }
        try edit("program.yaml", in: content) {
            $0.replacingOccurrences(of: "edition: \"Edition 4\"", with: "edition: \"Edition 5\"")
                .replacingOccurrences(of: "edition_date: 2026-11-01", with: "edition_date: 2026-12-01")
        }
    }

    private func staffNote(in content: String, marked: Bool) throws {
        let plain = "tell the client's counselor.\n"
        let withMarker = "tell the client's counselor. \(Self.staffMarker)\n"
        try edit("rules.yaml", in: content) {
            marked ? $0.replacingOccurrences(of: plain, with: withMarker) : $0.replacingOccurrences(of: withMarker, with: plain)
        }
    }

    private func build(_ content: String) throws -> String {
        let output = try temporaryFolder(self) + "/Public"
        _ = try Handbook.build(options(content, output), environment: fixedClock(Self.today))
        return output
    }

    /// The entries of a "What's new" page, as "kind|title" lines.
    private func entries(_ page: String) -> [String] {
        let pattern = #"<strong class="change-label">([^<]+)</strong> · ([^:]+): <span[^>]*>(?:<a [^>]+>)?([^<]+)"#
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: page, range: NSRange(page.startIndex..., in: page)).map { match in
            (1...3).map { String(page[Range(match.range(at: $0), in: page)!]) }.joined(separator: "|")
        }
    }

    private func fingerprint(_ output: String) throws -> String {
        let print = try read(output + "/handbook/print.html")
        let match = try XCTUnwrap(print.range(of: #"fingerprint of this edition: [0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}"#,
                                              options: .regularExpression))
        return String(print[match].suffix(14))
    }

    func testClientsAreToldTheFourChangesTheyCanSeeAndStaffAllFive() throws {
        let content = try savedSample()
        let before = try fingerprint(try build(content))
        try makeTheFiveChanges(in: content)
        let output = try build(content)

        let client = try read(output + "/handbook/whats-new.html")
        XCTAssertEqual(entries(client), [
            "Removed|Page|Your first day: Your first group",
            "Changed|Weekly schedule|Day track: Check-in group",
            "Changed|Rule|Come to every session sober",
            "New|Question|Can I bring coffee to group?",
        ])
        XCTAssertTrue(client.contains("includes cannabis<ins>, kratom </ins>") || client.contains("<ins>cannabis, kratom </ins>"),
                      "the changed rule's new text, with the new words marked")
        let manual = try read(output + "/manual/whats-new.html")
        XCTAssertEqual(entries(manual).count, 5, "\(entries(manual))")
        XCTAssertTrue(manual.contains("<ins>\(Self.staffMarker)</ins>"), "the staff note's change, word by word")
        XCTAssertTrue(manual.contains(#"class="whats-new-change change-changed staff-only""#), "marked staff-only")
        XCTAssertTrue(manual.contains(#"<section class="attestation">"#), "the attestation sheet")
        XCTAssertFalse(client.contains("attestation"))

        // Not in any client file: not in "What's new", not anywhere else.
        for folder in ["handbook", "schedule"] {
            for (path, data) in LeakTests.files(under: output + "/" + folder) {
                XCTAssertFalse(String(decoding: data, as: UTF8.self).contains(Self.staffMarker), "staff note in \(path)")
            }
        }
        XCTAssertTrue(try read(output + "/handbook/index.html").contains(#"<a href="whats-new.html">"#), "linked from the cover")

        let changed = try fingerprint(output)
        XCTAssertNotEqual(before, changed, "a client-visible change changes the fingerprint")
        try staffNote(in: content, marked: false)
        XCTAssertEqual(try fingerprint(try build(content)), changed, "a staff-only change does not")
    }

    func testAProgramWithNoSavedEditionHasNoWhatsNew() throws {
        let output = try build(copyOfSample() + "/Content")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/handbook/whats-new.html"))
        XCTAssertFalse(try read(output + "/handbook/index.html").contains("whats-new"))
    }

    func testASavedEditionIsNeverReplacedAndAProgramWithErrorsIsNotSaved() throws {
        let content = try savedSample()
        let path = content + "/editions/2026-11-01.json"
        let saved = try read(path)
        XCTAssertThrowsError(try Handbook.saveEdition(options(content, content + "/../unused"))) { error in
            XCTAssertTrue("\(error)".contains("already saved"), "\(error)")
        }
        XCTAssertEqual(try read(path), saved)

        try edit("program.yaml", in: content) { $0.replacingOccurrences(of: "edition_date: 2026-11-01", with: "edition_date: 2026-12-01") }
        try edit("rules.yaml", in: content) { $0.replacingOccurrences(of: "    title: Come to every session sober\n", with: "") }
        XCTAssertThrowsError(try Handbook.saveEdition(options(content, content + "/../unused"))) { error in
            XCTAssertTrue(error is DiagnosticsError, "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: content + "/editions/2026-12-01.json"))
    }

    func testTheSameEditionIsSavedAsTheSameBytes() throws {
        let first = try read(try savedSample() + "/editions/2026-11-01.json")
        let second = try read(try savedSample() + "/editions/2026-11-01.json")
        XCTAssertEqual(first, second)
    }

    func testDiffListsTheChangesForTheCoordinator() throws {
        let content = try savedSample()
        try makeTheFiveChanges(in: content)
        let date = CalendarDate("2026-11-01")!
        let staff = try Handbook.changes(since: date, options(content, content + "/../unused"), audience: .staff,
                                         environment: fixedClock(Self.today))
        XCTAssertEqual(staff.changes.count, 5)
        XCTAssertTrue(staff.text.contains("rule: Come to every session sober (staff note) (staff only)"), staff.text)
        XCTAssertTrue(staff.text.contains("{+\(Self.staffMarker)+}"), staff.text)
        XCTAssertTrue(staff.text.contains("[-9:00\u{A0}-]{+9:15\u{A0}+}AM"), staff.text)
        let clients = try Handbook.changes(since: date, options(content, content + "/../unused"), audience: .everyone,
                                           environment: fixedClock(Self.today))
        XCTAssertEqual(clients.changes.count, 4)
        XCTAssertFalse(clients.text.contains(Self.staffMarker))
        XCTAssertThrowsError(try Handbook.changes(since: CalendarDate("2025-01-01")!, options(content, content + "/../unused"),
                                                  audience: .staff)) { error in
            XCTAssertTrue("\(error)".contains("saved editions: 2026-11-01"), "\(error)")
        }
    }

    func testATranslationLeftBehindIsReportedAndAnUntranslatedEntryIsNamed() throws {
        let content = try savedSample()
        try makeTheFiveChanges(in: content)
        let found = try Handbook.check(options(content, content + "/../unused"), environment: fixedClock(Self.today))
        let stale = try XCTUnwrap(found.first { $0.message.contains("is out of date") }, "\(found)")
        XCTAssertTrue(stale.location.file.hasSuffix("translations/es/rules.yaml"), stale.location.description)
        XCTAssertTrue(stale.message.contains("'Come to every session sober'"), stale.message)

        let spanish = try read(try build(content) + "/handbook/es/whats-new.html")
        XCTAssertTrue(spanish.contains("Novedades de esta edición"))
        XCTAssertTrue(spanish.contains("Esta parte se muestra en inglés"), "the new question is shown in English")
    }

    /// A staff block cut from a page leaves blank lines, as many as the block had: their number
    /// must not change what the client text is said to be, or a staff-only edit would change the
    /// fingerprint and show in the clients' "What's new".
    func testTheBlankLinesACutStaffBlockLeavesDoNotCount() throws {
        let page = "  Intro.  \n\n\n\n\nMore text.\t\nLast line.\n\n"
        XCTAssertEqual(EditionItemCollector.items(of: content(page: page), wording: englishWording())["pages/welcome"]?.text,
                       "Intro.\n\nMore text.\nLast line.")
        let short = ClientFingerprint.of(EditionItemCollector.items(of: content(page: "A.\n\n\nB."), wording: englishWording(), pagesBySection: false))
        let long = ClientFingerprint.of(EditionItemCollector.items(of: content(page: "A.\n\n\n\n\n\n\nB."), wording: englishWording(), pagesBySection: false))
        let changed = ClientFingerprint.of(EditionItemCollector.items(of: content(page: "A.\n\nC."), wording: englishWording(), pagesBySection: false))
        XCTAssertEqual(short, long)
        XCTAssertNotEqual(short, changed)
    }

    private func content(page text: String) -> Content {
        let (loaded, _) = try! loadDiagnostics(ProgramFixture())
        var content = loaded!
        content.pages[0].body = MarkdownSource(text, origin: content.pages[0].body.origin)
        return content
    }

    func testAWordByWordComparisonMarksOnlyWhatChanged() {
        let parts = WordDiff.compare("Be on time for group.\n\nCall if late.", "Be on time for every group.\n\nCall if late.")
        XCTAssertEqual(parts, [.same("Be on time for "), .added("every "), .same("group.\n\nCall if late.")])
        XCTAssertEqual(WordDiff.paragraphs(parts).filter(WordDiff.isChanged).count, 1)
    }
}
