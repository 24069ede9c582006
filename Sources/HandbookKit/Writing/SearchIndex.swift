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

    public static func build(in folder: String, tool: ExternalTool) throws {
        try tool.run(["--site", folder, "--glob", pageGlob, "--quiet"], environment: allocatorSetting)
        try sortEntryFile(folder + "/pagefind/pagefind-entry.json")
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

/// The search indexes of a build: one Pagefind per output, all at once (Pagefind uses a single
/// core for much of its work).
struct SearchIndexing {
    let tool: ExternalTool
    private(set) var folders: [String] = []

    init(tool: ExternalTool) {
        self.tool = tool
    }

    mutating func add(_ folder: String) {
        folders.append(folder)
    }

    /// Builds every index; throws the first failure, by folder, once all have ended (none is
    /// left writing into a staging folder that a failed build then removes).
    func build(timer: StageTimer) throws {
        guard !folders.isEmpty else { return }
        let failures = timer.measure("search index") {
            folders.concurrentMap { folder -> Error? in
                do { try SearchIndex.build(in: folder, tool: tool); return nil } catch { return error }
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
    }
}
