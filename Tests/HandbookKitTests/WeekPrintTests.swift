import Foundation
import XCTest
@testable import HandbookKit

/// Every week page printed by a real browser, as `--pdf` prints it: one landscape page per track,
/// for each copy and language, on US Letter and on A4.
final class WeekPrintTests: XCTestCase {
    /// The weeks that the sample's closures, changes and extra sessions touch, and a plain one.
    private let weeks = ["2026-W48", "2026-W49", "2026-W50", "2026-W51", "2026-W52", "2026-W53"]

    /// Every week page of the given weeks, written from `content`: both copies, every language.
    private func weekPages(_ content: String, weeks: [String]) throws -> [String] {
        let output = try temporaryFolder(self) + "/Public"
        for week in weeks {
            _ = try Handbook.schedule(options(content, output), week: try XCTUnwrap(ISOWeek(week)), environment: fixedClock("2026-11-25"))
        }
        var pages: [String] = []
        for week in weeks {
            for copy in ["schedule/\(week)/", "manual/schedule/\(week)/"] {
                for language in ["", "es/"] { pages.append("\(output)/\(copy)\(language)index.html") }
            }
        }
        for page in pages { XCTAssertTrue(FileManager.default.fileExists(atPath: page), page) }
        return pages
    }

    /// Prints each page on Letter and on A4 (a copy asking for A4, as a printer set to A4 prints
    /// it), two at a time; returns a line per print that is not `tracks` landscape pages.
    private func printsNotOnePagePerTrack(_ pages: [String], tracks: Int) throws -> [String] {
        _ = try Browser.tool("chromium")
        let pdfinfo = try Browser.tool("pdfinfo")
        let chromium = try XCTUnwrap(ExternalTool.chromium)
        let prints = pages.flatMap { [($0, false), ($0, true)] }
        return try prints.concurrentMap { page, a4 -> String? in
            var source = page
            if a4 {
                source = page.replacingOccurrences(of: "index.html", with: "a4.html")
                try write(try read(page).replacingOccurrences(of: "</head>", with: "<style>@page { size: A4 landscape; }</style>\n</head>"),
                          to: source)
            }
            let pdf = source.replacingOccurrences(of: ".html", with: ".pdf")
            try PDFPrinter.print(source, to: pdf, tool: chromium)
            let info = try Browser.run(pdfinfo, [pdf])
            let count = info.firstMatch(of: /Pages:\s+(\d+)/).flatMap { Int($0.1) } ?? -1
            let landscape = info.contains(a4 ? "Page size:       841" : "Page size:       792 x 612")
            return count == tracks && landscape ? nil : "\(page) on \(a4 ? "A4" : "Letter"): \(count) pages, \(landscape ? "landscape" : "not landscape")"
        }.compactMap { $0 }
    }

    private func trackCount(_ content: String) throws -> Int {
        try XCTUnwrap(ContentLoader(directory: content).load(log: DiagnosticLog())).schedule.tracks.count
    }

    func testEveryWeekPagePrintsOneLandscapePagePerTrackInEveryCopyAndLanguage() throws {
        let pages = try weekPages(sampleContent, weeks: weeks)
        XCTAssertEqual(pages.count, 24)
        let wrong = try printsNotOnePagePerTrack(pages, tracks: try trackCount(sampleContent))
        XCTAssertEqual(wrong, [], wrong.joined(separator: "\n"))
    }

    /// A program with more to say: every session note twice as long still leaves each track on
    /// one page of the staff copy, in both languages.
    func testTheStaffCopyWithNotesTwiceAsLongStillPrintsOnePagePerTrack() throws {
        let folder = try copyOfSample()
        let schedule = folder + "/Content/schedule.yaml"
        let doubled = try read(schedule).split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let match = line.firstMatch(of: /^(\s+note: )(.+)$/) else { return String(line) }
            return match.1 + match.2 + " " + match.2
        }.joined(separator: "\n")
        try write(doubled, to: schedule)
        let pages = try weekPages(folder + "/Content", weeks: ["2026-W48", "2026-W49"]).filter { $0.contains("/manual/") }
        XCTAssertEqual(pages.count, 4)
        XCTAssertTrue(try read(pages[0]).contains("same-day individual session. Quick safety"), "the notes are doubled")
        let wrong = try printsNotOnePagePerTrack(pages, tracks: try trackCount(folder + "/Content"))
        XCTAssertEqual(wrong, [], wrong.joined(separator: "\n"))
    }
}
