import Foundation
import XCTest
@testable import HandbookKit

extension KillTests {
    /// The pages that lead to this week (`schedule/index.html`, `manual/schedule/index.html`) as
    /// the week turns: killed at any rename of the build, each is its whole old page or its whole
    /// new one, and leads to a week that is there.
    func testTheWeeksAddressIsWhollyOldOrWhollyNewAndLeadsToAWeekAtEveryKillPoint() throws {
        let handbook = try builtHandbookCommand()
        guard let strace = ExternalTool.find(["strace"]) else {
            return XCTFail("strace is needed: scripts/install-system-deps --with-browser installs it")
        }
        let folder = try temporaryFolder(self)
        let content = try ProgramFixture().write(into: folder)
        let lastWeek = fixedClock("2026-01-07"), thisWeek = fixedClock("2026-01-14")
        let old = folder + "/old", new = folder + "/new"
        XCTAssertEqual(try run(handbook, buildArguments(content, old), environment: lastWeek).terminationStatus, 0)
        XCTAssertEqual(try run(handbook, buildArguments(content, new), environment: thisWeek).terminationStatus, 0)
        let pages = ["schedule/index.html", "manual/schedule/index.html"]
        func bytes(_ root: String) -> [Data?] { pages.map { FileManager.default.contents(atPath: root + "/" + $0) } }
        let oldPages = bytes(old), newPages = bytes(new)
        for index in pages.indices {
            XCTAssertNotNil(oldPages[index], pages[index])
            XCTAssertNotEqual(oldPages[index], newPages[index], "\(pages[index]) leads to the new week")
        }

        let renames = try renameCount(strace: strace, handbook: handbook, content: content, copying: old, in: folder, environment: thisWeek)
        XCTAssertGreaterThanOrEqual(renames, 4, "handbook, manual, this week's folder and its address")

        for killPoint in 1...renames {
            let output = folder + "/killed-\(killPoint)"
            try FileManager.default.copyItem(atPath: old, toPath: output)
            try run(strace, ["-f", "-qq", "-o", "/dev/null", "-e", "inject=rename,renameat,renameat2:signal=SIGKILL:when=\(killPoint)", handbook]
                    + buildArguments(content, output), environment: thisWeek)
            for (index, now) in bytes(output).enumerated() {
                XCTAssertTrue(now == oldPages[index] || now == newPages[index],
                              "killed at rename \(killPoint) of \(renames): \(pages[index]) is neither the old nor the new page")
                let week = now == newPages[index] ? "2026-W03" : "2026-W02"
                let folder = (pages[index] as NSString).deletingLastPathComponent
                XCTAssertTrue(FileManager.default.fileExists(atPath: "\(output)/\(folder)/\(week)/index.html"),
                              "killed at rename \(killPoint): \(pages[index]) leads to \(week), which is not there")
            }
        }
        print("KillTests: \(renames) kill points tried, the week's address wholly old or wholly new after each")
    }
}
