import Foundation
import XCTest
@testable import HandbookKit

/// The weekly schedule printed by a real browser: one landscape page per track, on US Letter and A4.
final class PrintTests: XCTestCase {
    /// Prints a page to PDF with headless Chromium and returns `pdfinfo`'s page count and size.
    private func printed(_ page: String, folder: String) throws -> (pages: Int, size: String) {
        let pdf = folder + "/out-\(UUID().uuidString).pdf"
        _ = try Browser.chromium(["--no-pdf-header-footer", "--print-to-pdf=\(pdf)", "file://" + page],
                                 profile: folder + "/chromium-profile")
        return try Browser.pdfInfo(pdf)
    }

    func testEachTrackOfTheSampleWeekFitsOneLandscapePageOnLetterAndA4() throws {
        let folder = try temporaryFolder(self)
        let options = Handbook.Options(contentDirectory: sampleContent, templatesDirectory: defaultTemplates,
                                       outputDirectory: folder + "/Public")
        // 2026-W49 has a substitute, a cancelled, a moved and an extra session.
        _ = try Handbook.schedule(options, week: ISOWeek("2026-W49")!)
        let page = folder + "/Public/schedule/2026-W49/index.html"
        let tracks = try XCTUnwrap(ContentLoader(directory: sampleContent).load(log: DiagnosticLog())).schedule.tracks.count

        let letter = try printed(page, folder: folder)
        XCTAssertEqual(letter.pages, tracks)
        XCTAssertTrue(letter.size.hasPrefix("792 x 612"), "landscape US Letter, got \(letter.size)")
        // The staff copy, with reasons, notes, phones and seats, fits the same pages.
        let staff = try printed(folder + "/Public/manual/schedule/2026-W49/index.html", folder: folder)
        XCTAssertEqual(staff.pages, tracks, "the staff copy also has one page a track")

        // The same page on A4 paper, as a printer set to A4 would print it.
        let html = try read(page).replacingOccurrences(of: "</head>", with: "<style>@page { size: A4 landscape; }</style>\n</head>")
        let a4Page = folder + "/Public/schedule/2026-W49/a4.html"
        try write(html, to: a4Page)
        let a4 = try printed(a4Page, folder: folder)
        XCTAssertEqual(a4.pages, tracks)
        XCTAssertTrue(a4.size.hasSuffix("(A4)") && a4.size.hasPrefix("841"), "landscape A4, got \(a4.size)")
    }

    /// The wall copy is read at arm's length; the staff copy, at a desk, may be smaller.
    func testTheScheduleStylesheetKeepsTextReadableAtArmsLength() throws {
        let css = try read(defaultTemplates + "/assets/schedule.css").replacing(/\/\*[\s\S]*?\*\//, with: "")
        var clientSizes: [Double] = [], staffSizes: [Double] = []
        for rule in css.split(separator: "}") {
            guard let brace = rule.lastIndex(of: "{") else { continue }
            let sizes = rule[brace...].matches(of: /font-size:\s*([0-9.]+)pt/).compactMap { Double($0.1) }
            let selector = rule[..<brace]
            if selector.contains(".staff-") { staffSizes += sizes } else { clientSizes += sizes }
        }
        XCTAssertFalse(clientSizes.isEmpty)
        XCTAssertGreaterThanOrEqual(clientSizes.min() ?? 0, 11, "no printed text of the client copy below 11pt")
        XCTAssertGreaterThanOrEqual(staffSizes.min() ?? 0, 9, "no printed text of the staff copy below 9pt")
        XCTAssertTrue(css.contains("@page { size: landscape;"))
    }
}
