/// "Did you mean" suggestions for misspelt keys and ids.
enum Suggestion {
    /// The candidate `word` most likely stands for: a `preferred` one (a required key that is
    /// missing) it begins or nearly spells, the one candidate it abbreviates (`q` for
    /// `question`), or the closest by spelling when close enough to be a typo.
    static func closest(to word: String, in candidates: some Sequence<String>, preferring preferred: [String] = []) -> String? {
        let lowered = word.lowercased()
        guard !lowered.isEmpty else { return nil }
        func isTypo(_ candidate: String) -> Bool {
            let distance = editDistance(lowered, candidate.lowercased())
            // A one-letter key is not a typo of every two-letter one ('q' is not 'id').
            return distance <= max(2, min(word.count, candidate.count) / 3) && distance < max(word.count, 2)
        }
        if let match = preferred.first(where: { $0.lowercased().hasPrefix(lowered) || isTypo($0) }) { return match }
        let abbreviated = Set(candidates.filter { $0.lowercased().hasPrefix(lowered) })
        if abbreviated.count == 1 { return abbreviated.first }
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        guard let (candidate, _) = best, isTypo(candidate) else { return nil }
        return candidate
    }

    /// "did you mean 'x'?" or a list of what is allowed, for a hint.
    static func hint(for word: String, in candidates: [String], noun: String = "key", preferring preferred: [String] = []) -> String {
        if let match = closest(to: word, in: candidates, preferring: preferred) { return "did you mean '\(match)'?" }
        let sorted = Array(Set(candidates)).sorted()
        let shown = sorted.prefix(24).map { "'\($0)'" }.joined(separator: ", ")
        let more = sorted.count > 24 ? " and \(sorted.count - 24) more" : ""
        return candidates.isEmpty ? "" : "allowed \(noun)s: \(shown)\(more)"
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
