import Foundation
import XCTest
@testable import HandbookKit

/// How the build runs Pagefind: which pages it gives it, and what a failing Pagefind does.
final class SearchIndexTests: XCTestCase, LeakyProgramTests {
    private let marked = #"<html lang="en"><body><main data-pagefind-body><h1>Title</h1><p>Words of PAGE.</p></main></body></html>"#

    /// `print.html` holds every chapter again: Pagefind is not given it, in any language's
    /// folder, while every other name is kept, those close to "print" too.
    func testThePrintPageIsLeftOutAndEveryOtherPageKept() throws {
        guard let pagefind = ExternalTool.pagefind else {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("pagefind-bin is missing in CI") }
            throw XCTSkip("python3 -m pip install pagefind-bin to run this test")
        }
        let folder = try temporaryFolder(self)
        let kept = ["index.html", "p.html", "pr.html", "prin.html", "prints.html", "sprint.html", "print-rules.html",
                    "printer.html", "paint.html", "Print.html", "family-and-support.html", "es/index.html", "es/reglas.html"]
        for path in kept + ["print.html", "es/print.html"] {
            try write(marked.replacingOccurrences(of: "PAGE", with: "zq" + path.filter(\.isLetter)), to: folder + "/" + path)
        }
        try SearchIndex.build(in: folder, tool: pagefind)
        let indexed = Self.files(under: folder + "/pagefind").filter { $0.0.hasSuffix(".pf_fragment") }
            .map { String(decoding: Self.decompressed($0.1), as: UTF8.self) }
        let words = Set(indexed.compactMap { fragment in
            fragment.range(of: #"zq[a-zA-Z]+"#, options: .regularExpression).map { String(fragment[$0]) }
        })
        XCTAssertEqual(words, Set(kept.map { "zq" + $0.filter(\.isLetter) }))
    }

    /// A Pagefind that stops is an error that says what Pagefind said (the build then swaps
    /// nothing in).
    func testAPagefindThatStopsIsAnErrorWithWhatItSaid() throws {
        let folder = try temporaryFolder(self)
        try write("""
        #!/bin/sh
        case "$*" in *--version*) echo "pagefind 1.5.2"; exit 0;; esac
        echo "pagefind: out of memory" >&2
        exit 3
        """, to: folder + "/bin/pagefind")
        XCTAssertEqual(chmod(folder + "/bin/pagefind", 0o755), 0)
        let tool = ExternalTool(executable: folder + "/bin/pagefind", prefixArguments: [])
        try write(marked, to: folder + "/site/index.html")
        XCTAssertThrowsError(try SearchIndex.build(in: folder + "/site", tool: tool)) { error in
            XCTAssertTrue("\(error)".contains("out of memory"), "\(error)")
            XCTAssertTrue("\(error)".contains("(3)"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/site/pagefind"))
    }

    private func pagefindOrSkip() throws -> ExternalTool {
        guard let pagefind = ExternalTool.pagefind else {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("pagefind-bin is missing in CI") }
            throw XCTSkip("python3 -m pip install pagefind-bin to run this test")
        }
        return pagefind
    }

    /// The marked words each part's index holds, by part folder.
    private func wordsByPart(_ folder: String) throws -> [String: Set<String>] {
        var found: [String: Set<String>] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasPrefix("pagefind") {
            let fragments = Self.files(under: folder + "/" + name).filter { $0.0.hasSuffix(".pf_fragment") }
                .map { String(decoding: Self.decompressed($0.1), as: UTF8.self) }
            found[name] = Set(fragments.compactMap { fragment in
                fragment.range(of: #"zq[a-zA-Z0-9]+"#, options: .regularExpression).map { String(fragment[$0]) }
            })
        }
        return found
    }

    private func writePages(_ names: [String], in folder: String, word: (String) -> String = { "zq" + $0.filter(\.isLetter) + $0.filter(\.isNumber) }) throws {
        for path in names {
            let page = marked.replacingOccurrences(of: "PAGE", with: word(path))
            try write(path.hasPrefix("es/") ? page.replacingOccurrences(of: "lang=\"en\"", with: "lang=\"es\"") : page, to: folder + "/" + path)
        }
    }

    /// A large output is indexed in parts, each by its own Pagefind (one Pagefind over 10,000
    /// pages held 1.1 GB): every page is in exactly one part, the print pages in none, and
    /// `pagefind/parts.json` names the other parts for the search page.
    func testALargeOutputIsIndexedInPartsThatHoldEveryPageOnce() throws {
        let pagefind = try pagefindOrSkip()
        let folder = try temporaryFolder(self) + "/handbook"
        let pages = (1...24).map { "page-\($0).html" } + ["index.html", "es/index.html", "es/pagina-1.html", "es/pagina-2.html"]
        try writePages(pages + ["print.html", "es/print.html"], in: folder)
        try write("<html lang=\"en\"><body><main><p>zqunmarked</p></main></body></html>", to: folder + "/search.html")
        let size = SearchParts.Size(bytesPerPart: 1_000, maximumParts: 8)

        var indexing = SearchIndexing(tool: pagefind, size: size)
        indexing.add("handbook", folder: folder)
        let parts = try XCTUnwrap(indexing.build(timer: StageTimer())["handbook"])
        XCTAssertGreaterThan(parts.count, 2)
        let words = try wordsByPart(folder)
        XCTAssertEqual(Set(words.keys), Set((0..<parts.count).map(SearchParts.bundle)))
        let all = words.values.flatMap { $0 }
        XCTAssertEqual(all.count, pages.count, "each page in one part only")
        XCTAssertEqual(Set(all), Set(pages.map { "zq" + $0.filter(\.isLetter) + $0.filter(\.isNumber) }))
        for (index, pagesOfPart) in parts.pages.enumerated() {
            XCTAssertEqual(words[SearchParts.bundle(index)], Set(pagesOfPart.map { "zq" + $0.filter(\.isLetter) + $0.filter(\.isNumber) }))
        }
        // The list names every part with the languages of its pages: the search page asks only
        // the parts of its own language.
        let list = try read(folder + "/pagefind/parts.json")
        let listed = parts.pages.enumerated().map { index, pagesOfPart in
            let languages = Set(pagesOfPart.map { $0.hasPrefix("es/") ? "es" : "en" }).sorted().map { "\"\($0)\"" }
            return "{\"folder\":\"\(SearchParts.bundle(index))/\",\"languages\":[\(languages.joined(separator: ","))],"
                + "\"pages\":\"\(parts.pageListHash(index))\"}"
        }
        XCTAssertEqual(list, "{\"parts\":[" + listed.joined(separator: ",") + "],\"recipe\":\"\(try recipe(of: pagefind, size))\"}\n")
        XCTAssertTrue(listed.contains { !$0.contains("\"es\"") }, "a part without Spanish pages: \(list)")
        // Nothing is left beside the output: the parts' folders of links are gone.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: (folder as NSString).deletingLastPathComponent), ["handbook"])

        // The same pages, the same parts and the same bytes.
        let again = try temporaryFolder(self) + "/handbook"
        try writePages(pages + ["print.html", "es/print.html"], in: again)
        try write("<html lang=\"en\"><body><main><p>zqunmarked</p></main></body></html>", to: again + "/search.html")
        var second = SearchIndexing(tool: pagefind, size: size)
        second.add("handbook", folder: again)
        XCTAssertEqual(try second.build(timer: StageTimer())["handbook"], parts)
        XCTAssertEqual(Self.files(under: again).filter { $0.0.contains("pagefind") }.map(\.0),
                       Self.files(under: folder).filter { $0.0.contains("pagefind") }.map(\.0))
    }

    /// Under `serve`, an edit indexes again only the part of the edited page; when pages go and
    /// fewer parts are needed, the extra parts' folders go too.
    func testAnEditIndexesOnlyThePartOfTheEditedPage() throws {
        let pagefind = try pagefindOrSkip()
        let folder = try temporaryFolder(self) + "/handbook"
        let pages = (1...24).map { "page-\($0).html" }
        try writePages(pages, in: folder)
        let size = SearchParts.Size(bytesPerPart: 1_000, maximumParts: 8)
        var first = SearchIndexing(tool: pagefind, size: size)
        first.add("handbook", folder: folder)
        let parts = try XCTUnwrap(first.build(timer: StageTimer())["handbook"])
        func entryStamps() -> [String: Date] {
            var stamps: [String: Date] = [:]
            for index in 0..<parts.count {
                let path = folder + "/" + SearchParts.bundle(index) + "/pagefind-entry.json"
                stamps[SearchParts.bundle(index)] = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
            }
            return stamps
        }
        let before = entryStamps()
        Thread.sleep(forTimeInterval: 0.05)

        let edited = pages[7]
        let part = try XCTUnwrap(parts.pages.firstIndex { $0.contains(edited) })
        try writePages([edited], in: folder) { _ in "zqeditedword" }
        var rebuild = SearchIndexing(tool: pagefind, size: size)
        rebuild.add("handbook", folder: folder, changedPages: [edited, "print.html"], previous: parts)
        XCTAssertEqual(try rebuild.build(timer: StageTimer())["handbook"], parts, "an edit moves no page to another part")
        let after = entryStamps()
        for index in 0..<parts.count {
            let name = SearchParts.bundle(index)
            if index == part { XCTAssertNotEqual(after[name], before[name], "the edited page's part is indexed again") }
            else { XCTAssertEqual(after[name], before[name], "\(name) was indexed again for an edit elsewhere") }
        }
        XCTAssertTrue(try wordsByPart(folder)[SearchParts.bundle(part)]?.contains("zqeditedword") == true)

        // Most pages removed: one part is enough, and the others' folders are removed.
        for page in pages.dropFirst(3) { try FileManager.default.removeItem(atPath: folder + "/" + page) }
        var shrunk = SearchIndexing(tool: pagefind, size: size)
        shrunk.add("handbook", folder: folder, changedPages: Set(pages.dropFirst(3)), previous: parts)
        XCTAssertEqual(try shrunk.build(timer: StageTimer())["handbook"]?.count, 1)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("pagefind") }, ["pagefind"])
        XCTAssertEqual(try read(folder + "/pagefind/parts.json"),
                       "{\"parts\":[{\"folder\":\"pagefind/\",\"languages\":[\"en\"],\"pages\":\"\(SearchParts(pages: [pages.prefix(3).sorted()]).pageListHash(0))\"}],"
                       + "\"recipe\":\"\(try recipe(of: pagefind, size))\"}\n")
        XCTAssertEqual(try wordsByPart(folder)["pagefind"], Set(pages.prefix(3).map { "zq" + $0.filter(\.isLetter) + $0.filter(\.isNumber) }))
    }

    /// The recipe `parts.json` names for this Pagefind and size of parts.
    private func recipe(of pagefind: ExternalTool, _ size: SearchParts.Size) throws -> String {
        let version = try XCTUnwrap(pagefind.run(["--version"]).split(whereSeparator: \.isWhitespace).last)
        return SearchParts.recipe(pagefind: String(version), size: size)
    }

    /// The files of every part's folder, by path, and their inode numbers.
    private func indexFiles(_ folder: String) -> [String: UInt] {
        var found: [String: UInt] = [:]
        for (path, _) in Self.files(under: folder) where path.hasPrefix("pagefind") {
            var status = stat()
            if lstat(folder + "/" + path, &status) == 0 { found[path] = UInt(status.st_ino) }
        }
        return found
    }

    /// A build over an old output takes over the index parts whose pages did not change (by hard
    /// links), and indexes the others again: the result is the same bytes as a new index.
    func testARebuildTakesOverThePartsWhosePagesDidNotChange() throws {
        let pagefind = try pagefindOrSkip()
        let size = SearchParts.Size(bytesPerPart: 1_000, maximumParts: 8)
        let pages = (1...24).map { "page-\($0).html" } + ["es/index.html", "es/pagina-1.html"]
        func index(_ folder: String, replacing old: String, changed: Set<String>) throws -> SearchParts {
            var indexing = SearchIndexing(tool: pagefind, size: size)
            indexing.add("handbook", folder: folder, replacing: old, changedPages: changed)
            return try XCTUnwrap(indexing.build(timer: StageTimer())["handbook"])
        }
        let root = try temporaryFolder(self)
        try writePages(pages, in: root + "/old")
        let parts = try index(root + "/old", replacing: root + "/none", changed: Set(pages))
        XCTAssertGreaterThan(parts.count, 2)
        let oldFiles = indexFiles(root + "/old")

        // One page edited: only its part is indexed again.
        let edited = pages[7]
        let editedPart = try XCTUnwrap(parts.pages.firstIndex { $0.contains(edited) })
        try writePages(pages, in: root + "/new")
        try writePages([edited], in: root + "/new") { _ in "zqeditedword" }
        XCTAssertEqual(try index(root + "/new", replacing: root + "/old", changed: [edited]), parts)
        let newFiles = indexFiles(root + "/new")
        for (path, inode) in newFiles where path != "pagefind/parts.json" {
            let inEditedPart = path.hasPrefix(SearchParts.bundle(editedPart) + "/")
            XCTAssertEqual(inode == oldFiles[path], !inEditedPart, "\(path): taken over only outside the edited page's part")
        }
        XCTAssertTrue(try wordsByPart(root + "/new")[SearchParts.bundle(editedPart)]?.contains("zqeditedword") == true)
        // The same bytes as an index made from nothing.
        try writePages(pages, in: root + "/fresh")
        try writePages([edited], in: root + "/fresh") { _ in "zqeditedword" }
        _ = try index(root + "/fresh", replacing: root + "/none", changed: Set(pages))
        XCTAssertEqual(Self.files(under: root + "/new").filter { $0.0.hasPrefix("pagefind") }.map { $0.0 + ":" + $0.1.base64EncodedString() },
                       Self.files(under: root + "/fresh").filter { $0.0.hasPrefix("pagefind") }.map { $0.0 + ":" + $0.1.base64EncodedString() })

        // A page removed: its part's page list differs, so that part is made again.
        let removed = pages[3]
        let removedPart = try XCTUnwrap(parts.pages.firstIndex { $0.contains(removed) })
        try writePages(pages.filter { $0 != removed }, in: root + "/shorter")
        let shorter = try index(root + "/shorter", replacing: root + "/old", changed: [])
        XCTAssertEqual(shorter.count, parts.count)
        XCTAssertFalse(try wordsByPart(root + "/shorter")[SearchParts.bundle(removedPart)]?.contains("zq" + removed.filter(\.isLetter) + removed.filter(\.isNumber)) ?? true)
        for (path, inode) in indexFiles(root + "/shorter") where path.hasPrefix(SearchParts.bundle(removedPart) + "/") {
            XCTAssertNotEqual(inode, oldFiles[path], path)
        }

        // An old index made another way (here: another recipe) gives nothing.
        let list = root + "/old/pagefind/parts.json"
        try write(try read(list).replacingOccurrences(of: "\"recipe\":\"", with: "\"recipe\":\"0"), to: list)
        try writePages(pages, in: root + "/other")
        _ = try index(root + "/other", replacing: root + "/old", changed: [])
        for (path, inode) in indexFiles(root + "/other") { XCTAssertNotEqual(inode, oldFiles[path], path) }
    }
}
