/// Splits a Markdown page into its YAML front matter and its body.
///
/// A page starts with a line `---`, then YAML, then a line `---` (or `...`), then Markdown.
struct FrontMatter: Equatable {
    var yaml: String
    /// Line of the page on which the YAML starts (1-based).
    var yamlFirstLine: Int
    var body: String
    /// Line of the page on which the body starts (1-based).
    var bodyFirstLine: Int

    enum Problem: Error, Equatable {
        case missing
        case unterminated
    }

    /// Accepts a byte-order mark and CRLF line ends, which Windows editors write.
    static func split(_ text: String) -> Result<FrontMatter, Problem> {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        text = text.replacingOccurrences(of: "\r\n", with: "\n")
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // A final newline gives an empty last element that is not a line.
        if lines.last == "" { lines.removeLast() }
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else { return .failure(.missing) }
        guard let end = lines.indices.dropFirst().first(where: {
            let line = lines[$0].trimmingTrailingSpaces
            return line == "---" || line == "..."
        }) else { return .failure(.unterminated) }
        let yaml = lines[1..<end].joined(separator: "\n")
        let body = lines[(end + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body.isEmpty ? "" : body + "\n",
                                    bodyFirstLine: end + 2))
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return s
    }
}
