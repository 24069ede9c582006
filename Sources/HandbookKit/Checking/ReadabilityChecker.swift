import Foundation

/// Plain-language warnings for client-facing pages: the Flesch-Kincaid grade of each page's text,
/// against a ceiling (grade 8 by default, a common health-literacy target).
public enum ReadabilityChecker {
    public typealias Score = ReadingScore

    /// Checks the client edition's pages. Only English text is scored: the formula is for English.
    public static func check(_ view: AudienceView, ceiling: Double, log: DiagnosticLog) {
        guard view.content.program.language.lowercased().hasPrefix("en") else { return }
        for page in view.content.pages {
            let document = view.document(page.body)
            let score = document.readingScore ?? ReadingScore.of(document.plainText)
            guard score.words >= 50, score.grade > ceiling else { continue }
            log.warning(page.location, String(format: "'%@' reads at grade %.1f, above the limit of grade %g", page.title, score.grade, ceiling),
                        hint: String(format: "use shorter sentences (now %.0f words each) and everyday words; the limit is reading_grade_limit in program.yaml",
                                     Double(score.words) / Double(max(score.sentences, 1))))
        }
    }

    public static func score(_ text: String) -> ReadingScore { ReadingScore.of(text) }

    public static func syllables(in word: String) -> Int { ReadingScore.syllables(in: word) }
}
