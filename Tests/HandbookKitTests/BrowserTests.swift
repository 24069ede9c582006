import Foundation
import XCTest
@testable import HandbookKit

/// The handbook in a real browser: phones and desktops, search, print and PDF.
final class BrowserTests: XCTestCase {
    private func buildSample(pdf: Bool = false, search: Bool = true) throws -> String {
        let output = try temporaryFolder(self) + "/Public"
        var options = Handbook.Options(contentDirectory: sampleContent, templatesDirectory: defaultTemplates, outputDirectory: output,
                                       profilesDirectory: packageRoot + "/Profiles")
        options.pdf = pdf
        options.search = search
        let report = try Handbook.build(options, environment: fixedClock("2026-12-02"))
        XCTAssertFalse(report.warnings.contains { $0.message.contains("not installed") }, "\(report.warnings)")
        return output
    }

    func testScreenshotsAtPhoneAndDesktopWidths() throws {
        let output = try buildSample(search: false)
        let folder = try temporaryFolder(self)
        for (width, height) in [(375, 812), (1280, 900)] {
            for page in ["index", "rules", "schedule"] {
                let png = "\(folder)/\(page)-\(width).png"
                try Browser.chromium(["--window-size=\(width),\(height)", "--screenshot=\(png)",
                                      "file://\(output)/handbook/\(page).html"], profile: folder + "/profile")
                XCTAssertEqual(Browser.pngSize(png)?.0, width, "\(page) at \(width)px")
            }
        }
    }

    /// A reader on a phone never scrolls sideways: every page of both outputs, in both languages,
    /// and the week's pages, at 320 and 375 px, as Chromium's device emulation shows them.
    func testEveryPageFitsAPhoneAt320And375Pixels() throws {
        _ = try Browser.tool("chromedriver")
        let output = try buildSample(search: false)
        let (status, report) = try phoneWidths(of: output)
        XCTAssertEqual(status, 0, report)
        let checked = Int(report.split(separator: " ").first ?? "") ?? 0
        XCTAssertGreaterThan(checked, 80, report)

        // The check can fail: a page with something wider than a phone is named.
        let wide = try temporaryFolder(self)
        try write("<!doctype html><html lang=\"en\"><head><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head><body><div style=\"width: 340px\">x</div></body></html>", to: wide + "/wide.html")
        let (wideStatus, wideReport) = try phoneWidths(of: wide)
        XCTAssertEqual(wideStatus, 1)
        XCTAssertTrue(wideReport.contains("/wide.html at 320 px"), wideReport)
        XCTAssertFalse(wideReport.contains("/wide.html at 375 px"), wideReport)
    }

    private func phoneWidths(of folder: String) throws -> (Int32, String) {
        try runOnPath(["python3", packageRoot + "/scripts/check-phone-widths", folder, "320,375"])
    }

    /// The search page's DOM after searching `query`, from a copy of the page that also loads a
    /// slow resource, so the browser waits in real time for Pagefind (see Fixtures/test-server.py).
    private func searchDOM(_ output: String, language: String = "", query: String, port: Int) throws -> String {
        let page = try read(output + "/handbook/\(language)search.html")
        try write(page.replacingOccurrences(of: "</body>", with: "<img alt=\"\" src=\"/__wait?s=4\"></body>"),
                  to: output + "/handbook/\(language)search-test.html")
        let escaped = query.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? query
        return try Browser.chromium(["--virtual-time-budget=5000", "--dump-dom",
                                     "http://127.0.0.1:\(port)/\(language)search-test.html?q=\(escaped)"],
                                    profile: try temporaryFolder(self))
    }

    private func resultLinks(_ dom: String) throws -> [String] {
        let pattern = try NSRegularExpression(pattern: "class=\"search-result-link\" href=\"([^\"]*)\"")
        return pattern.matches(in: dom, range: NSRange(dom.startIndex..., in: dom))
            .compactMap { Range($0.range(at: 1), in: dom).map { String(dom[$0]) } }
    }

    func testSearchFindsAKnownWordAndLandsOnTheItem() throws {
        let output = try buildSample()
        let server = try Browser.serve(output + "/handbook")
        defer { server.stop() }
        let dom = try searchDOM(output, query: "cravings", port: server.port)
        XCTAssertFalse(try resultLinks(dom).isEmpty, "search showed no results: \(dom.suffix(3000))")
        XCTAssertTrue(dom.contains("<mark>cravings</mark>") || dom.contains("<mark>Cravings</mark>"), "the matching word is highlighted")
        XCTAssertFalse(try resultLinks(dom).contains { $0.contains("print.html") }, "the print page is not a search result")

        // A rule's words lead to the rule, titled by the rule, not to the top of the chapter.
        let phone = try searchDOM(output, query: "phone", port: server.port)
        let phoneLinks = try resultLinks(phone)
        XCTAssertTrue(phoneLinks.contains("/rules.html#phones-in-group"), "\(phoneLinks)")
        XCTAssertTrue(phone.contains(">10. Put your phone away in group</a>"), phone.suffix(3000).description)

        // The Spanish search page searches the Spanish pages only.
        let spanish = try searchDOM(output, language: "es/", query: "detonantes", port: server.port)
        let links = try resultLinks(spanish)
        XCTAssertFalse(links.isEmpty, "no Spanish results: \(spanish.suffix(3000))")
        XCTAssertTrue(links.allSatisfy { $0.contains("/es/") }, "only Spanish pages are results: \(links)")
        XCTAssertTrue(spanish.lowercased().contains("<mark>detonantes"), "the Spanish word is highlighted")
    }

    /// A large output's index comes in parts (pagefind/, pagefind-2/, ...): the search page asks
    /// every part, in each language. Here the sample's handbook is indexed in parts of 30 KB.
    func testSearchAsksEveryPartOfAnIndexInParts() throws {
        let output = try buildSample(search: false)
        let pagefind = try XCTUnwrap(ExternalTool.pagefind, "pagefind-bin is missing")
        var indexing = SearchIndexing(tool: pagefind, size: SearchParts.Size(bytesPerPart: 30_000, maximumParts: 16))
        indexing.add("handbook", folder: output + "/handbook")
        let parts = try XCTUnwrap(indexing.build(timer: StageTimer())["handbook"])
        XCTAssertGreaterThan(parts.count, 4)
        let rulesPart = try XCTUnwrap(parts.pages.firstIndex { $0.contains("rules.html") })
        XCTAssertNotEqual(rulesPart, 0, "the rules are in a part merged into the first")
        // A part without Spanish pages, which a Spanish search must not ask (Pagefind would
        // answer from its English pages).
        XCTAssertTrue(parts.pages.contains { !$0.contains { $0.hasPrefix("es/") } }, "\(parts.pages)")

        let server = try Browser.serve(output + "/handbook")
        defer { server.stop() }
        let phone = try resultLinks(try searchDOM(output, query: "phone", port: server.port))
        XCTAssertTrue(phone.contains("/rules.html#phones-in-group"), "\(phone)")
        let cravings = try searchDOM(output, query: "cravings", port: server.port)
        let cravingLinks = try resultLinks(cravings)
        XCTAssertGreaterThan(Set(cravingLinks.map { $0.split(separator: "#")[0] }).count, 1, "results from several pages: \(cravingLinks)")
        // "Cedar" (the program's name) is on English and Spanish pages alike.
        let spanish = try resultLinks(try searchDOM(output, language: "es/", query: "Cedar", port: server.port))
        XCTAssertFalse(spanish.isEmpty)
        XCTAssertTrue(spanish.allSatisfy { $0.contains("/es/") }, "\(spanish)")
        XCTAssertFalse(try resultLinks(try searchDOM(output, language: "es/", query: "detonantes", port: server.port)).isEmpty)
    }

    /// Pagefind answers a word it does not know with the pages of the word's longest known start
    /// ("in" for "incident"); the search page says there are no results instead.
    func testAWordThatIsNowhereHasNoResults() throws {
        let output = try buildSample()
        let server = try Browser.serve(output + "/handbook")
        defer { server.stop() }
        let english = try searchDOM(output, query: "incident", port: server.port)
        XCTAssertEqual(try resultLinks(english), [], "junk results for a word that is not in the handbook")
        XCTAssertTrue(english.contains("No results for “incident”"), english.suffix(2000).description)
        let spanish = try searchDOM(output, language: "es/", query: "antojos", port: server.port)
        XCTAssertEqual(try resultLinks(spanish), [])
        XCTAssertTrue(spanish.contains("No hay resultados para «antojos»"), spanish.suffix(2000).description)
    }

    func testPrintPageAndPDFs() throws {
        let output = try buildSample(pdf: true, search: false)
        let handbook = try Browser.pdfInfo(output + "/handbook/handbook.pdf")
        XCTAssertGreaterThan(handbook.pages, 20)
        XCTAssertTrue(handbook.size.hasPrefix("612 x 792"), handbook.size)
        let manual = try Browser.pdfInfo(output + "/manual/manual.pdf")
        XCTAssertGreaterThan(manual.pages, handbook.pages, "the manual holds more than the handbook")
        let week = try Browser.pdfInfo(output + "/schedule/2026-W49/2026-W49.pdf")
        XCTAssertEqual(week.pages, 2, "one landscape page per track")
        XCTAssertTrue(week.size.hasPrefix("792 x 612"), week.size)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/manual/schedule/2026-W49/2026-W49-staff.pdf"))

        let text = try Browser.run(try Browser.tool("pdftotext"), ["-f", "2", "-l", "2", output + "/handbook/handbook.pdf", "-"])
        XCTAssertTrue(text.contains("Page 2 of \(handbook.pages)"), "page numbers on every page")
        XCTAssertTrue(text.contains("Edition 4"), "the edition on every page")
        let last = try Browser.run(try Browser.tool("pdftotext"), ["-f", "\(handbook.pages)", "-l", "\(handbook.pages)",
                                                                    output + "/handbook/handbook.pdf", "-"])
        XCTAssertTrue(last.contains("Acknowledgment of receipt"), "the handbook ends with the acknowledgment page")

        // On paper, nothing is said twice: not a crisis line's number, not an address that is
        // already the link's text; a link whose text is not its address still shows where it goes.
        let whole = try Browser.run(try Browser.tool("pdftotext"), [output + "/handbook/handbook.pdf", "-"])
        XCTAssertTrue(whole.contains("988 Suicide & Crisis Lifeline"))
        XCTAssertFalse(whole.contains("988 988"), "the crisis line's number twice")
        XCTAssertTrue(whole.contains("frontdesk@cedarhollow.example"))
        XCTAssertFalse(whole.contains("(mailto:frontdesk@cedarhollow.example)"), "an email address printed twice")
        XCTAssertFalse(whole.contains("(https://cedarhollow.example)"), "a web address printed twice")

        let spanish = try Browser.pdfInfo(output + "/handbook/es/handbook.pdf")
        let spanishText = try Browser.run(try Browser.tool("pdftotext"), ["-f", "2", "-l", "2", output + "/handbook/es/handbook.pdf", "-"])
        XCTAssertTrue(spanishText.contains("Página 2 de \(spanish.pages)"), "page numbers in Spanish: \(spanishText.suffix(300))")
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/schedule/2026-W49/es/2026-W49.pdf"), "the Spanish week")
    }
}
