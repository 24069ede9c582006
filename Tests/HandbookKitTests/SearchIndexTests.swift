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
}
