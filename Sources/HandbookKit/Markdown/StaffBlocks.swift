import CCmarkGFM
import Foundation

/// Removes staff-only fenced blocks from Markdown text, found on the cmark tree (not by matching
/// strings, which would miss indented or tilde fences and catch `staff` inside code).
enum StaffBlocks {
    /// "staff" in any letter case, by bytes: much faster than a Foundation search on every page.
    static func containsStaffWord(_ text: String) -> Bool {
        let word: [UInt8] = Array("staff".utf8)
        var matched = 0
        for byte in text.utf8 {
            let lower = byte >= 65 && byte <= 90 ? byte + 32 : byte
            if lower == word[matched] {
                matched += 1
                if matched == word.count { return true }
            } else {
                matched = lower == word[0] ? 1 : 0
            }
        }
        return false
    }

    /// The text with every line of every `staff` fence blanked. Blank lines, not deleted ones, so
    /// that line numbers of the rest stay right and neighbouring paragraphs stay apart.
    static func removing(from source: MarkdownSource) -> MarkdownSource {
        guard containsStaffWord(source.text) else {
            return source // no fence can say `staff` without the word
        }
        let root = Cmark.parse(source.text, unsafeHTML: false)
        defer { cmark_node_free(root) }
        var ranges: [ClosedRange<Int>] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            let node = cmark_iter_get_node(iterator)!
            if cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
               cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK, MarkdownTree.isStaffFence(node) {
                let first = Int(cmark_node_get_start_line(node))
                var last = Int(cmark_node_get_end_line(node))
                if last < first { last = Int.max } // an unclosed fence runs to the end
                ranges.append(first...last)
            }
        }
        guard !ranges.isEmpty else { return source }
        var lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
        for index in lines.indices where ranges.contains(where: { $0.contains(index + 1) }) {
            lines[index] = ""
        }
        return MarkdownSource(lines.joined(separator: "\n"), origin: source.origin)
    }
}
