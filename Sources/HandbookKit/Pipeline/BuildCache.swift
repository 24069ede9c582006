import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a run of builds (`handbook serve`) keeps from one build to the next, so that after a
/// change only what depends on it is done again: pages whose file did not change are not read
/// again, Markdown whose text did not change is not parsed again, chapters whose inputs did not
/// change are not rendered again, and only files whose bytes changed are written.
///
/// Every cache is keyed by the inputs themselves (file stamps, texts, signatures of everything a
/// chapter shows), so a stale entry cannot be used: it simply stops matching. The stages see
/// only the small protocol each needs (`LoadedFileCache`, `MarkdownCache`, `RenderedPieceCache`);
/// the written files' layouts go to and from the writer as values.
public final class BuildCache: LoadedFileCache, MarkdownCache, RenderedPieceCache, @unchecked Sendable {
    private let lock = NSLock()
    /// What was read from each page file (a page, a translated page), by path.
    private var files: [String: (stamp: FileStamp, value: Any, diagnostics: [Diagnostic])] = [:]
    private var documents: [DocumentKey: (text: String, document: MarkdownDocument)] = [:]
    private var chapters: [String: (key: Int, value: RenderedBytes)] = [:]
    /// What the last build wrote, per output file: fingerprints of its bytes. Empty before the
    /// first build, which writes everything the usual all-or-nothing way.
    var written: [String: FileLayout] = [:]
    /// How the last build split each output's pages into search indexes, by output name.
    var searchParts: [String: SearchParts] = [:]
    public private(set) var builds = 0

    func finishedBuild() { builds += 1 }

    public init() {}

    // MARK: Pages

    /// A file's size and modification time, read with one `stat`: a thousand pages are looked at
    /// on every rebuild, and FileManager's attribute dictionary cost ten times as much.
    struct FileStamp: Equatable {
        var size: Int64 = -1
        var seconds: Int = -1
        var nanoseconds: Int = -1

        init(_ path: String) {
            var status = stat()
            guard stat(path, &status) == 0 else { return }
            size = Int64(status.st_size)
            #if canImport(Darwin)
            seconds = status.st_mtimespec.tv_sec
            nanoseconds = status.st_mtimespec.tv_nsec
            #else
            seconds = status.st_mtim.tv_sec
            nanoseconds = status.st_mtim.tv_nsec
            #endif
        }
    }

    /// What `load` makes of a file, made again only when the file's size or time changes.
    func loaded<T>(at file: String, load: () -> (T, [Diagnostic])) -> (T, [Diagnostic]) {
        let stamp = FileStamp(file)
        if let cached = lock.withLock({ files[file] }), cached.stamp == stamp, let value = cached.value as? T {
            return (value, cached.diagnostics)
        }
        let loaded = load()
        lock.withLock { files[file] = (stamp, loaded.0, loaded.1) }
        return loaded
    }

    // MARK: Markdown

    private struct DocumentKey: Hashable {
        var audience: Audience
        var allowRawHTML: Bool
        /// A staff block's label is in the edition's language.
        var language: String
        var origin: SourceLocation
    }

    func document(_ source: MarkdownSource, audience: Audience, allowRawHTML: Bool, language: String,
                  make: () -> MarkdownDocument) -> MarkdownDocument {
        let key = DocumentKey(audience: audience, allowRawHTML: allowRawHTML, language: language, origin: source.origin)
        if let cached = lock.withLock({ documents[key] }), cached.text == source.text { return cached.document }
        let document = make()
        lock.withLock { documents[key] = (source.text, document) }
        return document
    }

    // MARK: Rendered chapters

    /// A rendered piece (a chapter page, or a chapter's part of the print page), made again only
    /// when `key`, a hash of everything it shows, changes.
    func rendered(_ name: String, key: Int, render: () -> RenderedBytes) -> RenderedBytes {
        if let cached = lock.withLock({ chapters[name] }), cached.key == key { return cached.value }
        // Kept with its fingerprint, so the next build's writer compares it without hashing it again.
        let value = render().fingerprinted()
        lock.withLock { chapters[name] = (key, value) }
        return value
    }
}
