import Foundation
import XCTest
@testable import HandbookKit

/// The week's page as readers meet it: at an address that always leads to this week, with a way
/// back to the handbook, numbers a phone can dial, the time zone, the track's own description
/// and times that never break before "AM".
final class WeekPageTests: XCTestCase {
    /// 2026-12-02, a Wednesday of 2026-W49.
    private let clock = fixedClock("2026-12-02")

    /// The sample built into a fresh folder, this week being 2026-W49; returns the output folder.
    private func buildSample(environment: [String: String]? = nil) throws -> String {
        let output = try temporaryFolder(self) + "/Public"
        _ = try Handbook.build(options(sampleContent, output), environment: environment ?? clock)
        return output
    }

    /// The pages at the stable address, with the language each is in and where it must lead.
    private let addresses = [
        (page: "schedule/index.html", lang: "en", week: "2026-W49/index.html"),
        (page: "schedule/es/index.html", lang: "es", week: "../2026-W49/es/index.html"),
        (page: "manual/schedule/index.html", lang: "en", week: "2026-W49/index.html"),
        (page: "manual/schedule/es/index.html", lang: "es", week: "../2026-W49/es/index.html"),
    ]

    func testTheStableAddressLeadsEachCopyAndLanguageToThisWeek() throws {
        let output = try buildSample()
        for address in addresses {
            let html = try read(output + "/" + address.page)
            XCTAssertTrue(html.contains("<html lang=\"\(address.lang)\""), address.page)
            XCTAssertTrue(html.contains("<meta http-equiv=\"refresh\" content=\"0; url=\(address.week)\">"), html)
            XCTAssertTrue(html.contains("<a href=\"\(address.week)\">"), "a visible link too: \(html)")
            let folder = (address.page as NSString).deletingLastPathComponent
            XCTAssertTrue(FileManager.default.fileExists(atPath: "\(output)/\(folder)/\(address.week)"), "\(address.page) leads to a page that is there")
            let weekName = address.lang == "en" ? "Schedule for week 49, 2026" : "Horario de la semana 49 de 2026"
            XCTAssertTrue(html.contains(weekName), html)
            XCTAssertEqual(html.contains("(Staff copy)") || html.contains("(Copia del personal)"), address.page.hasPrefix("manual/"))
        }

        // A week later the same addresses lead to the new week; the manual keeps the old one.
        try FileManager.default.removeItem(atPath: output + "/schedule/2026-W49")
        _ = try Handbook.build(options(sampleContent, output), environment: fixedClock("2026-12-09"))
        for address in addresses {
            let html = try read(output + "/" + address.page)
            XCTAssertTrue(html.contains("url=\(address.week.replacingOccurrences(of: "W49", with: "W50"))\""), html)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/manual/schedule/2026-W49/es/index.html"))
    }

    func testMakingAnotherWeeksScheduleLeavesTheAddressAlone() throws {
        let output = try buildSample()
        let before = addresses.map { FileManager.default.contents(atPath: output + "/" + $0.page) }
        let next = try XCTUnwrap(ISOWeek("2026-W50"))
        _ = try Handbook.schedule(options(sampleContent, output), week: next, environment: clock)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/schedule/2026-W50/es/index.html"))
        XCTAssertEqual(addresses.map { FileManager.default.contents(atPath: output + "/" + $0.page) }, before,
                       "next week's schedule does not send readers to next week")

        // The current week's schedule writes the address, as a build does.
        for address in addresses { try FileManager.default.removeItem(atPath: output + "/" + address.page) }
        _ = try Handbook.schedule(options(sampleContent, output), week: try XCTUnwrap(ISOWeek("2026-W49")), environment: clock)
        XCTAssertEqual(addresses.map { FileManager.default.contents(atPath: output + "/" + $0.page) }, before)
        XCTAssertEqual(stagingFolders(in: output), [])
    }

    func testTheWeekPageLinksBackToItsOwnCoverInItsOwnLanguage() throws {
        let output = try buildSample()
        let backLinks = [
            ("schedule/2026-W49/index.html", "../../handbook/index.html", "Back to the client handbook"),
            ("schedule/2026-W49/es/index.html", "../../../handbook/es/index.html", "Volver al manual del cliente"),
            ("manual/schedule/2026-W49/index.html", "../../index.html", "Back to the staff manual"),
            ("manual/schedule/2026-W49/es/index.html", "../../../es/index.html", "Volver al manual del personal"),
        ]
        for (page, href, text) in backLinks {
            let html = try read(output + "/" + page)
            XCTAssertTrue(html.contains("<p class=\"back-link no-print\"><a href=\"\(href)\">\(text)</a></p>"), "\(page): \(html.prefix(900))")
            let cover = URL(fileURLWithPath: output + "/" + page).deletingLastPathComponent().appendingPathComponent(href).standardized.path
            XCTAssertTrue(FileManager.default.fileExists(atPath: cover), "\(page) links to \(cover)")
        }
    }

    /// Every phone number on the page can be dialled with one tap: the program's, the after-hours
    /// line, the crisis lines and, on the staff copy, each leader's.
    func testEveryPhoneNumberOnTheWeekPageIsATelLink() throws {
        let output = try buildSample()
        let client = try read(output + "/schedule/2026-W49/index.html")
        for (tel, number) in [("tel:5550100", "555-0100"), ("tel:5550199", "555-0199")] {
            XCTAssertTrue(client.contains("<a href=\"\(tel)\" class=\"nowrap\">\(number)</a>"), client)
        }
        XCTAssertTrue(client.contains("<a href=\"tel:988\">988 Suicide &amp; Crisis Lifeline</a>"))
        XCTAssertTrue(client.contains("<a href=\"tel:911\">Emergency services: <span class=\"nowrap\">911</span></a>"))
        let spanish = try read(output + "/schedule/2026-W49/es/index.html")
        XCTAssertTrue(spanish.contains("¿Preguntas o va a llegar tarde? Llame al <a href=\"tel:5550100\" class=\"nowrap\">555-0100</a>."), spanish)

        for page in ["schedule/2026-W49/index.html", "schedule/2026-W49/es/index.html",
                     "manual/schedule/2026-W49/index.html", "manual/schedule/2026-W49/es/index.html"] {
            let html = try read(output + "/" + page)
            let numbers = html.matches(of: /\d{3}-\d{4}/).count
            let linked = html.matches(of: /<a href="tel:\d{7}"[^>]*>\d{3}-\d{4}<\/a>/).count
            XCTAssertGreaterThan(numbers, 0, page)
            XCTAssertEqual(linked, numbers, "every number on \(page) is a tel: link")
        }
        let staff = try read(output + "/manual/schedule/2026-W49/index.html")
        XCTAssertTrue(staff.contains("Luis Ferrante: <a href=\"tel:5550113\">555-0113</a>"), staff)
        XCTAssertFalse(client.contains("555-0113"), "no staff phone on the client copy")
    }

    func testTheWeekPageNamesTheTimeZoneTheTrackAndTheYear() throws {
        let output = try buildSample()
        let english = try read(output + "/schedule/2026-W49/index.html")
        XCTAssertTrue(english.contains("<title>Cedar Hollow IOP · Schedule for week 49, 2026</title>"), english)
        XCTAssertTrue(english.contains("All times are Central Time (America/Chicago)."))
        XCTAssertTrue(english.contains("Morning groups for people who work evenings, are between jobs, or care for children after school."),
                      "the track's own description")
        let spanish = try read(output + "/manual/schedule/2026-W49/es/index.html")
        XCTAssertTrue(spanish.contains("<title>Cedar Hollow IOP · Horario de la semana 49 de 2026 (Copia del personal)</title>"), spanish)
        XCTAssertTrue(spanish.contains("Todas las horas corresponden a la hora central (America/Chicago)."))
    }

    /// "9:00 AM" holds a no-break space, on the week page and in the handbook's schedule chapter,
    /// which share the formatter; calendar files keep the plain space.
    func testTimesNeverBreakBetweenTheNumberAndAMOrPM() throws {
        let wording = englishWording()
        XCTAssertEqual(wording.timeRange(TimeOfDay(hour: 9, minute: 0), TimeOfDay(hour: 10, minute: 30)), "9:00\u{A0}AM – 10:30\u{A0}AM")
        let output = try buildSample()
        for page in ["schedule/2026-W49/index.html", "manual/schedule/2026-W49/index.html", "handbook/schedule.html"] {
            let html = try read(output + "/" + page)
            XCTAssertTrue(html.contains("9:00\u{A0}AM"), page)
            XCTAssertNil(html.firstMatch(of: /\d:\d\d[ \n][AP]M/), "a time that may break on \(page)")
        }
        // "Moved to Friday, December 4, 6:00 PM": a time inside a sentence too.
        let week = try read(output + "/schedule/2026-W49/index.html")
        XCTAssertNotNil(week.firstMatch(of: /Moved to [^<]*\d:\d\d\u{A0}[AP]M/), "the moved session's new time")
    }

    func testAClosedDayIsSaidOnceAndItsSessionsAreOnlyStruckThrough() throws {
        let output = try temporaryFolder(self) + "/Public"
        // 2026-W48 holds Thanksgiving, Thursday and Friday.
        _ = try Handbook.schedule(options(sampleContent, output), week: try XCTUnwrap(ISOWeek("2026-W48")), environment: clock)
        let html = try read(output + "/schedule/2026-W48/index.html")
        XCTAssertTrue(html.contains("<strong>Closed</strong> Thursday, November 26 – Friday, November 27: Thanksgiving holiday"), html)
        XCTAssertFalse(html.contains("Closed: Thanksgiving holiday"), "not repeated on every session")
        XCTAssertTrue(html.contains("<div class=\"session struck\">"))
    }
}
