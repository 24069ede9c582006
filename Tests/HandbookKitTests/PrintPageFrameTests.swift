import XCTest
@testable import HandbookKit

/// The print page is written as its frame with the chapters' sections between the parts, never
/// as one string; a template that does anything else with a section gets what it asks for.
final class PrintPageFrameTests: XCTestCase {
    func testAFrameIsCutAtEachMarkerOnceInOrder() throws {
        let html = "<head>" + (0..<3).map { "<li>\($0)</li>" + PrintPageFrame.marker($0) }.joined() + "</body>"
        let frame = try XCTUnwrap(PrintPageFrame.cut(html, sections: 3))
        XCTAssertEqual(frame.parts, ["<head><li>0</li>", "<li>1</li>", "<li>2</li>", "</body>"])
        let sections = ["A", "B", "C"].map { RenderedBytes($0) }
        let joined = frame.pieces(with: sections).map { $0.text ?? "" }.joined()
        XCTAssertEqual(joined, "<head><li>0</li>A<li>1</li>B<li>2</li>C</body>")
    }

    func testMarkersMissingTwiceOrOutOfOrderGiveNoFrame() {
        let m = PrintPageFrame.marker
        XCTAssertNil(PrintPageFrame.cut("a" + m(0) + "b", sections: 2))
        XCTAssertNil(PrintPageFrame.cut("a" + m(0) + m(0) + "b", sections: 2))
        XCTAssertNil(PrintPageFrame.cut("a" + m(1) + m(0) + "b", sections: 2))
        XCTAssertNil(PrintPageFrame.cut("a" + m(0) + m(1) + m(1) + "b", sections: 2))
        XCTAssertNotNil(PrintPageFrame.cut("a\u{0}b" + m(0) + "\u{0}", sections: 1))
        XCTAssertNotNil(PrintPageFrame.cut("no sections", sections: 0))
    }

    private func printPage(withTemplate template: String?) throws -> String {
        var fixture = ProgramFixture()
        if let template { fixture.files["templates/print.mustache"] = template }
        let output = try build(fixture)
        return try read(output + "/handbook/print.html")
    }

    func testAStandardTemplateWritesEverySection() throws {
        let page = try printPage(withTemplate: nil)
        XCTAssertFalse(page.contains("\u{0}"))
        XCTAssertTrue(page.contains("<section class=\"chapter print-chapter"), page)
    }

    func testATemplateThatEscapesOrChangesTheSectionGetsWhatItAsks() throws {
        let escaped = try printPage(withTemplate: "{{#printChapters}}[{{printSection}}]{{/printChapters}}")
        XCTAssertTrue(escaped.hasPrefix("[&lt;section class=&quot;chapter print-chapter"), escaped)
        XCTAssertFalse(escaped.contains("\u{0}"))
        let upper = try printPage(withTemplate: "{{#printChapters}}{{{uppercased(printSection)}}}{{/printChapters}}")
        XCTAssertTrue(upper.hasPrefix("<SECTION CLASS=\"CHAPTER PRINT-CHAPTER"), upper)
        let twice = try printPage(withTemplate: "{{#printChapters}}{{{printSection}}}{{{printSection}}}{{/printChapters}}")
        let once = try printPage(withTemplate: "{{#printChapters}}{{{printSection}}}{{/printChapters}}")
        XCTAssertEqual(twice.utf8.count, 2 * once.utf8.count)
        XCTAssertFalse(twice.contains("\u{0}") || once.contains("\u{0}"))
    }
}
