import Foundation
import XCTest
@testable import HandbookKit

/// The weekly schedule printed by a real browser: one landscape page per track, on US Letter and A4.
final class PrintTests: XCTestCase {
    private func tool(_ name: String) throws -> String {
        for folder in ["/usr/bin", "/usr/local/bin", "/bin"] where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
            return "\(folder)/\(name)"
        }
        if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("\(name) is missing in CI") }
        throw XCTSkip("\(name) is not installed: scripts/install-system-deps --with-browser installs it")
    }

    @discardableResult
    private func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text
    }

    /// Prints a page to PDF with headless Chromium and returns `pdfinfo`'s page count and size.
    private func printed(_ page: String, folder: String) throws -> (pages: Int, size: String) {
        let chromium = try tool("chromium")
        let pdfinfo = try tool("pdfinfo")
        let pdf = folder + "/out-\(UUID().uuidString).pdf"
        try run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                           "--user-data-dir=\(folder)/chromium-profile", "--print-to-pdf=\(pdf)", "file://" + page])
        let info = try run(pdfinfo, [pdf])
        func field(_ name: String) -> String {
            info.split(separator: "\n").first { $0.hasPrefix(name + ":") }
                .map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) } ?? ""
        }
        return (Int(field("Pages")) ?? -1, field("Page size"))
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

        // The same page on A4 paper, as a printer set to A4 would print it.
        let html = try read(page).replacingOccurrences(of: "</head>", with: "<style>@page { size: A4 landscape; }</style>\n</head>")
        let a4Page = folder + "/Public/schedule/2026-W49/a4.html"
        try write(html, to: a4Page)
        let a4 = try printed(a4Page, folder: folder)
        XCTAssertEqual(a4.pages, tracks)
        XCTAssertTrue(a4.size.hasSuffix("(A4)") && a4.size.hasPrefix("841"), "landscape A4, got \(a4.size)")
    }

    func testTheScheduleStylesheetKeepsTextReadableAtArmsLength() throws {
        let css = try read(defaultTemplates + "/assets/schedule.css")
        let sizes = css.matches(of: /font-size:\s*([0-9.]+)pt/).compactMap { Double($0.1) }
        XCTAssertFalse(sizes.isEmpty)
        XCTAssertGreaterThanOrEqual(sizes.min() ?? 0, 11, "no printed text below 11pt")
        XCTAssertTrue(css.contains("@page { size: landscape;"))
    }
}
