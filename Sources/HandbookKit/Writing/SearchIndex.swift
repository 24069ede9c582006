import Foundation

/// Builds the Pagefind search index of a written output, inside that output's folder, so search
/// works offline and on an intranet. The index holds what the output's pages hold and nothing
/// else: the client handbook's index is made from client pages only. Pagefind keeps one index
/// per page language (`<html lang>`), so a translated output searches its own language.
public enum SearchIndex {
    /// Every HTML file but `print.html` (in any folder): the print page holds every chapter
    /// again and has no `data-pagefind-body`, so Pagefind read and parsed a third of a large
    /// output only to drop it. Pagefind's globs cannot exclude a name, so this lists every other
    /// one: names of one to four characters, of five that differ from "print" somewhere, and
    /// of six or more.
    static let pageGlob = "**/{?,??,???,????,[!p]????,p[!r]???,pr[!i]??,pri[!n]?,prin[!t],??????*}.html"

    /// Pagefind's allocator keeps freed memory for reuse unless told to give it back: with this,
    /// its peak at 10,000 pages is a quarter lower, and the index the same bytes.
    static let allocatorSetting = ["_RJEM_MALLOC_CONF": "dirty_decay_ms:0,muzzy_decay_ms:0"]

    /// The whole output in one index, `pagefind/`.
    public static func build(in folder: String, tool: ExternalTool) throws {
        try buildPart(nil, bundle: SearchParts.bundle(0), of: folder, tool: tool)
    }

    /// One part of a large output (see `SearchParts`), or with `pages` nil the whole output.
    /// Pagefind is given a folder of hard links to the part's pages, at the same paths, so that
    /// it finds the same addresses. The new index replaces the part's folder once complete: a
    /// preview never reads half of one, and no file of an older index (a removed page's text)
    /// stays behind.
    static func buildPart(_ pages: [String]?, bundle: String, of folder: String, tool: ExternalTool) throws {
        let scratch = (folder as NSString).deletingLastPathComponent + "/" + OutputWriter.stagingPrefix + "search-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var site = folder, arguments = ["--glob", pageGlob]
        if let pages {
            site = scratch + "/site"
            arguments = []
            for page in pages { try link(folder + "/" + page, to: site + "/" + page) }
        }
        try tool.run(["--site", site, "--output-path", scratch + "/index", "--quiet"] + arguments, environment: allocatorSetting)
        try sortEntryFile(scratch + "/index/pagefind-entry.json")
        let target = folder + "/" + bundle
        if FileManager.default.fileExists(atPath: target) { try FileManager.default.moveItem(atPath: target, toPath: scratch + "/old") }
        try FileManager.default.moveItem(atPath: scratch + "/index", toPath: target)
    }

    /// A hard link, which costs no copy; a copy where the file system refuses links.
    private static func link(_ file: String, to path: String) throws {
        let parent = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        if Foundation.link(file, path) != 0 { try FileManager.default.copyItem(atPath: file, toPath: path) }
    }

    /// Pagefind lists the languages of `pagefind-entry.json` in no fixed order; written again
    /// with sorted keys, the same pages give the same bytes (the browser reads it as JSON).
    static func sortEntryFile(_ path: String) throws {
        guard let data = FileManager.default.contents(atPath: path),
              let json = try? JSONSerialization.jsonObject(with: data) else { return }
        let sorted = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys, .withoutEscapingSlashes])
        try sorted.write(to: URL(fileURLWithPath: path))
    }
}

/// The search indexes of a build: one Pagefind per output, or per part of a large output (see
/// `SearchParts`), all at once (Pagefind uses a single core for much of its work).
struct SearchIndexing {
    let tool: ExternalTool
    let size: SearchParts.Size
    private var outputs: [Output] = []

    private struct Output {
        var name: String
        var folder: String
        var changedPages: Set<String>?
        var previous: SearchParts?
        /// The folder of the output this one replaces, whose index parts may be taken over.
        var replacing: String?
    }

    init(tool: ExternalTool, size: SearchParts.Size = .build) {
        self.tool = tool
        self.size = size
    }

    /// An output to index. Under `serve`, `changedPages` (paths inside the folder) and the parts
    /// of its previous index say which parts to index again; without them, all are.
    mutating func add(_ name: String, folder: String, changedPages: Set<String>? = nil, previous: SearchParts? = nil) {
        outputs.append(Output(name: name, folder: folder, changedPages: changedPages, previous: previous))
    }

    /// An output of a build, written in `folder` to replace the output in `replacing`: a part
    /// whose pages are the old part's, none in `changedPages`, is taken from the old index.
    mutating func add(_ name: String, folder: String, replacing: String, changedPages: Set<String>) {
        outputs.append(Output(name: name, folder: folder, changedPages: changedPages, replacing: replacing))
    }

    /// Builds every index; throws the first failure, by folder, once all have ended (none is
    /// left writing into a staging folder that a failed build then removes). Returns each
    /// output's parts, by name, for the next build under `serve` to compare with.
    func build(timer: StageTimer) throws -> [String: SearchParts] {
        guard !outputs.isEmpty else { return [:] }
        return try timer.measure("search index") {
            let plans = outputs.map { SearchParts.plan($0.folder, size: size, previous: $0.previous) }
            var jobs: [(folder: String, parts: SearchParts, index: Int, old: PreviousIndex?)] = []
            // "pagefind 1.5.2": asked once, only if an old index is there.
            var version: String??
            func pagefindVersion() -> String? {
                if version == nil { version = (try? tool.run(["--version"]))?.split(whereSeparator: \.isWhitespace).last.map(String.init) }
                return version!
            }
            for (output, parts) in zip(outputs, plans) {
                if let replacing = output.replacing, let changed = output.changedPages {
                    let old = PreviousIndex.read(replacing, size: size, pagefindVersion: pagefindVersion)
                    for index in parts.pages.indices {
                        let unchanged = !parts.pages[index].contains(where: changed.contains)
                        jobs.append((output.folder, parts, index, unchanged ? old : nil))
                    }
                    continue
                }
                for index in parts.partsToIndex(changedPages: output.changedPages, previous: output.previous) {
                    jobs.append((output.folder, parts, index, nil))
                }
            }
            let failures = jobs.concurrentMap { job -> Error? in
                if let old = job.old, old.takeOver(part: job.index, of: job.parts, into: job.folder) { return nil }
                // One part is the whole output, which Pagefind reads in place.
                let pages = job.parts.count == 1 ? nil : job.parts.pages[job.index]
                do {
                    try SearchIndex.buildPart(pages, bundle: SearchParts.bundle(job.index), of: job.folder, tool: tool)
                    return nil
                } catch {
                    return error
                }
            }
            if let failure = failures.compactMap({ $0 }).first { throw failure }
            for (output, parts) in zip(outputs, plans) {
                try SearchParts.list(of: output.folder, parts: parts, size: size)
                    .write(to: URL(fileURLWithPath: "\(output.folder)/\(SearchParts.bundle(0))/\(SearchParts.listName)"))
                SearchParts.removeBundles(of: output.folder, from: parts.count)
            }
            return Dictionary(uniqueKeysWithValues: zip(outputs.map(\.name), plans))
        }
    }
}
