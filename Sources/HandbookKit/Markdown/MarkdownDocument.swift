import Foundation

/// A parsed Markdown text, prepared for one audience.
///
/// Callers see Swift values only. Fenced blocks whose info string is `staff` are removed when the
/// audience is `everyone`, and wrapped in a visibly marked aside for `staff`, so a client document
/// never holds staff-only text.
///
/// The cmark tree is read once, when the document is made, and freed: what is kept is the headings,
/// the links and the HTML with holes for the heading tags and link addresses, which each rendering
/// fills in. A document is immutable, so any number of threads may render it at once.
public final class MarkdownDocument: Sendable {
    public struct Heading: Sendable, Equatable {
        public var level: Int
        public var text: String
        /// Stable id derived from the text, unique within the document.
        public var id: String
        public var location: SourceLocation
        /// The level written in the Markdown (`#` is 1), before the body is moved under the title.
        public var writtenLevel: Int = 0
    }

    public struct Link: Sendable, Equatable {
        public var destination: String
        public var location: SourceLocation
        public var isImage: Bool
        /// The link's text, or an image's alt text.
        public var text: String
    }

    public let origin: SourceLocation
    public let audience: Audience
    /// Unique for the life of the process: a cheap stand-in for the text in cache keys, since a
    /// document is made anew whenever its text changes.
    public let serial: Int

    private static let serialLock = NSLock()
    nonisolated(unsafe) private static var nextSerial = 0
    public let headings: [Heading]
    public let links: [Link]
    /// Where raw HTML was dropped because the program did not opt in.
    public let droppedHTML: [SourceLocation]
    /// `staff` blocks with no closing fence: everything after them became staff-only.
    public let unclosedStaffBlocks: [SourceLocation]
    /// `staff` blocks that ended with their list item or quote before their closing fence: the
    /// lines after them, meant for staff, are client text.
    public let cutShortStaffBlocks: [SourceLocation]
    /// Lines that open like a `staff` fence but did not become a staff block, and whether the
    /// line is indented four spaces or more (which makes it code).
    public let misparsedStaffFences: [(location: SourceLocation, indented: Bool)]
    /// How hard the text is to read, when asked for at `init` (client pages in English): worked
    /// out from the tree already there, on all cores, and kept with the document.
    public let readingScore: ReadingScore?

    private let source: MarkdownSource
    private let allowRawHTML: Bool
    /// Heads each staff block in the staff edition, in the edition's language.
    private let staffLabel: String
    /// The body, and each heading's inner HTML (which may hold links), rendered once. Nil in the
    /// rare document whose holes cannot be found again (a link inside an image's description is
    /// written as plain text): that one is rendered from a new tree each time.
    private let body: HTMLWithHoles?
    private let headingInner: [HTMLWithHoles]

    public init(_ source: MarkdownSource, audience: Audience, allowRawHTML: Bool = false, staffLabel: String = "Staff only",
                scoresReading: Bool = false) {
        self.origin = source.origin
        self.audience = audience
        self.source = source
        self.staffLabel = staffLabel
        self.serial = Self.serialLock.withLock {
            Self.nextSerial += 1
            return Self.nextSerial
        }
        self.allowRawHTML = allowRawHTML
        let tree = MarkdownTree(source, audience: audience, allowRawHTML: allowRawHTML, staffLabel: staffLabel)
        headings = tree.headings
        links = tree.links
        droppedHTML = tree.droppedHTML
        unclosedStaffBlocks = tree.unclosedStaffBlocks
        cutShortStaffBlocks = tree.cutShortStaffBlocks
        misparsedStaffFences = tree.misparsedStaffFences
        readingScore = scoresReading ? ReadingScore.of(tree.textWithoutMarkup) : nil
        (body, headingInner) = Self.renderWithHoles(tree)
    }

    /// HTML for the document. `idPrefix` keeps heading ids unique when several documents share
    /// one page (the print version); `rewriteLink` maps each link destination, e.g. `rules.md` →
    /// `rules.html`.
    /// `headingShift` moves headings down when the text sits under a heading of its own (a rule's
    /// text under the rule's title, a chapter on the print page under the book's title).
    public func html(idPrefix: String = "", headingShift: Int = 0, rewriteLink: (String) -> String = { $0 }) -> String {
        func address(_ index: Int) -> String {
            LinkAddress.attribute(rewriteLink(links[index].destination), unsafe: allowRawHTML)
        }
        guard let body else { return htmlFromTree(idPrefix: idPrefix, headingShift: headingShift, rewriteLink: rewriteLink) }
        return body.filled(heading: { index in
            let level = min(6, headings[index].level + headingShift)
            let inner = headingInner[index].filled(heading: { _ in "" }, link: address)
            return Self.headingTag(level: level, id: idPrefix + headings[index].id, inner: inner)
        }, link: address)
    }

    /// The words of the document without markup, for search and readability. Read from a new tree:
    /// only `handbook check` asks.
    public var plainText: String {
        MarkdownTree(source, audience: audience, allowRawHTML: allowRawHTML, staffLabel: staffLabel).plainText
    }

    // MARK: - Rendering

    private static func headingTag(level: Int, id: String, inner: String) -> String {
        // Ids are slugs (letters, digits, dashes) with a chapter's slug before them on the print
        // page: escaping, by Character, is only needed when one holds a character HTML reserves.
        let escaped = id.utf8.contains { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
            || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") } ? HTML.escape(id) : id
        return "<h\(level) id=\"\(escaped)\">\(inner)</h\(level)>"
    }

    /// Whether the document is filled from holes, not rendered from a tree each time (for tests).
    var rendersFromHoles: Bool { body != nil }

    /// Renders the tree with markers in the holes, and checks that every hole is found exactly once.
    private static func renderWithHoles(_ tree: MarkdownTree) -> (HTMLWithHoles?, [HTMLWithHoles]) {
        for index in tree.linkNodes.indices { tree.setLinkAddress(index, HTMLWithHoles.token(.link(index))) }
        for index in tree.headingNodes.indices { tree.setHeadingText(index, HTMLWithHoles.token(.heading(index))) }
        guard let body = HTMLWithHoles.read(tree.renderHTML()) else { return (nil, []) }
        var inner: [HTMLWithHoles] = []
        for index in tree.headingNodes.indices {
            guard let heading = HTMLWithHoles.read(tree.innerHTML(ofHeading: index)) else { return (nil, []) }
            inner.append(heading)
        }
        var headingsSeen = [Int](repeating: 0, count: tree.headingNodes.count)
        var linksSeen = [Int](repeating: 0, count: tree.linkNodes.count)
        for hole in body.holes + inner.flatMap(\.holes) {
            switch hole {
            case let .heading(index) where index < headingsSeen.count: headingsSeen[index] += 1
            case let .link(index) where index < linksSeen.count: linksSeen[index] += 1
            default: return (nil, [])
            }
        }
        guard inner.allSatisfy({ !$0.holes.contains { if case .heading = $0 { true } else { false } } }),
              headingsSeen.allSatisfy({ $0 == 1 }), linksSeen.allSatisfy({ $0 == 1 }) else { return (nil, []) }
        return (body, inner)
    }

    /// The HTML rendered from a new tree with the ids and addresses set on it: what filling the
    /// holes must give (`MarkdownHolesTests`), and the way to render a document without holes.
    func htmlFromTree(idPrefix: String = "", headingShift: Int = 0, rewriteLink: (String) -> String = { $0 }) -> String {
        let tree = MarkdownTree(source, audience: audience, allowRawHTML: allowRawHTML, staffLabel: staffLabel)
        for (index, link) in tree.linkNodes.enumerated() { tree.setLinkAddress(index, rewriteLink(link.destination)) }
        for (index, heading) in tree.headings.enumerated() {
            let level = min(6, heading.level + headingShift)
            tree.setHeadingText(index, Self.headingTag(level: level, id: idPrefix + heading.id, inner: tree.innerHTML(ofHeading: index)))
        }
        return tree.renderHTML()
    }
}
