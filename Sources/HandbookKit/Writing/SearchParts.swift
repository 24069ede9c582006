import Foundation

/// How an output's pages are split into search indexes ("parts") that the search page merges.
///
/// One Pagefind run holds a whole output in memory while it builds the index: 1.1 GB at 10,000
/// pages, where 3,000 pages took 360 MB. A large output is therefore indexed in parts of a
/// bounded size, each by its own Pagefind, and the search page asks every part (Pagefind's
/// `mergeIndex`). Under `serve`, parts are small, so that an edited page is indexed again with
/// its part alone.
///
/// A page's part is a hash of its path, so adding or removing a page changes no other page's
/// part; part 1's index is `pagefind/`, as always, and part k's `pagefind-k/`.
struct SearchParts: Equatable {
    /// The pages of each part, by path inside the output folder, sorted.
    var pages: [[String]]

    var count: Int { pages.count }

    /// Where part `index` (from 0) puts its index, inside the output folder.
    static func bundle(_ index: Int) -> String { index == 0 ? "pagefind" : "pagefind-\(index + 1)" }

    /// The file in the first part's folder that names every part, for the search page.
    static let listName = "parts.json"

    /// How large a part may grow, in bytes of HTML. A build's parts keep each Pagefind well
    /// under 500 MB (it held about 11 bytes per byte of HTML); `serve` wants parts that index in
    /// a tenth of a second, and at most 16 of them, so that the search page merges few.
    struct Size: Equatable, Sendable {
        var bytesPerPart: Int
        var maximumParts: Int

        static let build = Size(bytesPerPart: 24_000_000, maximumParts: .max)
        static let preview = Size(bytesPerPart: 1_000_000, maximumParts: 16)

        /// How many parts `bytes` of pages make. A preview keeps its previous count while the
        /// new one is within a factor of two, so that an edit does not move every page.
        func parts(for bytes: Int, previous: Int?) -> Int {
            let wanted = Swift.min(maximumParts, Swift.max(1, (bytes + bytesPerPart - 1) / bytesPerPart))
            if let previous, wanted <= previous * 2, wanted * 2 >= previous { return previous }
            return wanted
        }
    }

    /// Splits the pages of `folder` into parts of at most `size`.
    static func plan(_ folder: String, size: Size, previous: SearchParts? = nil) -> SearchParts {
        var found = pages(in: folder)
        let count = size.parts(for: found.reduce(0) { $0 + $1.bytes }, previous: previous?.count)
        guard count > 1 else { return SearchParts(pages: [found.map(\.path).sorted()]) }
        found = markedOnly(found, in: folder)
        var parts = [[String]](repeating: [], count: count)
        for page in found { parts[Int(stableHash(page.path) % UInt64(count))].append(page.path) }
        // Pagefind refuses a folder without pages: a part left empty by the hash is dropped.
        let filled = parts.filter { !$0.isEmpty }
        return SearchParts(pages: filled.isEmpty ? [[]] : filled.map { $0.sorted() })
    }

    /// The pages Pagefind is given, with their sizes: every `.html` file but `print.html`,
    /// outside Pagefind's own folders.
    static func pages(in folder: String) -> [(path: String, bytes: Int)] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var found: [(path: String, bytes: Int)] = []
        while let path = walker.nextObject() as? String {
            let name = (path as NSString).lastPathComponent
            if walker.level == 1, name == bundle(0) || (name.hasPrefix("pagefind-") && name.dropFirst(9).allSatisfy(\.isNumber)) {
                walker.skipDescendants()
                continue
            }
            guard name.hasSuffix(".html"), name != "print.html" else { continue }
            let size = BuildCache.FileStamp(folder + "/" + path).size
            if size >= 0 { found.append((path, Int(size))) }
        }
        return found
    }

    /// When some page carries `data-pagefind-body`, only the pages that do: Pagefind applies that
    /// rule to the pages of one run, and a part must index what the whole output would. (One
    /// part is the whole output, which Pagefind judges itself: its pages need not be read here.)
    private static func markedOnly(_ pages: [(path: String, bytes: Int)], in folder: String) -> [(path: String, bytes: Int)] {
        let mark = Data("data-pagefind-body".utf8)
        let marked = pages.filter { FileManager.default.contents(atPath: folder + "/" + $0.path)?.range(of: mark) != nil }
        return marked.isEmpty ? pages : marked
    }

    /// FNV-1a over the path's bytes: the same part on every machine and in every run (Swift's
    /// own `Hasher` is seeded anew in each process).
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The parts to index: under `serve`, those whose pages are not the previous build's, or
    /// hold a page that changed; without `changedPages` (a whole build), all.
    func partsToIndex(changedPages: Set<String>?, previous: SearchParts?) -> [Int] {
        pages.indices.filter { index in
            guard let changedPages, let previous, previous.count == count else { return true }
            return previous.pages[index] != pages[index] || pages[index].contains(where: changedPages.contains)
        }
    }

    /// `parts.json`, read by the search page: each part's folder (relative to the output folder)
    /// and the languages its index holds, read from the part's own `pagefind-entry.json`.
    /// Pagefind asked for a language a part lacks answers from the part's largest language, so
    /// the search page asks only the parts that hold the page's language.
    ///
    /// For the next build (`PreviousIndex`), each part also has a hash of its page list, and the
    /// list the `recipe` of the index: what, besides the pages, decides its bytes.
    static func list(of folder: String, parts: SearchParts, size: Size) -> Data {
        var version = ""
        let entries = parts.pages.indices.map { index -> String in
            let entry = FileManager.default.contents(atPath: "\(folder)/\(bundle(index))/pagefind-entry.json")
                .flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
            if index == 0 { version = entry?["version"] as? String ?? "" }
            let languages = ((entry?["languages"] as? [String: Any])?.keys.sorted() ?? []).map { "\"\($0)\"" }
            let pages = parts.pageListHash(index)
            return "{\"folder\":\"\(bundle(index))/\",\"languages\":[\(languages.joined(separator: ","))],\"pages\":\"\(pages)\"}"
        }
        return Data("{\"parts\":[\(entries.joined(separator: ","))],\"recipe\":\"\(recipe(pagefind: version, size: size))\"}\n".utf8)
    }

    /// A hash of part `index`'s page list.
    func pageListHash(_ index: Int) -> String {
        String(Self.stableHash(pages[index].joined(separator: "\n")), radix: 16)
    }

    /// What decides an index's bytes besides its pages: Pagefind's version, what it is given,
    /// how pages are split. Raise the number at the start when the index is made differently
    /// in another way, so that no build takes over an index made the old way.
    static func recipe(pagefind version: String, size: Size) -> String {
        let recipe = "1; pagefind \(version); \(SearchIndex.pageGlob); parts of \(size.bytesPerPart) bytes, at most \(size.maximumParts)"
        return String(stableHash(recipe), radix: 16)
    }

    /// Removes the folders of parts from `count` on, left by a previous index with more parts.
    static func removeBundles(of folder: String, from count: Int) {
        var index = Swift.max(count, 1)
        while FileManager.default.fileExists(atPath: folder + "/" + bundle(index)) {
            try? FileManager.default.removeItem(atPath: folder + "/" + bundle(index))
            index += 1
        }
    }
}
