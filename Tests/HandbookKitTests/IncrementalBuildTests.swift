import Foundation
import XCTest
@testable import HandbookKit

/// Rebuilds under `serve` reuse what did not change: they must give exactly what a full build
/// gives, and write only the files whose bytes changed.
final class IncrementalBuildTests: XCTestCase {
    /// Applies `edit`, rebuilds with the cache, and compares with a fresh full build.
    private func assertRebuildMatchesFullBuild(_ folder: String, cache: BuildCache, expectWritten: Int? = nil,
                                               file: StaticString = #filePath, line: UInt = #line,
                                               _ edit: () throws -> Void) throws {
        try edit()
        let report = try Handbook.build(options(folder + "/Content", folder + "/Public"), environment: fixedClock("2026-12-02"),
                                        cache: cache)
        let fresh = folder + "/Fresh-\(UUID().uuidString)"
        _ = try Handbook.build(options(folder + "/Content", fresh), environment: fixedClock("2026-12-02"))
        let served = snapshot(folder + "/Public"), full = snapshot(fresh)
        XCTAssertEqual(Set(served.keys), Set(full.keys), "same files", file: file, line: line)
        for (path, data) in full where served[path] != data { XCTFail("\(path) differs from a full build", file: file, line: line) }
        if let expectWritten { XCTAssertEqual(report.filesRewritten, expectWritten, file: file, line: line) }
    }

    func testRebuildsGiveWhatAFullBuildGivesAndWriteOnlyWhatChanged() throws {
        let folder = try copyOfSample()
        let cache = BuildCache()
        _ = try Handbook.build(options(folder + "/Content", folder + "/Public"), environment: fixedClock("2026-12-02"), cache: cache)

        let welcome = folder + "/Content/pages/welcome.md"
        // A sentence in one page: that page and the print page, in each output.
        try assertRebuildMatchesFullBuild(folder, cache: cache, expectWritten: 4) {
            try write(try read(welcome) + "\nOne more sentence.\n", to: welcome)
        }
        // Nothing changed: nothing written.
        try assertRebuildMatchesFullBuild(folder, cache: cache, expectWritten: 0) {}
        // A page's title: every page names it in the navigation.
        try assertRebuildMatchesFullBuild(folder, cache: cache) {
            try write(try read(welcome).replacingOccurrences(of: "title: Welcome to Cedar Hollow", with: "title: Welcome!"), to: welcome)
        }
        // A rule, a template, a new page and a removed page.
        try assertRebuildMatchesFullBuild(folder, cache: cache) {
            let rules = folder + "/Content/rules.yaml"
            try write(try read(rules).replacingOccurrences(of: "Come to every session sober", with: "Come to each session sober"), to: rules)
            try write("---\ntitle: New page\n---\nNew.\n", to: folder + "/Content/pages/new-page.md")
        }
        try assertRebuildMatchesFullBuild(folder, cache: cache) {
            try FileManager.default.removeItem(atPath: folder + "/Content/pages/new-page.md")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/Public/handbook/new-page.html"))

        // A sentence in a Spanish page: that page and the print page, in each Spanish output.
        let bienvenida = folder + "/Content/translations/es/pages/welcome.md"
        try assertRebuildMatchesFullBuild(folder, cache: cache, expectWritten: 4) {
            try write(try read(bienvenida) + "\nUna frase más.\n", to: bienvenida)
        }
        // The Spanish page removed: shown in English with a notice; a phrase changed.
        try assertRebuildMatchesFullBuild(folder, cache: cache) {
            try FileManager.default.removeItem(atPath: bienvenida)
            let phrases = folder + "/Content/translations/es/phrases.yaml"
            try write(try read(phrases).replacingOccurrences(of: "es: Recepción", with: "es: Recepción principal"), to: phrases)
        }
        XCTAssertTrue(try read(folder + "/Public/handbook/es/welcome.html").contains("translation-notice"))
    }

    func testAFailedRebuildChangesNothing() throws {
        let folder = try copyOfSample()
        let cache = BuildCache()
        _ = try Handbook.build(options(folder + "/Content", folder + "/Public"), environment: fixedClock("2026-12-02"), cache: cache)
        let before = snapshot(folder + "/Public")
        let welcome = folder + "/Content/pages/welcome.md"
        try write(try read(welcome) + "\n[broken](nowhere.md)\n", to: welcome)
        XCTAssertThrowsError(try Handbook.build(options(folder + "/Content", folder + "/Public"), environment: fixedClock("2026-12-02"),
                                                cache: cache))
        XCTAssertEqual(snapshot(folder + "/Public"), before)
    }
}
