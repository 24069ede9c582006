import CCmarkGFM
import Foundation

/// Removes staff-only fenced blocks from Markdown text, found on the cmark tree (not by matching
/// strings, which would miss indented or tilde fences and catch `staff` inside code).
enum StaffBlocks {
    /// "staff" in any letter case, by bytes. Every client page is looked at on every build, so the
    /// search goes eight bytes at a time for an "f" (rarer than the other letters), and looks
    /// around only where there is one.
    static func containsStaffWord(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let count = bytes.count
            guard count >= 5, let base = bytes.baseAddress else { return false }
            // `| 0x20` lowercases a letter, and maps no other byte to a lowercase letter.
            func isStaff(at start: Int) -> Bool {
                start >= 0 && start + 5 <= count && base[start] | 0x20 == UInt8(ascii: "s") && base[start + 1] | 0x20 == UInt8(ascii: "t")
                    && base[start + 2] | 0x20 == UInt8(ascii: "a") && base[start + 3] | 0x20 == UInt8(ascii: "f")
                    && base[start + 4] | 0x20 == UInt8(ascii: "f")
            }
            // Every word starts with its first "f" at some index i, so checking from i - 3 at each f suffices.
            func hasWord(from start: Int, to end: Int) -> Bool {
                for index in start..<end where base[index] | 0x20 == UInt8(ascii: "f") && isStaff(at: index - 3) { return true }
                return false
            }
            let raw = UnsafeRawPointer(base)
            var index = 0
            while index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                // Zero bytes of `difference` are f or F; the classic test for a zero byte in a word.
                let difference = (word | 0x2020_2020_2020_2020) ^ 0x6666_6666_6666_6666
                if (difference &- 0x0101_0101_0101_0101) & ~difference & 0x8080_8080_8080_8080 != 0,
                   hasWord(from: index, to: index + 8) { return true }
                index += 8
            }
            return hasWord(from: index, to: count)
        }
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
