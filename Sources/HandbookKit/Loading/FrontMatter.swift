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
        if text.containsByte(13) { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
        // Only the front matter is cut into lines; the body, most of the page, is taken whole.
        var lines: [Substring] = []
        var lineStart = text.startIndex
        var closing: (line: Int, bodyStart: String.Index)?
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[lineStart..<lineEnd].trimmingTrailingSpaces
            let next = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
            if lines.isEmpty && line != "---" { return .failure(.missing) }
            if !lines.isEmpty && (line == "---" || line == "...") {
                closing = (lines.count, next)
                break
            }
            lines.append(line)
            lineStart = next
        }
        guard !lines.isEmpty else { return .failure(.missing) }
        guard let closing else { return .failure(.unterminated) }
        let yaml = lines.dropFirst().joined(separator: "\n")
        var body = String(text[closing.bodyStart...])
        if !body.isEmpty && !body.hasSuffix("\n") { body += "\n" }
        return .success(FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: closing.line + 2))
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return s
    }
}
