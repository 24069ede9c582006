import Foundation
import XCTest
@testable import HandbookKit

/// The sample program's own staff-only sentences, found from its data, never reach the handbook.
final class SampleLeakTests: XCTestCase {
    /// Text as a reader sees it: tags removed, common entities decoded, whitespace collapsed.
    static func visibleText(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        for (entity, character) in [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Every staff-only sentence of the sample program, as plain text.
    static func staffOnlySentences(_ content: Content) -> [String] {
        var markdown: [MarkdownSource] = []
        var plain: [String] = []
        for rule in content.rules {
            markdown += [rule.staffNote].compactMap { $0 }
            if rule.audience == .staff { plain.append(rule.title); markdown.append(rule.text) }
        }
        for topic in content.topics {
            plain += (topic.guide?.objectives ?? []) + (topic.guide?.materials ?? [])
            markdown += [topic.guide?.plan].compactMap { $0 }
        }
        for entry in content.faq where entry.audience == .staff { plain.append(entry.question); markdown.append(entry.answer) }
        for member in content.staff {
            plain += [member.phone, member.email, member.notes].compactMap { $0 }
            if member.audience == .staff { plain.append(member.name) }
        }
        plain += content.schedule.tracks.flatMap { $0.sessions.compactMap(\.note) }
        // Meeting links are staff-only unless the program publishes them.
        if !content.schedule.publishJoinLinks {
            plain += content.schedule.tracks.flatMap { [$0.join.link] + $0.sessions.map(\.join.link) }.compactMap { $0 }
            plain += content.schedule.extraSessions.compactMap(\.join.link)
        }
        for page in content.pages {
            if page.audience == .staff {
                markdown.append(page.body)
            } else {
                // The staff blocks of client pages: what the staff edition has and the client one lacks.
                let staff = MarkdownDocument(page.body, audience: .staff).plainText.split(separator: "\n").map(String.init)
                let client = Set(MarkdownDocument(StaffBlocks.removing(from: page.body), audience: .everyone).plainText
                    .split(separator: "\n").map(String.init))
                plain += staff.filter { !client.contains($0) && $0 != "Staff only" && $0 != "Solo personal" }
            }
        }
        plain += markdown.flatMap { MarkdownDocument($0, audience: .staff).plainText.split(separator: "\n").map(String.init) }
        return plain.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }.filter { $0.count >= 12 }
    }

    func testSampleStaffSentencesAreInTheManualOnly() throws {
        let log = DiagnosticLog()
        let content = try XCTUnwrap(ContentLoader(directory: sampleContent).load(log: log))
        let spanish = Localizer(language: "es", translation: content.translations.first { $0.language == "es" },
                                defaultLanguage: "en", log: log)
        let spanishSentences = Self.staffOnlySentences(spanish.localize(content, at: content.program.location))
        let sentences = Self.staffOnlySentences(content)
        XCTAssertGreaterThan(sentences.count, 100, "the sample program should have real staff content")
        XCTAssertGreaterThan(spanishSentences.count, 100, "and in Spanish")

        let output = try temporaryFolder(self) + "/Public"
        _ = try Handbook.build(Handbook.Options(contentDirectory: sampleContent, templatesDirectory: defaultTemplates,
                                                outputDirectory: output))
        func allText(_ folder: String) -> String {
            LeakTests.files(under: folder).map { Self.visibleText(String(decoding: $0.1, as: UTF8.self)) }.joined(separator: "\n")
        }
        let handbook = allText(output + "/handbook")
        let manual = allText(output + "/manual")
        for sentence in sentences {
            XCTAssertFalse(handbook.contains(sentence), "staff-only text in the handbook: \(sentence)")
            XCTAssertTrue(manual.contains(sentence), "staff-only text missing from the manual: \(sentence)")
        }
        let spanishManual = allText(output + "/manual/es")
        for sentence in spanishSentences {
            XCTAssertFalse(handbook.contains(sentence), "Spanish staff-only text in the handbook: \(sentence)")
            XCTAssertTrue(spanishManual.contains(sentence), "Spanish staff-only text missing from the Spanish manual: \(sentence)")
        }
    }
}
