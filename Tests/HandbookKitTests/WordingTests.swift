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
}
