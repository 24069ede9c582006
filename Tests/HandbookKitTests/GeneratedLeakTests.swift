import Foundation
import XCTest
@testable import HandbookKit

/// Staff-only text must never reach a client-facing file, however it is written. `LeakTests`
/// checks each staff-only place once, in one layout; leaks hide in the combinations a hand-written
/// fixture does not try: a ```staff fence in a list item in a block quote, right after a table,
/// in a single-quoted YAML scalar, in a Spanish translation of a staff-only page. This test
/// writes a few hundred random small programs (`GeneratedProgram`), each with a unique marker
/// in every staff-only place, builds each one, and checks that no marker is in any byte of
/// `handbook/` or `schedule/` (the search index decompressed), that every marker is in `manual/`,
/// and that the client "control" markers are in the handbook, so the test cannot pass by
/// writing nothing.
///
/// Runs are reproducible: the seed is fixed. `LEAK_SEED=<n>` uses another seed, `LEAK_COUNT=<n>`
/// sets how many programs are built, and `LEAK_PROGRAM=<n>` builds only program n of the seed (a
/// failure names it). A failing program's folder is kept, and its path printed, to build by hand.
final class GeneratedLeakTests: XCTestCase {
    static let baseSeed: UInt64 = 20_260_107
    static let programCount = 200
    /// Every this many programs, the search index is built and searched too.
    static let searchEvery = 50
    /// After this many failing programs the run stops: one broken rule fails nearly every program.
    static let failingProgramsShown = 3

    func testNoStaffMarkerReachesAClientFileOfARandomProgram() throws {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["LEAK_SEED"].flatMap { UInt64($0) } ?? Self.baseSeed
        let count = environment["LEAK_COUNT"].flatMap { Int($0) } ?? Self.programCount
        let numbers = environment["LEAK_PROGRAM"].flatMap { Int($0) }.map { $0...$0 } ?? 0...count - 1
        if ExternalTool.pagefind == nil, environment["CI"] != nil { XCTFail("pagefind-bin is missing in CI") }
        var built = 0, markers = 0, failing = 0
        for number in numbers where failing < Self.failingProgramsShown {
            built += 1
            var generator = ProgramGenerator(number: number, seed: seed &+ UInt64(number))
            let program = generator.make()
            markers += program.staff.count
            let label = "program \(number) of seed \(seed) (LEAK_SEED=\(seed) LEAK_PROGRAM=\(number) builds it alone)"
            if try !check(program, search: ExternalTool.pagefind != nil && number % Self.searchEvery == 0, label: label) {
                failing += 1
            }
        }
        print("GeneratedLeakTests: \(built) programs, \(markers) staff-only markers, seed \(seed)"
              + (failing == Self.failingProgramsShown ? ", stopped after \(failing) failing programs" : ""))
    }

    /// Builds the program and checks its outputs; false when something failed.
    private func check(_ program: GeneratedProgram, search: Bool, label: String) throws -> Bool {
        let folder = try temporaryFolder(self)
        defer { try? FileManager.default.removeItem(atPath: folder) } // now, not after all the programs
        let content = try program.fixture.write(into: folder)
        let output = folder + "/Public"
        do {
            _ = try Handbook.build(options(content, output, search: search), environment: fixedClock("2026-01-07"))
        } catch let error as DiagnosticsError {
            let errors = error.diagnostics.errors.map { $0.description.replacingOccurrences(of: content + "/", with: "") }
            XCTFail("\(label) does not build (kept in \(keep(content))):\n" + errors.joined(separator: "\n"))
            return false
        }
        var failed = false
        var inClientFiles: Set<String> = [], inSearchIndex: Set<String> = []
        for clientFolder in ["handbook", "schedule"] {
            let files = LeakTests.files(under: output + "/" + clientFolder)
            XCTAssertFalse(files.isEmpty, "\(label): no \(clientFolder)/")
            for (path, data) in files {
                let index = path.hasPrefix("pagefind/")
                for marker in Self.markers(in: Data(path.utf8) + (index ? LeakTests.decompressed(data) : data)) {
                    inClientFiles.insert(marker)
                    if index { inSearchIndex.insert(marker) }
                    guard let place = program.staff[marker] else { continue }
                    failed = true
                    XCTFail("\(label): staff-only \(marker) (\(place)) is in \(clientFolder)/\(path)")
                }
            }
        }
        if search, inSearchIndex.isDisjoint(with: program.client.keys) { // the index was not read
            failed = true
            XCTFail("\(label): no client text in handbook/pagefind/")
        }
        var inManual: Set<String> = []
        for (path, data) in LeakTests.files(under: output + "/manual") { inManual.formUnion(Self.markers(in: Data(path.utf8) + data)) }
        for (marker, place) in program.staff.sorted(by: { $0.key < $1.key }) where !inManual.contains(marker) && !program.shownNowhere.contains(marker) {
            failed = true
            XCTFail("\(label): staff-only \(marker) (\(place)) is missing from manual/")
        }
        for (marker, place) in program.client.sorted(by: { $0.key < $1.key }) where !inClientFiles.contains(marker) {
            failed = true
            XCTFail("\(label): client text \(marker) (\(place)) is missing from handbook/ and schedule/")
        }
        if failed { print("\(label): the program is kept in \(keep(content))") }
        return !failed
    }

    /// Every marker-shaped token in some bytes, lowercased: the fixed-length run from each "lkx" or
    /// "okx", in any letter case, so that markers glued to other bytes are found too.
    static func markers(in data: Data) -> Set<String> {
        var found: Set<String> = []
        data.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            func lowered(_ index: Int) -> UInt8 { bytes[index] | 0x20 } // ASCII letters only matter here
            for x in ["x", "X"] { // memchr keeps the search fast in a debug build
                var offset = 2
                while offset < bytes.count, let hit = memchr(base + offset, Int32(x.utf8.first!), bytes.count - offset) {
                    let start = base.distance(to: UnsafeRawPointer(hit)) - 2, end = start + GeneratedProgram.markerLength
                    offset = start + 3
                    guard end <= bytes.count else { break }
                    if lowered(start) == UInt8(ascii: "l") || lowered(start) == UInt8(ascii: "o"), lowered(start + 1) == UInt8(ascii: "k") {
                        found.insert(String(decoding: bytes[start..<end], as: UTF8.self).lowercased())
                    }
                }
            }
        }
        return found
    }

    /// A copy of a failing program's content folder that outlives the test, to read or build by hand.
    private func keep(_ content: String) -> String {
        let copy = NSTemporaryDirectory() + "generated-leak-" + UUID().uuidString
        try? FileManager.default.copyItem(atPath: content, toPath: copy)
        return copy
    }
}
