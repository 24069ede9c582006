import Foundation

/// Plain-language warnings for client-facing pages: the Flesch-Kincaid grade of each page's text,
/// against a ceiling (grade 8 by default, a common health-literacy target).
public enum ReadabilityChecker {
    public struct Score: Equatable, Sendable {
        public var words: Int
        public var sentences: Int
        public var syllables: Int

        /// US school grade needed to read the text comfortably.
        public var grade: Double {
            guard words > 0, sentences > 0 else { return 0 }
            return 0.39 * Double(words) / Double(sentences) + 11.8 * Double(syllables) / Double(words) - 15.59
        }
    }

    /// Checks the client edition's pages. Only English text is scored: the formula is for English.
    public static func check(_ view: AudienceView, ceiling: Double, log: DiagnosticLog) {
        guard view.content.program.language.lowercased().hasPrefix("en") else { return }
        for page in view.content.pages {
            let score = self.score(view.document(page.body).plainText)
            guard score.words >= 50, score.grade > ceiling else { continue }
            log.warning(page.location, String(format: "'%@' reads at grade %.1f, above the limit of grade %g", page.title, score.grade, ceiling),
                        hint: String(format: "use shorter sentences (now %.0f words each) and everyday words; the limit is reading_grade_limit in program.yaml",
                                     Double(score.words) / Double(max(score.sentences, 1))))
        }
    }

    /// Each line is at least one sentence (list items and headings have no full stop).
    public static func score(_ text: String) -> Score {
        var score = Score(words: 0, sentences: 0, syllables: 0)
        for line in text.split(separator: "\n") {
            var sentenceHasWords = false
            var word = ""
            func endWord() {
                guard word.contains(where: \.isLetter) else { word = ""; return }
                score.words += 1
                score.syllables += syllables(in: word)
                sentenceHasWords = true
                word = ""
            }
            for character in line {
                if character.isLetter || character == "'" || character == "’" {
                    word.append(character)
                } else {
                    endWord()
                    if ".!?".contains(character), sentenceHasWords {
                        score.sentences += 1
                        sentenceHasWords = false
                    }
                }
            }
            endWord()
            if sentenceHasWords { score.sentences += 1 }
        }
        return score
    }

    /// Syllables of an English word, by vowel groups (the usual estimate for readability formulas).
    public static func syllables(in word: String) -> Int {
        let letters = Array(word.lowercased().filter(\.isLetter))
        guard letters.count > 3 else { return 1 }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]
        var count = 0
        var previousWasVowel = false
        for letter in letters {
            let isVowel = vowels.contains(letter)
            if isVowel && !previousWasVowel { count += 1 }
            previousWasVowel = isVowel
        }
        // A final silent e ("make"), but not "-le" ("table").
        if letters.last == "e", letters.count > 2, !(letters[letters.count - 2] == "l" && !vowels.contains(letters[letters.count - 3])) {
            count -= 1
        }
        if word.lowercased().hasSuffix("ed"), letters.count > 3, !["t", "d"].contains(letters[letters.count - 3]) { count -= 1 }
        return max(1, count)
    }
}
