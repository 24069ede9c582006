import Foundation
import XCTest
@testable import HandbookServer

/// What `serve` notices between two looks at the program's folders.
final class ContentWatcherTests: XCTestCase {
    private func folder() throws -> String {
        let folder = NSTemporaryDirectory() + "handbook-watch-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/pages", withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        return folder
    }

    private func write(_ text: String, _ path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Sets a file's modification time, so that two writes in the same instant still differ, or
    /// do not, as a test needs.
    private func touch(_ path: String, seconds: Int) {
        var times = [timeval(tv_sec: seconds, tv_usec: 0), timeval(tv_sec: seconds, tv_usec: 0)]
        XCTAssertEqual(utimes(path, &times), 0)
    }

    func testEveryFileIsSeenAndAnyEditAddOrRemoveChangesTheFingerprint() throws {
        let folder = try folder()
        try write("title: A\n", folder + "/program.yaml")
        try write("one", folder + "/pages/one.md")
        let watcher = ContentWatcher(folders: [folder])
        let first = watcher.fingerprint()
        XCTAssertEqual(Set(first.keys), [folder + "/program.yaml", folder + "/pages/one.md"])
        XCTAssertEqual(watcher.fingerprint(), first, "nothing changed")

        // The same size, another modification time.
        touch(folder + "/pages/one.md", seconds: 1_700_000_000)
        let touched = watcher.fingerprint()
        XCTAssertNotEqual(touched, first)

        // An editor that writes a new file and renames it over the old one: same size and time,
        // another inode.
        try write("uno", folder + "/pages/new.tmp")
        touch(folder + "/pages/new.tmp", seconds: 1_700_000_000)
        XCTAssertEqual(rename(folder + "/pages/new.tmp", folder + "/pages/one.md"), 0)
        let renamed = watcher.fingerprint()
        XCTAssertNotEqual(renamed, touched)

        try write("two", folder + "/pages/two.md")
        let added = watcher.fingerprint()
        XCTAssertEqual(added.count, 3)
        try FileManager.default.removeItem(atPath: folder + "/pages/two.md")
        XCTAssertEqual(watcher.fingerprint(), renamed)
    }

    func testTheOutputFolderInsideTheProgramAndLinkedFoldersAreNotWatched() throws {
        let folder = try folder()
        try write("one", folder + "/pages/one.md")
        try FileManager.default.createDirectory(atPath: folder + "/Public/handbook", withIntermediateDirectories: true)
        try write("<p>", folder + "/Public/handbook/index.html")
        let outside = try self.folder()
        try write("elsewhere", outside + "/pages/other.md")
        try FileManager.default.createSymbolicLink(atPath: folder + "/linked", withDestinationPath: outside + "/pages")

        let watcher = ContentWatcher(folders: [folder], ignoring: folder + "/Public")
        let before = watcher.fingerprint()
        XCTAssertEqual(Set(before.keys), [folder + "/pages/one.md"])
        try write("<p>rebuilt", folder + "/Public/handbook/index.html")
        try write("<p>", folder + "/Public/handbook/new.html")
        XCTAssertEqual(watcher.fingerprint(), before, "a build's own files do not start another build")
    }
}
