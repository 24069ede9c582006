import Foundation

/// How hard a text is to read: its words, sentences and syllables, and the Flesch-Kincaid grade
/// they give. Worked out once per client page while its Markdown is prepared (see
/// `MarkdownDocument.readingScore`), so `check` and `build` score a page only when it changes.
public struct ReadingScore: Equatable, Sendable {
    public var words: Int
    public var sentences: Int
    public var syllables: Int

    /// US school grade needed to read the text comfortably.
    public var grade: Double {
        guard words > 0, sentences > 0 else { return 0 }
        return 0.39 * Double(words) / Double(sentences) + 11.8 * Double(syllables) / Double(words) - 15.59
    }

    /// Each line is at least one sentence (list items and headings have no full stop).
    ///
    /// Read by Unicode scalar, not by `Character`: every client page is scored on every build,
    /// and grapheme breaking cost a second per thousand pages. A word is letters and apostrophes;
    /// accents written as separate marks stay inside their word.
    public static func of(_ text: String) -> ReadingScore {
        var score = ReadingScore(words: 0, sentences: 0, syllables: 0)
        var word = Word()
        var sentenceHasWords = false
        func endWord() {
            if !word.isEmpty {
                score.words += 1
                score.syllables += word.syllables
                sentenceHasWords = true
            }
            word.clear()
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII ? (scalar.value | 0x20 >= 0x61 && scalar.value | 0x20 <= 0x7A) : scalar.properties.isAlphabetic {
                word.append(letter: scalar)
            } else if scalar == "'" || scalar == "’" {
                word.appendApostrophe()
            } else if !word.isEmpty, !scalar.isASCII, scalar.properties.generalCategory.isMark {
                continue
            } else {
                endWord()
                if scalar == "." || scalar == "!" || scalar == "?", sentenceHasWords {
                    score.sentences += 1
                    sentenceHasWords = false
                } else if scalar == "\n" {
                    if sentenceHasWords { score.sentences += 1 }
                    sentenceHasWords = false
                }
            }
        }
        endWord()
        if sentenceHasWords { score.sentences += 1 }
        return score
    }

    /// Syllables of an English word, by vowel groups (the usual estimate for readability formulas).
    public static func syllables(in word: String) -> Int {
        var letters = Word()
        for scalar in word.unicodeScalars {
            if scalar.properties.isAlphabetic { letters.append(letter: scalar) } else { letters.appendApostrophe() }
        }
        return letters.syllables
    }

    /// A word as it is read, letter by letter: what its syllable count needs and nothing more,
    /// without an array of its letters to append to and walk again (5 % fewer instructions per
    /// page, `valgrind --tool=callgrind`). Letters are lowercased ASCII; any other letter is 0,
    /// never a vowel.
    private struct Word {
        /// How many letters, and how many groups of vowels among them.
        var letterCount = 0
        var vowelGroups = 0
        var previousWasVowel = false
        /// The last three letters, the last one last.
        var lastLetters: (UInt8, UInt8, UInt8) = (0, 0, 0)
        /// The last two characters, letters or apostrophes.
        var last: (UInt8, UInt8) = (0, 0)

        var isEmpty: Bool { letterCount == 0 }

        mutating func append(letter scalar: Unicode.Scalar) {
            let byte: UInt8 = scalar.isASCII ? UInt8(scalar.value) | 0x20 : 0
            let vowel = Self.isVowel(byte)
            if vowel && !previousWasVowel { vowelGroups += 1 }
            previousWasVowel = vowel
            letterCount += 1
            lastLetters = (lastLetters.1, lastLetters.2, byte)
            last = (last.1, byte)
        }

        mutating func appendApostrophe() { last = (last.1, UInt8(ascii: "'")) }

        mutating func clear() { self = Word() }

        /// A switch, not a search of "aeiouy": this runs for every letter of every client page.
        private static func isVowel(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"): true
            default: false
            }
        }

        var syllables: Int {
            guard letterCount > 3 else { return 1 }
            var count = vowelGroups
            let (thirdLast, secondLast, lastLetter) = lastLetters
            // A final silent e ("make"), but not "-le" ("table").
            if lastLetter == UInt8(ascii: "e"), !(secondLast == UInt8(ascii: "l") && !Self.isVowel(thirdLast)) {
                count -= 1
            }
            if last == (UInt8(ascii: "e"), UInt8(ascii: "d")), thirdLast != UInt8(ascii: "t"), thirdLast != UInt8(ascii: "d") {
                count -= 1
            }
            return max(1, count)
        }
    }
}

private extension Unicode.GeneralCategory {
    var isMark: Bool { self == .nonspacingMark || self == .spacingMark || self == .enclosingMark }
}
