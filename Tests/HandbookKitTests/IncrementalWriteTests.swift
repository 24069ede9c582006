import Foundation
import XCTest
@testable import HandbookKit

/// Under `serve`, a rebuild writes the files whose bytes changed: however small the change.
final class IncrementalWriteTests: XCTestCase {
    /// A typo fixed by a word of the same length leaves every page the same size and the same at
    /// its start: the rebuild must still write it (a fingerprint of the first bytes did not).
    func testAnEditThatKeepsThePageSizeIsWritten() throws {
        let folder = try copyOfSample()
        let cache = BuildCache()
        let served = options(folder + "/Content", folder + "/Public")
        _ = try Handbook.build(served, environment: fixedClock("2026-12-02"), cache: cache)
        let welcome = folder + "/Content/pages/welcome.md"
        try write(try read(welcome).replacingOccurrences(of: "We are glad you are here.", with: "We are GLAD you are here."),
                  to: welcome)
        let report = try Handbook.build(served, environment: fixedClock("2026-12-02"), cache: cache)
        XCTAssertEqual(report.filesRewritten, 4) // the page and the print page, in each output
        XCTAssertTrue(try read(folder + "/Public/handbook/welcome.html").contains("We are GLAD you are here."))
        XCTAssertTrue(try read(folder + "/Public/manual/print.html").contains("We are GLAD you are here."))
    }

    /// An output file deleted by hand comes back at the next rebuild, even when nothing changed.
    func testADeletedFileIsWrittenAgain() throws {
        let folder = try copyOfSample()
        let cache = BuildCache()
        let served = options(folder + "/Content", folder + "/Public")
        _ = try Handbook.build(served, environment: fixedClock("2026-12-02"), cache: cache)
        let page = folder + "/Public/handbook/welcome.html"
        let before = try read(page)
        try FileManager.default.removeItem(atPath: page)
        let report = try Handbook.build(served, environment: fixedClock("2026-12-02"), cache: cache)
        XCTAssertEqual(report.filesRewritten, 1)
        XCTAssertEqual(try read(page), before)
    }

    /// The print page is rewritten in place from its first changed chapter: growing and
    /// shrinking, it must end as a full build writes it.
    func testThePrintPageRewrittenInPlaceIsWhatAFullBuildWrites() throws {
        let folder = try copyOfSample()
        let cache = BuildCache()
        let served = options(folder + "/Content", folder + "/Public")
        _ = try Handbook.build(served, environment: fixedClock("2026-12-02"), cache: cache)
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder + "/Content/pages").sorted()
        let last = folder + "/Content/pages/" + pages.last!
        let original = try read(last)
        for text in [original + "\nA longer ending, added to the last chapter.\n", original, String(original.dropLast(40))] {
            try write(text, to: last)
            _ = try Handbook.build(served, environment: fixedClock("2026-12-02"), cache: cache)
            let fresh = folder + "/Fresh-\(UUID().uuidString)"
            _ = try Handbook.build(options(folder + "/Content", fresh), environment: fixedClock("2026-12-02"))
            for output in ["handbook", "manual"] {
                XCTAssertEqual(try read(folder + "/Public/\(output)/print.html"), try read(fresh + "/\(output)/print.html"))
            }
        }
    }
}
