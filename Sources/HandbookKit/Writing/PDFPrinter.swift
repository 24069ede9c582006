import Foundation

/// Prints written pages to PDF with headless Chromium. Page numbers and the edition come from the
/// pages' own `@page` rules, so no browser header with a date or a file path is added.
public enum PDFPrinter {
    public static func print(_ page: String, to pdf: String, tool: ExternalTool) throws {
        let profile = NSTemporaryDirectory() + "handbook-chromium-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: profile) }
        try tool.run(["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(profile)",
                      "--print-to-pdf=\(pdf)", URL(fileURLWithPath: page).absoluteString])
        guard FileManager.default.fileExists(atPath: pdf) else {
            throw ExternalTool.Failure(description: "Chromium wrote no PDF for \(page)")
        }
    }
}
