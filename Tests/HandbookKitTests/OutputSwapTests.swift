import Foundation
import XCTest
@testable import HandbookKit

/// Each output folder is wholly old or wholly new after any failure and at any instant a build
/// can be killed, and the message says exactly what changed.
final class OutputSwapTests: XCTestCase {
    static let outputs = ["handbook", "manual", "schedule/2026-W02"]

    /// Sets or clears the immutable attribute (`chattr`), which even root cannot write through.
    private func immutable(_ path: String, _ on: Bool) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["chattr", on ? "+i" : "-i", path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw XCTSkip("chattr does not work on this file system") }
    }

    func testAManualThatCannotBeReplacedLeavesEveryOutputAsItWas() throws {
        let (_, content, output) = try oldBuildAndNewContent(self)
        let before = Self.outputs.map { snapshot(output + "/" + $0) }
        try immutable(output + "/manual", true)
        defer { try? immutable(output + "/manual", false) }
        XCTAssertThrowsError(try Handbook.build(options(content, output), environment: fixedClock("2026-01-07"))) { error in
            let message = "\(error)"
            XCTAssertTrue(error is OutputReplaceError, message)
            XCTAssertTrue(message.contains("could not put the new manual/ in place"), message)
            XCTAssertTrue(message.contains("Nothing in \(output)/ was changed"), message)
        }
        XCTAssertEqual(Self.outputs.map { snapshot(output + "/" + $0) }, before, "handbook/ was put back")
        try immutable(output + "/manual", false)
        _ = try Handbook.build(options(content, output), environment: fixedClock("2026-01-07"))
        XCTAssertTrue(try read(output + "/handbook/welcome.html").contains("A NEW SENTENCE."))
        XCTAssertEqual(stagingFolders(in: output), [])
    }

    func testAStagingFolderThatCannotBeRemovedStopsTheBuildBeforeAnyChange() throws {
        let (_, content, output) = try oldBuildAndNewContent(self)
        let stale = output + "/" + OutputWriter.stagingPrefix + "left-by-a-killed-build"
        try write("old staff manual", to: stale + "/manual/index.html")
        let before = Self.outputs.map { snapshot(output + "/" + $0) }
        try immutable(stale + "/manual", true)
        defer { try? immutable(stale + "/manual", false) }
        XCTAssertThrowsError(try Handbook.build(options(content, output), environment: fixedClock("2026-01-07"))) { error in
            XCTAssertTrue("\(error)".contains("could not be removed"), "\(error)")
            XCTAssertTrue("\(error)".contains("Nothing in"), "\(error)")
        }
        XCTAssertEqual(Self.outputs.map { snapshot(output + "/" + $0) }, before)
        try immutable(stale + "/manual", false)
        _ = try Handbook.build(options(content, output), environment: fixedClock("2026-01-07"))
        XCTAssertEqual(stagingFolders(in: output), [], "the next build removes what a killed one left")
    }
}

func stagingFolders(in output: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []).filter { $0.hasPrefix(OutputWriter.stagingPrefix) }
}
