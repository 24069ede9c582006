import XCTest
@testable import HandbookKit

/// How interface strings get their `{placeholders}`: what every page's words go through.
final class WordingTests: XCTestCase {
    func testPlaceholdersAreFilledOnceAndUnknownOnesStayAsWritten() {
        let values = ["program": "Cedar {week} Hollow", "week": "2026-W49", "count": "12"]
        XCTAssertEqual(Wording.fill("{program}: {count} chapters, week {week}.", values),
                       "Cedar {week} Hollow: 12 chapters, week 2026-W49.", "a value's own braces are not filled")
        XCTAssertEqual(Wording.fill("{count}{count}", values), "1212")
        XCTAssertEqual(Wording.fill("Keep {unknown} and {count}", values), "Keep {unknown} and 12")
        XCTAssertEqual(Wording.fill("{a {count} b}", values), "{a 12 b}")
        XCTAssertEqual(Wording.fill("An open { brace and {count", values), "An open { brace and {count")
        XCTAssertEqual(Wording.fill("Añadir {count} años 🙂 {week}", values), "Añadir 12 años 🙂 2026-W49")
        XCTAssertEqual(Wording.fill("{count}", [:]), "{count}")
        XCTAssertEqual(englishWording().text("no_such_key", values), "no_such_key")
    }

    /// The pages of a build are rendered on every core at once, sharing one formatter per language
    /// and pattern: a date written from many threads is the date one formatter alone writes.
    func testDatesWrittenFromManyThreadsAtOnceAreTheDatesOneFormatterWrites() throws {
        let strings = TemplateSet.load(from: [.templates(defaultTemplates)], log: DiagnosticLog()).strings
        let first = try XCTUnwrap(CalendarDate("2031-01-01"))
        let days = (0..<730).map { CalendarDate(dayNumber: first.dayNumber + $0) }
        for (language, identifier) in [("en", "en"), ("es", "es")] {
            let wording = strings.wording(for: language, defaultLanguage: "en")
            let written = days.concurrentMap { wording.dayAndDate($0) }
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: identifier)
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.setLocalizedDateFormatFromTemplate("EEEEMMMMd")
            let expected = days.map { formatter.string(from: Date(timeIntervalSince1970: TimeInterval($0.dayNumber * 86400 + 12 * 3600))) }
            XCTAssertEqual(written, expected, language)
        }
        XCTAssertEqual(strings.wording(for: "en", defaultLanguage: "en").dayAndDate(first), "Wednesday, January 1")
    }
}
