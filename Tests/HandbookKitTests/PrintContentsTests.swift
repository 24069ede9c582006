import Foundation
import XCTest
@testable import HandbookKit

/// The Contents of the handbook and manual PDFs: each chapter's line ends with the page the
/// chapter starts on, read from a first print; the written `print.html` has no numbers.
final class PrintContentsTests: XCTestCase {
    private let page = """
    <p><a href="#rules">in the cover</a></p>
    <nav class="print-toc" aria-label="Contents">
    <ol>
    <li><a href="#welcome">Welcome</a></li>
    <li><a href="#rules" lang="es">Reglas</a></li>
    <li><a href="#acknowledgment">Acknowledgment of receipt</a></li>
    </ol>
    </nav>
    <section id="welcome">See the <a href="#rules">rules</a>.</section>
    """

    func testOnlyTheContentsLinksGetTheirPage() {
        let contents = PrintContents(html: page)
        XCTAssertEqual(contents.targets, ["welcome", "rules", "acknowledgment"])
        let numbered = contents.numbered(["welcome": 3, "rules": 12])
        XCTAssertTrue(numbered.contains(##"<li><a href="#welcome" data-page="3">Welcome</a></li>"##), numbered)
        XCTAssertTrue(numbered.contains(##"<li><a href="#rules" data-page="12" lang="es">Reglas</a></li>"##), numbered)
        XCTAssertTrue(numbered.contains(##"<li><a href="#acknowledgment">Acknowledgment"##), "a target without a page is left as it is")
        XCTAssertTrue(numbered.hasPrefix(##"<p><a href="#rules">in the cover</a></p>"##), "a link before the Contents is not numbered")
        XCTAssertTrue(numbered.hasSuffix(##"See the <a href="#rules">rules</a>.</section>"##), "a link in a chapter is not numbered")
    }

    func testAPageWithoutContentsHasNothingToNumber() {
        let contents = PrintContents(html: "<main><a href=\"#rules\">rules</a></main>")
        XCTAssertEqual(contents.targets, [])
        XCTAssertEqual(contents.numbered(["rules": 4]), contents.html)
    }

    func testStartPagesComeFromTheNamedDestinations() {
        let listing = """
        Page  Destination                 Name
           3 [ XYZ   11  767 null      ] "welcome"
          10 [ XYZ   11  470 null      ] "attendance--being-late"
          24 [ XYZ   11  767 null      ] "rules"
          50 [ XYZ   11  767 null      ] "acknowledgment"
        """
        XCTAssertEqual(PrintContents(html: page).startPages(fromDestinations: listing),
                       ["welcome": 3, "rules": 24, "acknowledgment": 50], "only the Contents' targets")
    }

    /// The sample with `--pdf`, in both languages: every chapter in each PDF's Contents shows a
    /// number, the chapter's title heads that page (whose footer says the same number), and the
    /// page before does not have it.
    func testEveryChapterInContentsShowsThePageItStartsOn() throws {
        let pdftotext = try Browser.tool("pdftotext")
        _ = try Browser.tool("pdfinfo")
        _ = try Browser.tool("chromium")
        let folder = try temporaryFolder(self)
        var withPDF = options(sampleContent, folder + "/pdf")
        withPDF.pdf = true
        let report = try Handbook.build(withPDF, environment: fixedClock("2026-12-02"))
        XCTAssertFalse(report.warnings.contains { $0.message.contains("page numbers") || $0.message.contains("not installed") },
                       "\(report.warnings)")
        _ = try Handbook.build(options(sampleContent, folder + "/html"), environment: fixedClock("2026-12-02"))

        for (output, language, footer) in [("handbook", "", "Page"), ("manual", "", "Page"),
                                           ("handbook", "es/", "Página"), ("manual", "es/", "Página")] {
            let root = "\(folder)/pdf/\(output)/\(language)"
            let pdf = root + "\(output).pdf"
            let written = try read(root + "print.html")
            XCTAssertEqual(written, try read("\(folder)/html/\(output)/\(language)print.html"),
                           "print.html is the same with and without --pdf")
            XCTAssertFalse(written.contains("data-page=\""), "the written print.html has no page numbers")
            XCTAssertFalse(FileManager.default.fileExists(atPath: root + ".print-with-page-numbers.html"), "the numbered copy is removed")

            func text(_ pageNumber: Int, layout: Bool = false) throws -> String {
                try Browser.run(pdftotext, (layout ? ["-layout"] : []) + ["-f", "\(pageNumber)", "-l", "\(pageNumber)", pdf, "-"])
            }
            let contentsPage = try text(2, layout: true)
            let titles = contentsTitles(written)
            XCTAssertGreaterThan(titles.count, 15, pdf)
            for (index, title) in titles.enumerated() {
                let line = try NSRegularExpression(pattern: #"(?m)^\s*\#(index + 1)\.\s+\#(NSRegularExpression.escapedPattern(for: title))\s+(\d+)\s*$"#)
                guard let match = line.firstMatch(in: contentsPage, range: NSRange(contentsPage.startIndex..., in: contentsPage)),
                      let number = Range(match.range(at: 1), in: contentsPage).flatMap({ Int(contentsPage[$0]) }) else {
                    XCTFail("\(pdf): '\(title)' has no page number in Contents:\n\(contentsPage)")
                    continue
                }
                let start = try text(number)
                XCTAssertTrue(collapsed(start).hasPrefix(collapsed(title)), "\(pdf): '\(title)' does not head page \(number):\n\(start.prefix(200))")
                XCTAssertTrue(start.contains("\(footer) \(number) "), "\(pdf): page \(number)'s footer shows another number")
                let before = try text(number - 1)
                XCTAssertFalse(before.split(separator: "\n").contains { collapsed(String($0)) == collapsed(title) },
                               "\(pdf): '\(title)' is already on page \(number - 1)")
            }
        }
    }

    /// A page of two chapters whose Contents style is `style` when it carries numbers.
    private func numberedPrint(style: String) throws -> PDFPrinter.ContentsNumbers {
        let chromium = ExternalTool(executable: try Browser.tool("chromium"), prefixArguments: [])
        let pdfinfo = ExternalTool(executable: try Browser.tool("pdfinfo"), prefixArguments: [])
        let folder = try temporaryFolder(self)
        try write("""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Two chapters</title>
            <style>.chapter { break-before: page; } \(style)</style></head><body>
            <nav class="print-toc"><ol><li><a href="#one">One</a></li><li><a href="#two">Two</a></li></ol></nav>
            <section class="chapter" id="one"><h2>One</h2></section><section class="chapter" id="two"><h2>Two</h2></section>
            </body></html>
            """, to: folder + "/print.html")
        let outcome = try PDFPrinter.printNumberingContents(folder + "/print.html", to: folder + "/out.pdf", chromium: chromium, pdfinfo: pdfinfo)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), ["out.pdf", "print.html"], "the copy is removed")
        return outcome
    }

    /// Numbers that move the chapters (here: a Contents that numbers make a page longer) are printed
    /// again until they hold.
    func testNumbersThatMoveTheChaptersArePrintedAgain() throws {
        let outcome = try numberedPrint(style: ".print-toc a[data-page] { display: block; height: 9.5in; }")
        guard case let .numbered(pages, prints) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertEqual(prints, 3, "the page as written, the numbers that moved the chapters, the numbers that hold")
        XCTAssertGreaterThan(pages["one"] ?? 0, 2, "the chapters start after a longer Contents: \(pages)")
        XCTAssertEqual(pages["two"], (pages["one"] ?? 0) + 1)
    }

    /// Numbers that never hold (the number 2 makes the Contents longer, so the chapter moves
    /// away from page 2, and back once its number is not 2) end after three numbered prints.
    func testNumbersThatNeverSettleAreReported() throws {
        let outcome = try numberedPrint(style: ".print-toc a[data-page=\"2\"] { display: block; height: 12in; }")
        guard case let .unsettled(shown, actual) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertNotEqual(shown["one"], actual["one"], "\(shown) \(actual)")
    }

    /// Without `pdfinfo` the PDFs are still printed, without numbers, and the build says once how
    /// to get them.
    func testWithoutPdfinfoThePDFsHaveNoNumbersAndOneWarning() throws {
        let pdftotext = try Browser.tool("pdftotext")
        _ = try Browser.tool("chromium")
        let built = try build(ProgramFixture())
        let folder = try temporaryFolder(self)
        var withPDF = options(folder, folder)
        withPDF.pdf = true
        var finisher = OutputFinisher(options: withPDF, week: ISOWeek(containing: CalendarDate("2026-01-07")!), timer: StageTimer())
        finisher.pdfinfo = nil
        for output in ["handbook", "manual"] {
            // Only the print page and its style, so that the manual's week is not printed too.
            try FileManager.default.createDirectory(atPath: "\(folder)/\(output)", withIntermediateDirectories: true)
            for file in ["print.html", "assets"] {
                try FileManager.default.copyItem(atPath: "\(built)/\(output)/\(file)", toPath: "\(folder)/\(output)/\(file)")
            }
            try finisher.finish(output, "\(folder)/\(output)")
        }
        let contentsPage = try Browser.run(pdftotext, ["-layout", "-f", "2", "-l", "2", "\(folder)/handbook/handbook.pdf", "-"])
        XCTAssertTrue(contentsPage.contains("Welcome"), contentsPage)
        XCTAssertNil(contentsPage.range(of: #"(?m)^\s*\d+\.\s+\S.*\s\d+\s*$"#, options: .regularExpression),
                     "no page numbers: \(contentsPage)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: "\(folder)/manual/manual.pdf"))
        let warnings = finisher.warnings.filter { $0.message.contains("pdfinfo") }
        XCTAssertEqual(warnings.count, 1, "\(finisher.warnings)")
        XCTAssertEqual(warnings.first?.description,
                       "\(folder): warning: the Contents of the PDFs has no page numbers: pdfinfo (poppler-utils) is not installed (apt-get install poppler-utils, then build again with --pdf)")
    }

    /// The link texts of a print page's Contents, in order, as a reader sees them.
    private func contentsTitles(_ html: String) -> [String] {
        let contents = PrintContents(html: html)
        guard let range = contents.range else { return [] }
        let text = String(html[range])
        let link = try! NSRegularExpression(pattern: ##"<a href="#[^"]*"[^>]*>(.*?)</a>"##)
        return link.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map {
                String(text[$0]).replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#39;", with: "'")
                    .replacingOccurrences(of: "&quot;", with: "\"")
            }
        }
    }

    private func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
