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
    /// The files of the content folder that may be linked to, as loading found them.
    let files: ContentFiles
    /// The output folders' paths inside the content folder, of those there (`Public` in a
    /// program folder): nothing is published from them, since they hold the last build's manual.
    var outputFolders: [String] = []
    /// In a translation: the chapters that show text in the default language (untranslated
    /// pages, sections with untranslated entries), and the default language's heading ids by
    /// chapter. That text links to headings by their default-language ids, which the translated
    /// chapter does not have; such a link goes to the top of the chapter rather than being an
    /// error that only a translation can fix (and `check` lists the missing translation).
    var untranslated: (chapters: Set<String>, anchors: [String: Set<String>]) = ([], [:])

    public init(outline: Outline, hiddenChapters: Set<String> = [], hiddenAnchors: [String: Set<String>] = [:],
                files: ContentFiles) {
        self.outline = outline
        self.hiddenChapters = hiddenChapters
        self.hiddenAnchors = hiddenAnchors
        self.files = files
    }

    public func resolve(_ destination: String, from chapter: String) -> Target {
        // Resolved for every link of every page on every build (check, and page and print when a
        // chapter is rendered), so the common path looks at bytes: no Foundation, no Character.
        let trimmed = destination.first == " " || destination.last == " "
            ? destination.trimmingCharacters(in: .whitespaces) : destination
        if trimmed.isEmpty { return .broken("the link has no destination", hint: "write [text](page.md)") }
        let bytes = trimmed.utf8
        // A scheme: a colon before any slash or hash (https:, mailto:, tel:).
        if let first = bytes.firstIndex(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "#") }),
           bytes[first] == UInt8(ascii: ":") {
            return .external(trimmed)
        }
        if bytes.starts(with: "//".utf8) { return .external(trimmed) }
        let hash = bytes.firstIndex(of: UInt8(ascii: "#"))
        let written = Substring(trimmed.utf8[..<(hash ?? bytes.endIndex)])
        let anchor = hash.map { String(trimmed.utf8[bytes.index(after: $0)...])! }
        if written.isEmpty { return target(chapter: chapter, anchor: anchor, written: trimmed, from: chapter) }
        let lastSlash = written.utf8.lastIndex(of: UInt8(ascii: "/"))
        let name = lastSlash.map { written[written.utf8.index(after: $0)...] } ?? written
        func nameEnds(with suffix: String) -> Bool { name.utf8.reversed().starts(with: suffix.utf8.reversed()) }
        // A page, written as its file name or as its path in the content folder (pages/x.md).
        if lastSlash == nil || written.utf8.starts(with: "pages/".utf8) || written.utf8.starts(with: "./pages/".utf8) {
            let suffix = nameEnds(with: ".md") ? 3 : nameEnds(with: ".html") ? 5 : 0
            if suffix > 0 {
                let slug = String(name.utf8.dropLast(suffix))!
                if slug == "index" {
                    guard let anchor, !anchor.isEmpty else { return .chapter("index", anchor: nil) }
                    return Anchors.startPage.contains(anchor) ? .chapter("index", anchor: anchor)
                        : .broken("'\(trimmed)' links to '#\(anchor)', which is not on the start page", hint: "use index.md#chapters, or no anchor")
                }
                return target(chapter: slug, anchor: anchor, written: trimmed, from: chapter)
            }
        }
        let path = String(written)
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
        if outputFolders.contains(where: { normalized == $0 || normalized.hasPrefix($0 + "/") }) {
            return .broken("'\(path)' is inside the output folder, which the build writes",
                           hint: "keep the file in the content folder, e.g. images/, and link to it there")
        }
        switch files.entry(at: normalized) {
        case .file?:
            return .asset(normalized)
        case nil, .problem(.missing)?:
            return .broken("the file '\(path)' does not exist", hint: "paths are relative to the content folder, e.g. images/map.png")
        case let .problem(problem)?:
            let (message, hint) = problem.message(folderName: "content folder")
            return .broken("'\(path)': \(message)", hint: hint)
        case let .linkToUnpublishable(real)?:
            return .broken("'\(path)' is a link to '\(real)', which is not a picture or a document the handbook can publish",
                           hint: "link to the file itself; files may be \(Self.publishableExtensions.sorted().joined(separator: ", "))")
        }
    }

    private func target(chapter slug: String, anchor: String?, written: String, from source: String) -> Target {
        guard let position = outline.index(of: slug) else {
            if hiddenChapters.contains(slug) {
                return .broken("'\(written)' links to a staff-only page, which clients cannot see",
                               hint: "remove the link from client text, or put it inside a ```staff block")
            }
            let names = outline.chapters.map { $0.slug + ".md" }
            return .broken("'\(written)' links to a page that does not exist",
                           hint: Suggestion.hint(for: slug + ".md", in: names, noun: "page"))
        }
        // The anchors are read in place: copying the chapter (and its page) for each link cost more
        // than the lookup.
        if let anchor, !anchor.isEmpty, !outline.chapters[position].anchors.contains(anchor) {
            let chapter = outline.chapters[position]
            if untranslated.chapters.contains(source), untranslated.anchors[slug]?.contains(anchor) == true {
                return .chapter(slug, anchor: nil)
            }
            if hiddenAnchors[slug]?.contains(anchor) == true {
                return .broken("'\(written)' links to a staff-only part of '\(chapter.title)', which clients cannot see",
                               hint: "remove the link from client text, or put it inside a ```staff block")
            }
            return .broken("'\(written)' links to '#\(anchor)', which is not a heading in '\(chapter.title)'",
                           hint: Suggestion.hint(for: anchor, in: chapter.anchors.sorted(), noun: "heading id"))
        }
        return .chapter(slug, anchor: anchor?.isEmpty == true ? nil : anchor)
    }

    /// Kinds of files a page may link to or show, copied into the output: pictures, PDFs, sound,
    /// video, fonts and style sheets. Never a data file, a Markdown source or a template.
    public static let publishableExtensions: Set<String> = [
        "png", "jpg", "jpeg", "gif", "webp", "svg", "avif", "pdf",
        "mp3", "m4a", "ogg", "oga", "wav", "mp4", "webm", "ogv", "woff", "woff2", "ttf", "otf", "css",
    ]

    /// Whether the destination's path (before any `#`) ends in a publishable kind of file: the
    /// only links that can be assets. By bytes, since every link of an output is asked.
    static func mayBeAsset(_ destination: String) -> Bool {
        let bytes = destination.utf8
        let path = bytes[..<(bytes.firstIndex(of: UInt8(ascii: "#")) ?? bytes.endIndex)]
        guard let dot = path.lastIndex(of: UInt8(ascii: ".")) else { return false }
        let fileExtension = path[path.index(after: dot)...]
        guard (3...5).contains(fileExtension.count) else { return false }
        return publishableExtensions.contains(String(decoding: fileExtension.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self))
    }

    /// Ids on the start page a link may point at.

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
