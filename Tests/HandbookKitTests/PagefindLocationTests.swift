import Foundation
import XCTest
@testable import HandbookKit

/// Where Python's Pagefind program is, remembered between builds: used only while it is right.
final class PagefindLocationTests: XCTestCase {
    func testTheCacheFileIsInTheUsersCacheFolder() {
        XCTAssertEqual(PagefindLocation.cacheFile(environment: ["HOME": "/home/ana"]),
                       "/home/ana/.cache/handbook/pagefind-location")
        XCTAssertEqual(PagefindLocation.cacheFile(environment: ["HOME": "/home/ana", "XDG_CACHE_HOME": "/var/cache/ana"]),
                       "/var/cache/ana/handbook/pagefind-location")
        // A relative XDG_CACHE_HOME is ignored, as the XDG specification asks.
        XCTAssertEqual(PagefindLocation.cacheFile(environment: ["HOME": "/home/ana", "XDG_CACHE_HOME": "cache"]),
                       "/home/ana/.cache/handbook/pagefind-location")
        XCTAssertNil(PagefindLocation.cacheFile(environment: [:]))
    }

    func testTheProgramIsRememberedForTheSamePythonWhileItIsThere() throws {
        let folder = try temporaryFolder(self)
        let program = folder + "/site-packages/pagefind_bin/pagefind"
        try write("#!/bin/sh\necho pagefind 1.5.2\n", to: program)
        XCTAssertEqual(chmod(program, 0o755), 0)
        let file = folder + "/cache/handbook/pagefind-location"

        XCTAssertNil(PagefindLocation.remembered(for: "/usr/bin/python3", in: file), "nothing remembered yet")
        PagefindLocation.remember(program, for: "/usr/bin/python3", in: file)
        XCTAssertEqual(PagefindLocation.remembered(for: "/usr/bin/python3", in: file), program)
        // Another python3 first on the PATH may have another package, or none: it is asked.
        XCTAssertNil(PagefindLocation.remembered(for: "/opt/python/bin/python3", in: file))
        // A program that was removed (the package uninstalled) is not used.
        try FileManager.default.removeItem(atPath: program)
        XCTAssertNil(PagefindLocation.remembered(for: "/usr/bin/python3", in: file))
        // A file that is not what the build writes is not used either.
        try write("something else\n", to: file)
        XCTAssertNil(PagefindLocation.remembered(for: "something else", in: file))
    }

    func testACacheFolderThatCannotBeMadeOnlyMeansPythonIsAskedAgain() throws {
        let folder = try temporaryFolder(self)
        try write("a file where the cache folder would be", to: folder + "/cache")
        let file = folder + "/cache/handbook/pagefind-location"
        PagefindLocation.remember("/usr/bin/pagefind", for: "/usr/bin/python3", in: file)
        XCTAssertNil(PagefindLocation.remembered(for: "/usr/bin/python3", in: file))
    }
}
