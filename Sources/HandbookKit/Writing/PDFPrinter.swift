import Foundation

/// Prints written pages to PDF with headless Chromium. Page numbers and the edition come from the
/// pages' own `@page` rules, so no browser header with a date or a file path is added.
public enum PDFPrinter {
    public static func print(_ page: String, to pdf: String, tool: ExternalTool) throws {
        let profile = NSTemporaryDirectory() + "handbook-chromium-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: profile) }
        // A PDF of an earlier print of the same page must not pass for this one.
        try? FileManager.default.removeItem(atPath: pdf)
        try tool.run(["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(profile)",
                      "--print-to-pdf=\(pdf)", URL(fileURLWithPath: page).absoluteString])
        guard FileManager.default.fileExists(atPath: pdf) else {
            throw ExternalTool.Failure(description: "Chromium wrote no PDF for \(page)")
        }
    }

    /// What became of the page numbers of a PDF's Contents.
    enum ContentsNumbers: Equatable {
        /// The Contents shows each chapter's page, and the PDF has it there. `prints` counts the
        /// times Chromium printed the page.
        case numbered([String: Int], prints: Int)
        /// The page has no Contents (a template of its own), or Chromium wrote no destination for
        /// its links: the PDF is printed as written.
        case nothingToNumber
        /// After the last print, some chapters start elsewhere than the Contents says: `shown`
        /// is what it says, `actual` where they are.
        case unsettled(shown: [String: Int], actual: [String: Int])
        /// `pdfinfo` failed; the PDF is the last one printed.
        case unchecked(reason: String)
    }

    /// How many times at most the numbered copy is printed. Numbers sit on their chapter's line,
    /// so the first numbered print nearly always keeps every chapter where it was; a second or
    /// third is for a title that a number pushes onto one more line.
    static let numberedPrints = 3

    /// Prints a print page whose Contents (`PrintContents`) shows the page each chapter starts
    /// on: once as written, to find the pages in the PDF's named destinations, then from a copy
    /// with the numbers beside it, until the chapters stay where the numbers say. The copy is
    /// removed; the written page is left as it was.
    static func printNumberingContents(_ page: String, to pdf: String, chromium: ExternalTool,
                                       pdfinfo: ExternalTool) throws -> ContentsNumbers {
        try print(page, to: pdf, tool: chromium)
        let contents = PrintContents(html: try String(contentsOfFile: page, encoding: .utf8))
        guard !contents.targets.isEmpty else { return .nothingToNumber }
        func startPages() throws -> [String: Int] {
            contents.startPages(fromDestinations: try pdfinfo.run(["-dests", pdf]))
        }
        var shown: [String: Int]
        do { shown = try startPages() } catch { return .unchecked(reason: "\(error)") }
        guard !shown.isEmpty else { return .nothingToNumber }
        // Beside the page, so that its relative links (style sheet, pictures) still resolve.
        let copy = (page as NSString).deletingLastPathComponent + "/.print-with-page-numbers.html"
        defer { try? FileManager.default.removeItem(atPath: copy) }
        var prints = 1
        while true {
            try Data(contents.numbered(shown).utf8).write(to: URL(fileURLWithPath: copy))
            try print(copy, to: pdf, tool: chromium)
            prints += 1
            let actual: [String: Int]
            do { actual = try startPages() } catch { return .unchecked(reason: "\(error)") }
            if actual == shown { return .numbered(shown, prints: prints) }
            if prints > numberedPrints { return .unsettled(shown: shown, actual: actual) }
            shown = actual
        }
    }
}

extension ExternalTool {
    /// poppler's `pdfinfo` (Debian's `poppler-utils`): lists a PDF's named destinations with
    /// their pages, which is where the PDF's Contents numbers come from.
    public static let pdfinfo: ExternalTool? = {
        find(["pdfinfo"]).map { ExternalTool(executable: $0, prefixArguments: []) }
    }()
}
