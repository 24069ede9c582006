import Foundation

/// Works out where a link in a Markdown text points, for rendering and for checking.
public struct LinkResolver: Sendable {
    public enum Target: Equatable, Sendable {
        /// Another site, an e-mail address or a phone number: written as it is.
        case external(String)
        /// A chapter of the same output, and an anchor in it.
        case chapter(String, anchor: String?)
        /// A file from the content folder (an image, a PDF), by its path there.
        case asset(String)
        /// Points nowhere; the reason says why, for the diagnostic.
        case broken(String, hint: String)
    }

    let outline: Outline
    /// Chapters that exist in another audience's output only (client links to staff pages).
    let hiddenChapters: Set<String>
    /// Anchors, by chapter, of records only the other audience sees (staff-only rules, questions, topics).
    let hiddenAnchors: [String: Set<String>]
    let contentDirectory: String
    /// In a translation: the chapters that show text in the default language (untranslated
    /// pages, sections with untranslated entries), and the default language's heading ids by
    /// chapter. That text links to headings by their default-language ids, which the translated
    /// chapter does not have; such a link goes to the top of the chapter rather than being an
    /// error that only a translation can fix (and `check` lists the missing translation).
    var untranslated: (chapters: Set<String>, anchors: [String: Set<String>]) = ([], [:])

    public init(outline: Outline, hiddenChapters: Set<String> = [], hiddenAnchors: [String: Set<String>] = [:],
                contentDirectory: String) {
        self.outline = outline
        self.hiddenChapters = hiddenChapters
        self.hiddenAnchors = hiddenAnchors
        self.contentDirectory = contentDirectory
    }

    public func resolve(_ destination: String, from chapter: String) -> Target {
        // Resolved three times a link (check, page, print): plain String work, no Foundation calls
        // on the common path.
        let trimmed = destination.first == " " || destination.last == " "
            ? destination.trimmingCharacters(in: .whitespaces) : destination
        if trimmed.isEmpty { return .broken("the link has no destination", hint: "write [text](page.md)") }
        if let colon = trimmed.firstIndex(of: ":"), !trimmed[..<colon].contains("/"), !trimmed[..<colon].contains("#") {
            return .external(trimmed)
        }
        if trimmed.hasPrefix("//") { return .external(trimmed) }
        let hash = trimmed.firstIndex(of: "#")
        let path = String(trimmed[..<(hash ?? trimmed.endIndex)])
        let anchor = hash.map { String(trimmed[trimmed.index(after: $0)...]) }
        if path.isEmpty { return target(chapter: chapter, anchor: anchor, written: trimmed, from: chapter) }
        let name = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
        // A page, written as its file name or as its path in the content folder (pages/x.md).
        if !path.contains("/") || path.hasPrefix("pages/") || path.hasPrefix("./pages/"),
           name.hasSuffix(".md") || name.hasSuffix(".html") {
            let slug = name.hasSuffix(".md") ? String(name.dropLast(3)) : String(name.dropLast(5))
            if slug == "index" {
                guard let anchor, !anchor.isEmpty else { return .chapter("index", anchor: nil) }
                return Self.indexAnchors.contains(anchor) ? .chapter("index", anchor: anchor)
                    : .broken("'\(trimmed)' links to '#\(anchor)', which is not on the start page", hint: "use index.md#chapters, or no anchor")
            }
            return target(chapter: slug, anchor: anchor, written: trimmed, from: chapter)
        }
        let normalized = (path as NSString).standardizingPath
        guard !normalized.hasPrefix("..") && !normalized.hasPrefix("/") else {
            return .broken("'\(path)' points outside the content folder", hint: "put the file inside the content folder, e.g. images/")
        }
        // Only pictures and documents are published as files: never a data file, a page's source
        // or a template, which hold staff-only text.
        let fileExtension = (normalized as NSString).pathExtension.lowercased()
        guard Self.publishableExtensions.contains(fileExtension),
              !normalized.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else {
            return .broken("'\(path)' is not a picture or a document the handbook can publish",
                           hint: "link to pages as page.md; files may be \(Self.publishableExtensions.sorted().joined(separator: ", "))")
        }
        guard FileManager.default.fileExists(atPath: contentDirectory + "/" + normalized) else {
            return .broken("the file '\(path)' does not exist", hint: "paths are relative to the content folder, e.g. images/map.png")
        }
        return .asset(normalized)
    }

    private func target(chapter slug: String, anchor: String?, written: String, from source: String) -> Target {
        guard let chapter = outline.chapter(slug) else {
            if hiddenChapters.contains(slug) {
                return .broken("'\(written)' links to a staff-only page, which clients cannot see",
                               hint: "remove the link from client text, or put it inside a ```staff block")
            }
            let names = outline.chapters.map { $0.slug + ".md" }
            return .broken("'\(written)' links to a page that does not exist",
                           hint: Suggestion.hint(for: slug + ".md", in: names, noun: "page"))
        }
        if let anchor, !anchor.isEmpty, !chapter.anchors.contains(anchor), hiddenAnchors[slug]?.contains(anchor) == true {
            return .broken("'\(written)' links to a staff-only part of '\(chapter.title)', which clients cannot see",
                           hint: "remove the link from client text, or put it inside a ```staff block")
        }
        if let anchor, !anchor.isEmpty, !chapter.anchors.contains(anchor),
           untranslated.chapters.contains(source), untranslated.anchors[slug]?.contains(anchor) == true {
            return .chapter(slug, anchor: nil)
        }
        if let anchor, !anchor.isEmpty, !chapter.anchors.contains(anchor) {
            return .broken("'\(written)' links to '#\(anchor)', which is not a heading in '\(chapter.title)'",
                           hint: Suggestion.hint(for: anchor, in: Array(chapter.anchors), noun: "heading id"))
        }
        return .chapter(slug, anchor: anchor?.isEmpty == true ? nil : anchor)
    }

    /// Kinds of files a page may link to or show, copied into the output.
    public static let publishableExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "svg", "avif", "pdf"]

    /// Ids on the start page a link may point at.
    static let indexAnchors: Set<String> = ["chapters", "crisis-heading"]

    /// The `href` for a link on a chapter's own page.
    public func pageHref(_ destination: String, from chapter: String) -> String {
        switch resolve(destination, from: chapter) {
        case let .external(url): return url
        case let .chapter(slug, anchor): return (slug == chapter && anchor != nil ? "" : "\(slug).html") + (anchor.map { "#\($0)" } ?? "")
        case let .asset(path): return path
        case .broken: return destination
        }
    }

    /// The `href` for a link on the print page, where every chapter is a section of one page.
    public func printHref(_ destination: String, from chapter: String) -> String {
        switch resolve(destination, from: chapter) {
        case let .external(url): return url
        case .chapter("index", _): return "#main" // the print page is its own start page
        case let .chapter(slug, anchor): return "#" + (anchor.map { Self.printID(chapter: slug, anchor: $0) } ?? slug)
        case let .asset(path): return path
        case .broken: return destination
        }
    }

    /// Ids on the print page are prefixed with their chapter so that they stay unique.
    public static func printID(chapter: String, anchor: String) -> String { "\(chapter)--\(anchor)" }
}
