import CCmarkGFM
import Foundation

/// A cmark tree of one Markdown text, prepared for one audience: `staff` blocks removed or marked,
/// raw HTML dropped unless allowed, every heading and link found. Freed on deinit.
///
/// `MarkdownDocument` keeps what it needs from the tree (headings, links, and the HTML with holes
/// for what changes from one rendering to the next) and lets the tree go: a tree takes about ten
/// times the memory of its text, too much to keep for every page of a large program.
final class MarkdownTree {
    let root: OpaquePointer
    let origin: SourceLocation
    let audience: Audience
    let allowRawHTML: Bool

    private(set) var headings: [MarkdownDocument.Heading] = []
    private(set) var links: [MarkdownDocument.Link] = []
    private(set) var droppedHTML: [SourceLocation] = []
    private(set) var unclosedStaffBlocks: [SourceLocation] = []
    /// Staff blocks that ended with their list item or block quote, before their closing fence.
    private(set) var cutShortStaffBlocks: [SourceLocation] = []
    /// Lines that open like a staff fence but did not become a staff block (see `StaffFenceLookalikes`).
    private(set) var misparsedStaffFences: [(location: SourceLocation, indented: Bool)] = []

    /// Each heading is taken out of the tree and a childless custom block put in its place, whose
    /// text is the heading's HTML with its id (cmark has no attributes, and a custom block may not
    /// hold inline nodes). The detached heading is kept to render its inline content.
    private(set) var headingNodes: [(block: OpaquePointer, heading: OpaquePointer)] = []
    /// Link and image nodes in document order, with the destination as written.
    private(set) var linkNodes: [(node: OpaquePointer, destination: String)] = []
    /// Staff asides and the line their text starts after: nodes inside were parsed on their own,
    /// so their line numbers count from the fence.
    private var asideLineShift: [OpaquePointer: Int] = [:]
    private let staffLabel: String

    init(_ source: MarkdownSource, audience: Audience, allowRawHTML: Bool, staffLabel: String = "Staff only") {
        self.staffLabel = staffLabel
        self.origin = source.origin
        self.audience = audience
        self.allowRawHTML = allowRawHTML
        self.root = Cmark.parse(source.text, unsafeHTML: allowRawHTML)
        findStaffFenceProblems(in: source.text)
        applyAudience()
        if !allowRawHTML { dropRawHTML() }
        indexHeadingsAndLinks()
    }

    deinit {
        for heading in headingNodes { cmark_node_free(heading.heading) }
        cmark_node_free(root)
    }

    // MARK: - Rendering

    /// HTML for the tree as it is now: set the heading blocks' text and the link addresses first.
    func renderHTML() -> String {
        Cmark.renderHTML(root, unsafeHTML: allowRawHTML)
    }

    /// `<h2>Fish &amp; chips</h2>` → `Fish &amp; chips`, for the heading at `index`.
    func innerHTML(ofHeading index: Int) -> String {
        let rendered = Cmark.renderHTML(headingNodes[index].heading, unsafeHTML: allowRawHTML)
        // cmark writes `<hN>…</hN>` and a newline: cut by bytes, as trimming and searching would.
        let bytes = rendered.utf8
        if bytes.starts(with: "<h".utf8), bytes.last == UInt8(ascii: "\n"),
           let open = bytes.firstIndex(of: UInt8(ascii: ">")), let close = Self.lastClosingTag(in: bytes), open < close {
            return String(rendered[bytes.index(after: open)..<close])
        }
        let html = rendered.trimmingCharacters(in: .whitespacesAndNewlines)
        guard html.hasPrefix("<h"), let open = html.firstIndex(of: ">"), let close = html.range(of: "</h", options: .backwards)
        else { return html }
        return String(html[html.index(after: open)..<close.lowerBound])
    }

    /// Where the last `</h` starts, in HTML that ends with a closing tag and a newline.
    private static func lastClosingTag(in bytes: String.UTF8View) -> String.Index? {
        var index = bytes.index(before: bytes.endIndex)
        while index > bytes.startIndex {
            index = bytes.index(before: index)
            if bytes[index] == UInt8(ascii: "<"), bytes[index...].starts(with: "</h".utf8) { return index }
        }
        return nil
    }

    func setHeadingText(_ index: Int, _ text: String) {
        cmark_node_set_on_enter(headingNodes[index].block, text)
    }

    func setLinkAddress(_ index: Int, _ address: String) {
        cmark_node_set_url(linkNodes[index].node, address)
    }

    /// The words of the document without markup, for search and readability: one line per
    /// paragraph, item or heading, trimmed.
    var plainText: String {
        textWithoutMarkup.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// The same words as `plainText`, with the spaces and empty lines left where they fall: all
    /// the reading score needs, without the cost of cutting every line.
    var textWithoutMarkup: String {
        var parts: [String] = []
        walk { node, entering in
            guard entering else { return }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                parts.append(String(cString: cmark_node_get_literal(node)))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                parts.append(" ")
            case CMARK_NODE_CUSTOM_BLOCK:
                parts.append("\n")
                if let heading = headingNodes.first(where: { $0.block == node }) {
                    parts.append(Self.text(of: heading.heading) + "\n")
                }
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_ITEM:
                parts.append("\n")
            default:
                if String(cString: cmark_node_get_type_string(node)) == "table_cell" { parts.append(" ") }
            }
        }
        return parts.joined()
    }

    // MARK: - Preparation

    /// Removes or marks the `staff` fenced blocks. Collected first, edited after the walk.
    private func applyAudience() {
        var staffBlocks: [OpaquePointer] = []
        walk { node, entering in
            if entering, cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK, Self.isStaffFence(node) {
                staffBlocks.append(node)
            }
        }
        for block in staffBlocks {
            if audience == .staff {
                let aside = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
                cmark_node_set_on_enter(aside, "<aside class=\"staff-only\"><p class=\"staff-only-label\">\(HTML.escape(staffLabel))</p>")
                cmark_node_set_on_exit(aside, "</aside>")
                let inner = Cmark.parse(String(cString: cmark_node_get_literal(block)), unsafeHTML: allowRawHTML)
                asideLineShift[aside] = Int(cmark_node_get_start_line(block))
                Self.moveChildren(of: inner, into: aside)
                cmark_node_free(inner)
                cmark_node_insert_before(block, aside)
            }
            cmark_node_unlink(block)
            cmark_node_free(block)
        }
    }

    /// A fence is closed when its last line is a fence of the same character; cmark does not say.
    /// A line that opens like a staff fence outside every staff block was not parsed as one (an
    /// indented code block, a fence joined into a paragraph by a folded YAML scalar): its text
    /// would reach clients, so it is reported.
    private func findStaffFenceProblems(in text: String) {
        guard StaffBlocks.containsStaffWord(text) else { return }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var staffLines: [ClosedRange<Int>] = []
        let lastTextLine = (lines.lastIndex { !$0.allSatisfy(\.isWhitespace) } ?? -1) + 1
        walk { node, entering in
            guard entering, cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK, Self.isStaffFence(node) else { return }
            let first = Int(cmark_node_get_start_line(node)), last = Int(cmark_node_get_end_line(node))
            staffLines.append(first...max(first, last < first ? Int.max : last))
            guard first >= 1, first <= lines.count else { return }
            let opening = lines[first - 1].drop { $0 == " " || $0 == ">" || $0 == "-" || $0 == "*" || $0.isNumber || $0 == "." }
            let fence = opening.first ?? "`"
            let closing = last >= 1 && last <= lines.count && last != first
                ? lines[last - 1].drop { $0 == " " || $0 == ">" } : ""
            if !closing.hasPrefix(String(repeating: fence, count: 3)) {
                // Unclosed at the end of the text, the rest is staff-only; but a block that ended
                // with its list item or quote, before the text did, leaves the lines after it to clients.
                if last < lastTextLine { cutShortStaffBlocks.append(location(of: node)) } else { unclosedStaffBlocks.append(location(of: node)) }
            }
        }
        for (index, line) in lines.enumerated() where StaffFenceLookalikes.opensLikeStaffFence(line) {
            guard !staffLines.contains(where: { $0.contains(index + 1) }) else { continue }
            let indent = line.prefix { $0 == " " || $0 == "\t" }
            misparsedStaffFences.append((SourceLocation(file: origin.file, line: origin.line + index, column: indent.count + 1),
                                         indent.count >= 4 || indent.contains("\t")))
        }
    }

    /// Whether a code block's info string's first word is `staff`, in any letter case. Words are
    /// split at any white space, as cmark does: "staff<tab>note" is a staff fence.
    static func isStaffFence(_ node: OpaquePointer) -> Bool {
        guard let info = cmark_node_get_fence_info(node) else { return false }
        return String(cString: info).split(whereSeparator: \.isWhitespace).first.map { $0.lowercased() == "staff" } ?? false
    }

    private static func moveChildren(of source: OpaquePointer, into target: OpaquePointer) {
        while let child = cmark_node_first_child(source) {
            cmark_node_unlink(child)
            cmark_node_append_child(target, child)
        }
    }

    private func dropRawHTML() {
        var htmlNodes: [OpaquePointer] = []
        walk { node, entering in
            let type = cmark_node_get_type(node)
            if entering, type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE { htmlNodes.append(node) }
        }
        for node in htmlNodes {
            droppedHTML.append(location(of: node))
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    /// Gives every heading a stable id and records every link, replacing each heading by a custom
    /// block so the renderer writes the id (cmark has no attributes of its own).
    private func indexHeadingsAndLinks() {
        var headingsFound: [OpaquePointer] = []
        walk { node, entering in
            guard entering else { return }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING: headingsFound.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let destination = String(cString: cmark_node_get_url(node))
                let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
                links.append(MarkdownDocument.Link(destination: destination, location: location(of: node), isImage: isImage,
                                                   text: Self.text(of: node)))
                linkNodes.append((node, destination))
            default: break
            }
        }
        var ids = UniqueIDs()
        for node in headingsFound {
            // One h1 per page: the page title. Headings in the body start at h2.
            let level = max(2, Int(cmark_node_get_heading_level(node)))
            let text = Self.text(of: node)
            let id = ids.claim(Slug.make(text))
            headings.append(MarkdownDocument.Heading(level: level, text: text, id: id, location: location(of: node),
                                                     writtenLevel: Int(cmark_node_get_heading_level(node))))
            let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
            cmark_node_insert_before(node, block)
            cmark_node_unlink(node)
            headingNodes.append((block, node))
        }
    }

    // MARK: - Helpers

    private func location(of node: OpaquePointer) -> SourceLocation {
        var line = Int(cmark_node_get_start_line(node))
        let column = Int(cmark_node_get_start_column(node))
        guard line > 0 else { return origin }
        var ancestor = cmark_node_parent(node)
        while let current = ancestor {
            if let shift = asideLineShift[current] { line += shift; break }
            ancestor = cmark_node_parent(current)
        }
        return SourceLocation(file: origin.file, line: origin.line + line - 1, column: max(column, 1))
    }

    static func text(of node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += String(cString: cmark_node_get_literal(current))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: text += Self.text(of: current)
            }
            child = cmark_node_next(current)
        }
        return text
    }

    private func walk(_ visit: (OpaquePointer, Bool) -> Void) {
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            visit(cmark_iter_get_node(iterator), event == CMARK_EVENT_ENTER)
        }
    }
}
