import Foundation
import XCTest
@testable import HandbookKit

final class AccessibilityTests: XCTestCase {
    /// WCAG relative luminance of `#rrggbb`.
    private func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16)!
        func linear(_ channel: Int) -> Double {
            let c = Double(channel) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let red = linear((value >> 16) & 255), green = linear((value >> 8) & 255), blue = linear(value & 255)
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue
    }

    private func contrast(_ a: String, _ b: String) -> Double {
        let (l1, l2) = (luminance(a), luminance(b))
        return (max(l1, l2) + 0.05) / (min(l1, l2) + 0.05)
    }

    /// The colour variables of the light scheme and of the dark one.
    private func schemes() throws -> [[String: String]] {
        let css = try read(defaultTemplates + "/assets/style.css")
        let blocks = css.components(separatedBy: ":root {").dropFirst().map { $0.components(separatedBy: "}")[0] }
        return blocks.map { block in
            var variables: [String: String] = [:]
            for match in block.matches(of: /--([a-z-]+):\s*(#[0-9a-fA-F]{6})/) { variables[String(match.1)] = String(match.2) }
            return variables
        }
    }

    func testTextContrastIsAtLeast4Point5In1InBothSchemes() throws {
        let schemes = try schemes()
        XCTAssertEqual(schemes.count, 2, "a light and a dark scheme")
        let pairs = [("text", "background"), ("muted", "background"), ("accent", "background"), ("text", "surface"),
                     ("muted", "surface"), ("accent", "surface"), ("text", "crisis-bg"), ("accent", "crisis-bg"),
                     ("text", "staff-bg"), ("accent", "staff-bg"), ("muted", "staff-bg")]
        for (index, scheme) in schemes.enumerated() {
            for (foreground, background) in pairs {
                let ratio = contrast(scheme[foreground]!, scheme[background]!)
                XCTAssertGreaterThanOrEqual(ratio, 4.5, "\(index == 0 ? "light" : "dark"): \(foreground) on \(background) is \(ratio)")
            }
        }
    }

    func testPagesHaveLandmarksASkipLinkOneH1AndLanguage() throws {
        let output = try build(ProgramFixture())
        for page in ["index", "welcome", "rules", "faq", "schedule", "topics", "contacts", "search"] {
            let html = try read("\(output)/handbook/\(page).html")
            XCTAssertTrue(html.contains("<html lang=\"en\" dir=\"ltr\">"), page)
            XCTAssertTrue(html.contains("<a class=\"skip-link\" href=\"#main\">"), page)
            XCTAssertTrue(html.contains("<main id=\"main\""), page)
            XCTAssertTrue(html.contains("<nav class=\"chapters\" id=\"chapter-menu\" aria-label=\"Chapters\">"), page)
            XCTAssertTrue(html.contains("<a class=\"menu-link\" href=\"#chapter-menu\">"), "\(page): the menu link at the top")
            XCTAssertTrue(html.contains("<header") && html.contains("<footer"), page)
            XCTAssertEqual(html.components(separatedBy: "<h1").count - 1, 1, "\(page) has one h1")
            // Headings never skip a level on the way down.
            let levels = html.matches(of: /<h([1-6])[ >]/).map { Int($0.1)! }
            for (previous, next) in zip(levels, levels.dropFirst()) {
                XCTAssertLessThanOrEqual(next, previous + 1, "\(page): h\(previous) then h\(next)")
            }
        }
        let schedule = try read(output + "/handbook/schedule.html")
        XCTAssertTrue(schedule.contains("<th scope=\"col\">Day</th>") && schedule.contains("<th scope=\"row\">Monday</th>"))
    }

    func testCheckFlagsHeadingsLinksAndImagesInContent() throws {
        var fixture = ProgramFixture()
        fixture.files["pages/welcome.md"] = """
        ---
        title: Welcome
        ---
        # Big title

        #### Too deep

        Read more [here](rules.md) or [](faq.md).
        """
        let folder = try temporaryFolder(self)
        let content = try fixture.write(into: folder)
        let log = DiagnosticLog()
        let prepared = try Handbook.prepare(Handbook.Options(contentDirectory: content, templatesDirectory: defaultTemplates),
                                            tolerateErrors: true)
        log.append(contentsOf: prepared.diagnostics)
        let messages = log.sorted.map { "\($0.location.line) \($0.severity): \($0.message)" }
        XCTAssertTrue(messages.contains("4 warning: '# Big title' is a top-level heading, but the page title is the only one a page may have"), "\(messages)")
        XCTAssertTrue(messages.contains("6 warning: the heading 'Too deep' skips from level 2 to level 4"), "\(messages)")
        XCTAssertTrue(messages.contains("8 warning: the link text 'here' does not say where it goes"), "\(messages)")
        XCTAssertTrue(messages.contains("8 error: a link to 'faq.md' has no text"), "\(messages)")
    }
}
