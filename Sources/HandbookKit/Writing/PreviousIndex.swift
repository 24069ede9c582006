import Foundation

/// The search index of the output a build replaces. A part of the new index whose pages are the
/// old part's pages, none of them written anew (each the old file, see `PreviousOutput`), would
/// be the same bytes: it is taken over by hard links instead of being made again by Pagefind.
/// A rebuild after a small edit indexes only the parts that hold a changed page.
///
/// Taken over only when the old index was made the way this build makes one: the same recipe
/// (Pagefind's version, what it is given, how pages are split; see `SearchParts.recipe`) and, for
/// each part, the same list of pages. Anything else, and the part is made again.
struct PreviousIndex {
    /// The old output folder.
    let folder: String
    /// Each old part's page-list hash, by its folder name (`pagefind-2`).
    let pageLists: [String: String]

    /// The index of the old output `folder`, or nil when there is none to take parts from.
    /// Asks Pagefind's version (`pagefindVersion`) only when there is one.
    static func read(_ folder: String, size: SearchParts.Size, pagefindVersion: () -> String?) -> PreviousIndex? {
        let listPath = folder + "/" + SearchParts.bundle(0) + "/" + SearchParts.listName
        guard let data = FileManager.default.contents(atPath: listPath),
              let list = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let recipe = list["recipe"] as? String, let parts = list["parts"] as? [[String: Any]],
              let version = pagefindVersion(), recipe == SearchParts.recipe(pagefind: version, size: size) else { return nil }
        var pageLists: [String: String] = [:]
        for part in parts {
            guard let bundle = (part["folder"] as? String)?.dropLast(), let pages = part["pages"] as? String else { continue }
            pageLists[String(bundle)] = pages
        }
        return PreviousIndex(folder: folder, pageLists: pageLists)
    }

    /// Puts the old part `index` into the new output folder `output`, when its pages are the
    /// new part's; returns whether it did. `parts.json` is left out: the build writes a new one.
    func takeOver(part index: Int, of parts: SearchParts, into output: String) -> Bool {
        let bundle = SearchParts.bundle(index)
        guard pageLists[bundle] == parts.pageListHash(index) else { return false }
        let target = output + "/" + bundle
        var status = stat()
        guard lstat(folder, &status) == 0, status.st_mode & S_IFMT == S_IFDIR,
              lstat(folder + "/" + bundle, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { return false }
        do {
            try linkTree(folder + "/" + bundle, to: target, leavingOut: bundle == SearchParts.bundle(0) ? SearchParts.listName : nil)
            return true
        } catch {
            try? FileManager.default.removeItem(atPath: target)
            return false
        }
    }

    /// Links every file under `source` to the same path under `target`; only real folders and
    /// files (a symbolic link in an index is not Pagefind's, so the part is made again).
    private func linkTree(_ source: String, to target: String, leavingOut topName: String?) throws {
        let fileManager = FileManager.default
        try fileManager.createDirectory(atPath: target, withIntermediateDirectories: false)
        for name in try fileManager.contentsOfDirectory(atPath: source).sorted() where name != topName {
            let from = source + "/" + name, to = target + "/" + name
            var status = stat()
            guard lstat(from, &status) == 0 else { throw CocoaError(.fileReadUnknown) }
            switch status.st_mode & S_IFMT {
            case S_IFDIR: try linkTree(from, to: to, leavingOut: nil)
            case S_IFREG: guard link(from, to) == 0 else { throw CocoaError(.fileWriteUnknown) }
            default: throw CocoaError(.fileReadUnknown)
            }
        }
    }
}
