import Foundation
import XCTest
@testable import HandbookKit

/// A rebuild takes over the files of the last build that it would write with the same bytes (by a
/// hard link), and only those: anything odd about an old file, and it is written anew.
final class UnchangedFileTests: XCTestCase, LeakyProgramTests {
    /// The fixture built into `Public`, then its welcome text changed (not yet built).
    private func firstBuild() throws -> (content: String, output: String) {
        let (_, content, output) = try oldBuildAndNewContent(self)
        return (content, output)
    }

    private func rebuild(_ content: String, _ output: String) throws {
        _ = try Handbook.build(options(content, output), environment: fixedClock("2026-01-07"))
    }

    private func status(_ path: String) throws -> stat {
        var status = stat()
        guard lstat(path, &status) == 0 else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
        return status
    }

    func testAnUnchangedPageKeepsItsFileAndAChangedOneGetsANewOne() throws {
        try XCTSkipIf(PreviousOutput.newFileMode == nil, "the umask cannot be read here, so nothing is linked")
        let (content, output) = try firstBuild()
        let unchanged = output + "/handbook/contacts.html", changed = output + "/handbook/welcome.html"
        let unchangedBefore = try status(unchanged), changedBefore = try status(changed)
        let unchangedBytes = try read(unchanged)
        try rebuild(content, output)
        XCTAssertEqual(try status(unchanged).st_ino, unchangedBefore.st_ino, "the same file, linked into the new output")
        XCTAssertEqual(try status(unchanged).st_nlink, 1, "the old output, which held the other link, is gone")
        XCTAssertEqual(try read(unchanged), unchangedBytes)
        XCTAssertNotEqual(try status(changed).st_ino, changedBefore.st_ino)
        XCTAssertTrue(try read(changed).contains("A NEW SENTENCE."))
        XCTAssertEqual(stagingFolders(in: output), [])
    }

    func testAnOldFileEditedByHandIsWrittenAnew() throws {
        let (content, output) = try firstBuild()
        let page = output + "/handbook/contacts.html"
        let right = try read(page)
        // The same length, one letter changed: only a comparison of every byte tells them apart.
        try write(right.replacingOccurrences(of: "</html>", with: "</htmX>"), to: page)
        try rebuild(content, output)
        XCTAssertEqual(try read(page), right)
    }

    func testAnOldFileLinkedElsewhereIsNotShared() throws {
        let (content, output) = try firstBuild()
        let page = output + "/handbook/contacts.html", copy = output + "/../kept-contacts.html"
        XCTAssertEqual(link(page, copy), 0)
        try rebuild(content, output)
        XCTAssertNotEqual(try status(page).st_ino, try status(copy).st_ino,
                          "a later edit in place (serve) must not change the other name's file")
    }

    func testAnOldPageThatIsALinkToAFileOutsideIsNotFollowed() throws {
        let (content, output) = try firstBuild()
        let page = output + "/handbook/contacts.html", outside = output + "/../outside.html"
        try write(try read(page), to: outside)
        XCTAssertEqual(unlink(page), 0)
        XCTAssertEqual(symlink(outside, page), 0)
        try rebuild(content, output)
        XCTAssertEqual(try status(page).st_mode & S_IFMT, S_IFREG, "a file of its own, not the link")
        XCTAssertNotEqual(try status(page).st_ino, try status(outside).st_ino)
    }

    func testAnOldOutputFolderThatIsALinkIsNotFollowed() throws {
        let (content, output) = try firstBuild()
        let elsewhere = output + "/../elsewhere"
        XCTAssertEqual(rename(output + "/handbook", elsewhere), 0)
        XCTAssertEqual(symlink(elsewhere, output + "/handbook"), 0)
        let outsideFile = try status(elsewhere + "/contacts.html")
        try rebuild(content, output)
        XCTAssertEqual(try status(output + "/handbook").st_mode & S_IFMT, S_IFDIR)
        XCTAssertNotEqual(try status(output + "/handbook/contacts.html").st_ino, outsideFile.st_ino)
        XCTAssertEqual(try status(elsewhere + "/contacts.html").st_nlink, 1)
    }

    func testAnOldFileWithOtherPermissionsIsWrittenWithTheUsualOnes() throws {
        let (content, output) = try firstBuild()
        let page = output + "/handbook/contacts.html", usual = try status(output + "/handbook/index.html").st_mode
        XCTAssertEqual(chmod(page, 0o600), 0)
        try rebuild(content, output)
        XCTAssertEqual(try status(page).st_mode, usual)
    }

    /// With search: a rebuild where no page changed takes the old index whole, one where a page
    /// changed makes it again, and either way the output is the bytes a build into a new folder
    /// gives.
    func testARebuildMakesTheSearchIndexAgainOnlyWhenAPageChanged() throws {
        guard ExternalTool.pagefind != nil else {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("pagefind-bin is missing in CI") }
            throw XCTSkip("python3 -m pip install pagefind-bin to run this test")
        }
        let folder = try temporaryFolder(self)
        var fixture = ProgramFixture()
        let content = try fixture.write(into: folder)
        let output = folder + "/Public", entry = output + "/handbook/pagefind/pagefind-entry.json"
        func build(into output: String) throws {
            _ = try Handbook.build(options(content, output, search: true), environment: fixedClock("2026-01-07"))
        }
        try build(into: output)
        let first = try status(entry).st_ino
        try build(into: output)
        XCTAssertEqual(try status(entry).st_ino, first, "nothing changed: the old index, taken over")
        try build(into: folder + "/New")
        XCTAssertEqual(snapshot(output), snapshot(folder + "/New"))

        fixture.files["pages/welcome.md"]! += "\nA sentence with zqnewword.\n"
        _ = try fixture.write(into: folder)
        try build(into: output)
        XCTAssertNotEqual(try status(entry).st_ino, first, "a page changed: made again")
        let fragments = Self.indexText(output + "/handbook/pagefind")
        XCTAssertTrue(fragments.contains("zqnewword"))
        try build(into: folder + "/Newer")
        XCTAssertEqual(snapshot(output), snapshot(folder + "/Newer"))
    }

    /// The text of an index's page fragments, decompressed.
    private static func indexText(_ folder: String) -> String {
        files(under: folder).filter { $0.0.hasSuffix(".pf_fragment") }
            .map { String(decoding: decompressed($0.1), as: UTF8.self) }.joined(separator: "\n")
    }
}
