import XCTest
@testable import HandbookKit

/// The reading score is worked out once, while a client page's Markdown is prepared, from the
/// text as the tree gives it: it must be the score of the page's plain text.
final class ReadingScoreTests: XCTestCase {
    func testEachSampleClientPageIsScoredAsItsPlainTextReads() throws {
        let prepared = try Handbook.prepare(options(sampleContent, try temporaryFolder(self) + "/Public"))
        let client = try XCTUnwrap(prepared.outputs.first { $0.kind == .handbook && $0.isDefaultLanguage })
        XCTAssertFalse(client.view.content.pages.isEmpty)
        for page in client.view.content.pages {
            let document = client.view.document(page.body)
            let score = try XCTUnwrap(document.readingScore, page.slug)
            XCTAssertEqual(score, ReadingScore.of(document.plainText), page.slug)
            XCTAssertGreaterThan(score.words, 10, page.slug)
        }
        // Staff pages and translations are not scored: the warning is about client pages in English.
        let staff = try XCTUnwrap(prepared.outputs.first { $0.kind == .manual && $0.isDefaultLanguage })
        let staffOnly = try XCTUnwrap(staff.view.content.pages.first { $0.audience == .staff })
        XCTAssertNil(staff.view.document(staffOnly.body).readingScore)
        let spanish = try XCTUnwrap(prepared.outputs.first { $0.kind == .handbook && !$0.isDefaultLanguage })
        XCTAssertNil(spanish.view.document(try XCTUnwrap(spanish.view.content.pages.first).body).readingScore)
    }

    func testWordsWithAccentsApostrophesAndCapitalsCountAsOneWord() {
        let text = "Café owners don’t rest. The naïve e\u{301}lan of ÉCOLE students' work ended.\n\n- A list item"
        let score = ReadingScore.of(text)
        XCTAssertEqual(score.words, 15)
        XCTAssertEqual(score.sentences, 3)
        XCTAssertEqual(ReadingScore.syllables(in: "Counselor"), 3)
        XCTAssertEqual(ReadingScore.syllables(in: "wanted"), 2)
        XCTAssertEqual(ReadingScore.syllables(in: "jumped"), 1)
        XCTAssertEqual(ReadingScore.syllables(in: "table"), 2)
    }
}
