import Foundation

/// What a run of builds (`handbook serve`) keeps from one build to the next, so that after a
/// change only what depends on it is done again: pages whose file did not change are not read
/// again, Markdown whose text did not change is not parsed again, chapters whose inputs did not
/// change are not rendered again, and only files whose bytes changed are written.
///
/// Every cache is keyed by the inputs themselves (file stamps, texts, signatures of everything a
/// chapter shows), so a stale entry cannot be used: it simply stops matching.
public final class BuildSession: @unchecked Sendable {
    private let lock = NSLock()
    private var pages: [String: (stamp: String, page: Page?, diagnostics: [Diagnostic])] = [:]
    private var documents: [String: (text: String, document: MarkdownDocument)] = [:]
    private var chapters: [String: (key: Int, value: String)] = [:]
    /// What the last build wrote, per output file: a hash of its bytes. Empty before the first
    /// build, which writes everything the usual all-or-nothing way.
    var written: [String: Int] = [:]
    public private(set) var builds = 0

    func finishedBuild() { builds += 1 }

    public init() {}

    // MARK: Pages

    func page(at file: String, load: () -> (Page?, [Diagnostic])) -> (Page?, [Diagnostic]) {
        let attributes = try? FileManager.default.attributesOfItem(atPath: file)
        let stamp = "\(attributes?[.size] ?? -1)-\((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1)"
        if let cached = lock.withLock({ pages[file] }), cached.stamp == stamp { return (cached.page, cached.diagnostics) }
        let loaded = load()
        lock.withLock { pages[file] = (stamp, loaded.0, loaded.1) }
        return loaded
    }

    // MARK: Markdown

    func document(_ source: MarkdownSource, audience: Audience, allowRawHTML: Bool, language: String,
                  make: () -> MarkdownDocument) -> MarkdownDocument {
        // By language too: a staff block's label is in the edition's language.
        let key = "\(audience.rawValue)|\(allowRawHTML)|\(language)|\(source.origin)"
        if let cached = lock.withLock({ documents[key] }), cached.text == source.text { return cached.document }
        let document = make()
        lock.withLock { documents[key] = (source.text, document) }
        return document
    }

    // MARK: Rendered chapters

    /// A rendered piece (a chapter page, or a chapter's part of the print page), made again only
    /// when `key`, a hash of everything it shows, changes.
    func rendered(_ name: String, key: Int, render: () -> String) -> String {
        if let cached = lock.withLock({ chapters[name] }), cached.key == key { return cached.value }
        let value = render()
        lock.withLock { chapters[name] = (key, value) }
        return value
    }
}
