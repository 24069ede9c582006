import Foundation
import XCTest
@testable import HandbookKit

/// The handbook's search index (Pagefind), which holds the text of every page it indexes.
final class SearchIndexLeakTests: XCTestCase, LeakyProgramTests {
    func testTheHandbookSearchIndexHoldsNoStaffOnlyContent() throws {
        guard ExternalTool.pagefind != nil else {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("pagefind-bin is missing in CI") }
            throw XCTSkip("python3 -m pip install pagefind-bin to run this test")
        }
        // In both languages: one index per language in the same folder.
        let output = try build(Self.leakyProgramInSpanish(), search: true)
        func index(_ output: String) -> [(String, Data)] {
            Self.files(under: output + "/pagefind").map { ($0.0, Self.decompressed($0.1)) }
        }
        let handbookIndex = index(output + "/handbook")
        XCTAssertTrue(handbookIndex.contains { $0.0.hasSuffix(".pf_fragment") }, "the handbook has a search index")
        XCTAssertTrue(handbookIndex.contains { $0.1.range(of: Data("cravings".utf8)) != nil }, "decompression works: client words are found")
        for (path, data) in handbookIndex {
            for marker in Self.markers + Self.translatedMarkers
            where data.range(of: Data(marker.utf8)) != nil || data.range(of: Data(marker.lowercased().utf8)) != nil {
                XCTFail("\(marker) in handbook/pagefind/\(path)")
            }
        }
        let manualIndex = index(output + "/manual")
        XCTAssertTrue(manualIndex.contains { $0.1.range(of: Data("LEAK-PAGE-BODY".utf8)) != nil }, "the manual's index holds staff pages")
        XCTAssertTrue(handbookIndex.contains { $0.0.hasPrefix("index/es_") }, "the handbook has a Spanish index")
        XCTAssertTrue(manualIndex.contains { $0.1.range(of: Data("FUGA-PAGE-BODY".utf8)) != nil }, "the manual's index holds Spanish staff pages")
    }
}
