/// A comparison of two texts word by word, for showing what changed in a rule or a procedure.
import Foundation

enum WordDiff {
    enum Part: Equatable {
        case same(String), added(String), removed(String)
    }

    /// The parts of `new` and `old` in order, runs of one kind merged. Words are separated by
    /// white space, which is kept with the word before it so the text reads as written.
    static func compare(_ old: String, _ new: String) -> [Part] {
        let a = words(old), b = words(new)
        // Longest common subsequence over words; texts here are paragraphs, not books.
        var lengths = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = key(a[i]) == key(b[j]) ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var parts: [Part] = []
        func append(_ part: Part) {
            switch (parts.last, part) {
            case let (.same(x)?, .same(y)): parts[parts.count - 1] = .same(x + y)
            case let (.added(x)?, .added(y)): parts[parts.count - 1] = .added(x + y)
            case let (.removed(x)?, .removed(y)): parts[parts.count - 1] = .removed(x + y)
            default: parts.append(part)
            }
        }
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, key(a[i]) == key(b[j]) {
                append(.same(String(b[j]))); i += 1; j += 1
            } else if i < a.count, j == b.count || lengths[i + 1][j] >= lengths[i][j + 1] {
                // Removed words before the words that replace them, as people read a correction.
                append(.removed(String(a[i]))); i += 1
            } else {
                append(.added(String(b[j]))); j += 1
            }
        }
        return parts
    }

    /// The parts cut into paragraphs (at blank lines), so that a long text can be shown by its
    /// changed paragraphs only.
    static func paragraphs(_ parts: [Part]) -> [[Part]] {
        var result: [[Part]] = [[]]
        for part in parts {
            let (text, make): (String, (String) -> Part) = switch part {
            case let .same(text): (text, Part.same)
            case let .added(text): (text, Part.added)
            case let .removed(text): (text, Part.removed)
            }
            for (index, piece) in text.components(separatedBy: "\n\n").enumerated() {
                if index > 0 { result.append([]) }
                if !piece.isEmpty { result[result.count - 1].append(make(piece)) }
            }
        }
        return result.filter { !$0.isEmpty }
    }

    static func isChanged(_ paragraph: [Part]) -> Bool {
        paragraph.contains { if case .same = $0 { false } else { true } }
    }

    /// Words with the white space after each.
    static func words(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.startIndex, index = text.startIndex, inSpace = false
        while index < text.endIndex {
            let isSpace = text[index].isWhitespace
            if inSpace && !isSpace {
                result.append(text[start..<index])
                start = index
            }
            inSpace = isSpace
            index = text.index(after: index)
        }
        if start < text.endIndex { result.append(text[start...]) }
        return result
    }

    /// A word without the space after it: a changed line break is not a changed word.
    private static func key(_ word: Substring) -> Substring {
        word.prefix { !$0.isWhitespace }
    }
}
