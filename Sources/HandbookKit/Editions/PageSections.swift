import Foundation

/// A page's Markdown cut at its `##` headings, so that a change can be told by section.
enum PageSections {
    struct Section: Equatable {
        /// The heading's text; nil for the text before the first heading.
        var heading: String?
        var text: String
    }

    /// The sections of `markdown`: the text before the first `##` heading (when there is any),
    /// then one per `##` heading. Headings inside fenced code do not count.
    static func split(_ markdown: String) -> [Section] {
        var sections: [Section] = []
        var heading: String?
        var lines: [Substring] = []
        var fence: String?
        func close() {
            let text = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            if heading != nil || !text.isEmpty { sections.append(Section(heading: heading, text: text)) }
            lines = []
        }
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix(3))
            } else if line.count - trimmed.count < 4, trimmed.hasPrefix("## ") {
                close()
                heading = trimmed.dropFirst(3).trimmingCharacters(in: .whitespaces)
                    .replacingOccurrences(of: #"\s+#+$"#, with: "", options: .regularExpression)
                continue
            }
            lines.append(line)
        }
        close()
        return sections
    }
}
