import Foundation
import XCTest
@testable import HandbookKit

/// Staff-only content must never reach a client-facing file. A program in which every staff-only
/// item holds a unique marker is built; no marker may occur in any byte of any client-facing file,
/// and every marker must occur in the staff manual (so the test cannot pass by dropping content).
///
/// The leaky program is written by kind of content, each beside the tests about it: pages and staff
/// blocks (PageLeakTests.swift), data files (DataFileLeakTests.swift), the schedule
/// (ScheduleLeakTests.swift) and its Spanish translation (TranslationLeakTests.swift). A test class
/// that builds it adopts this protocol.
protocol LeakyProgramTests {}

extension LeakyProgramTests {
    static var markers: [String] {
        [
            "LEAK-PAGE-TITLE", "LEAK-PAGE-SUMMARY", "LEAK-PAGE-BODY", "leak-page-slug",
            "LEAK-BLOCK-PAGE", "LEAK-BLOCK-LIST", "LEAK-BLOCK-TILDE",
            "LEAK-RULE-NOTE", "LEAK-RULE-TEXT-BLOCK", "LEAK-RULE-TITLE", "LEAK-RULE-TEXT",
            "LEAK-FAQ-Q", "LEAK-FAQ-A", "LEAK-FAQ-BLOCK",
            "LEAK-GUIDE-OBJ", "LEAK-GUIDE-MAT", "LEAK-GUIDE-PLAN", "LEAK-TOPIC-TITLE", "LEAK-TOPIC-SUMMARY", "LEAK-TOPIC-BLOCK",
            "555-0177", "leak-email@example.org", "LEAK-STAFF-NOTES", "Leakmarkname", "LEAK-HIDDEN-PERSON", "LEAK-HIDDEN-ROLE",
            "LEAK-SESSION-NOTE", "LEAK-INTRO-BLOCK", "leak-image.png", "LEAK-CHANGE-REASON", "LEAK-EXTRA-NOTE",
            "LEAK-JOIN-LINK", "LEAK-EXTRA-JOIN-LINK",
        ]
    }

    static func leakyProgram() -> ProgramFixture {
        var fixture = ProgramFixture()
        addLeakyDataFiles(to: &fixture)
        addLeakySchedule(to: &fixture)
        addLeakyPages(to: &fixture)
        return fixture
    }

    /// Every file of a folder as bytes.
    static func files(under folder: String) -> [(String, Data)] {
        snapshot(folder).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    static func leaks(in folder: String) -> [String] {
        var found: [String] = []
        for (path, data) in files(under: folder) {
            for marker in markers where data.range(of: Data(marker.utf8)) != nil {
                found.append("\(marker) in \(path)")
            }
        }
        return found
    }

    /// Pagefind's index files are gzip-compressed: search them decompressed.
    static func decompressed(_ data: Data) -> Data {
        guard data.starts(with: [0x1F, 0x8B]) else { return data }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return data }
        DispatchQueue.global().async {
            input.fileHandleForWriting.write(data)
            try? input.fileHandleForWriting.close()
        }
        let result = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return result.isEmpty ? data : result
    }
}

/// The whole leaky program: no marker in a client file, every marker in the manual, and marked there.
final class LeakTests: XCTestCase, LeakyProgramTests {
    func testNoStaffOnlyMarkerReachesAnyClientFile() throws {
        // The build writes the week of 2026-01-07, which holds the dated change and extra session.
        let output = try build(Self.leakyProgram(), today: "2026-01-07")
        for clientFolder in ["/handbook", "/schedule"] {
            XCTAssertEqual(Self.leaks(in: output + clientFolder), [])
            XCTAssertFalse(Self.files(under: output + clientFolder).isEmpty)
        }

        let manual = Self.files(under: output + "/manual")
        for marker in Self.markers {
            XCTAssertTrue(manual.contains { $0.1.range(of: Data(marker.utf8)) != nil }, "\(marker) missing from the manual")
        }
    }

    func testTheHandbookNeverNamesOrLoadsTheManual() throws {
        let output = try build(Self.leakyProgram())
        for (path, data) in Self.files(under: output + "/handbook") {
            XCTAssertNil(data.range(of: Data("manual".utf8)), "handbook/\(path) mentions the manual")
        }
    }

    func testStaffOnlyContentIsVisiblyMarkedInTheManual() throws {
        let output = try build(Self.leakyProgram())
        let rules = try read(output + "/manual/rules.html")
        XCTAssertTrue(rules.contains("<aside class=\"staff-only\"><p class=\"staff-only-label\">Staff only: enforcement</p>"))
        XCTAssertTrue(rules.contains("<section class=\"rule staff-only\">\n<h2 id=\"internal\">"))
        let page = try read(output + "/manual/leak-page-slug.html")
        XCTAssertTrue(page.contains("Staff only: this page is not in the client handbook."))
        XCTAssertTrue(try read(output + "/manual/staff-directory.html").contains("Ana Leakmarkname"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/handbook/staff-directory.html"))
    }
}
