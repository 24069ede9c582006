import Foundation
import XCTest
@testable import HandbookKit

/// `build --client-output … --staff-output …`: the client site and the staff manual in two
/// folders, so that a clinic can publish the first on a public host and the second on the
/// intranet only. Each folder gets the guarantees of the one output folder: all old or all new,
/// nothing changed on error; no staff text in the client folder; no link that leads nowhere.
final class TwoRootsTests: XCTestCase, LeakyProgramTests {
    private let clock = fixedClock("2026-01-07")
    private let robots = "<meta name=\"robots\" content=\"noindex, nofollow\">"

    /// Options that write the program at `content` into `folder/Site` and `folder/Intranet`.
    private func splitOptions(_ content: String, _ folder: String) -> Handbook.Options {
        var split = options(content, folder + "/Site")
        split.staffOutputDirectory = folder + "/Intranet"
        return split
    }

    private func entries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    func testASplitBuildPutsTheClientFilesAndTheManualEachInItsOwnFolder() throws {
        let folder = try temporaryFolder(self)
        let content = try Self.leakyProgram().write(into: folder)
        _ = try Handbook.build(options(content, folder + "/Public"), environment: clock)
        _ = try Handbook.build(splitOptions(content, folder), environment: clock)
        let client = folder + "/Site", staff = folder + "/Intranet"

        XCTAssertEqual(entries(client), [OutputSafety.markerName, "handbook", "schedule"])
        XCTAssertEqual(entries(staff), [OutputSafety.markerName, "manual"])
        // Exactly what one folder would hold, split: the client files byte for byte, the manual
        // file for file (its pages differ only where they linked to the client folder).
        for name in ["handbook", "schedule"] {
            XCTAssertEqual(snapshot(client + "/" + name), snapshot(folder + "/Public/" + name), name)
        }
        XCTAssertEqual(snapshot(staff + "/manual").keys.sorted(), snapshot(folder + "/Public/manual").keys.sorted())

        XCTAssertEqual(Self.leaks(in: client), [], "no staff-only text in the client folder")
        XCTAssertFalse(Self.files(under: client).contains { $0.0.contains("manual") }, "no manual file in the client folder")
        let manual = Self.files(under: staff)
        for marker in Self.markers {
            XCTAssertTrue(manual.contains { $0.1.range(of: Data(marker.utf8)) != nil }, "\(marker) missing from the manual")
        }
    }

    func testASecondSplitBuildReplacesBothFolders() throws {
        let folder = try temporaryFolder(self)
        var fixture = ProgramFixture()
        let content = try fixture.write(into: folder)
        _ = try Handbook.build(splitOptions(content, folder), environment: clock)
        fixture.files["program.yaml"] = fixture.files["program.yaml"]!.replacingOccurrences(of: "name: Test Harbor Program",
                                                                                            with: "name: New Harbor Program")
        _ = try fixture.write(into: folder)
        _ = try Handbook.build(splitOptions(content, folder), environment: clock)
        for page in ["Site/handbook/index.html", "Site/schedule/2026-W02/index.html", "Intranet/manual/index.html",
                     "Intranet/manual/schedule/2026-W02/index.html"] {
            XCTAssertTrue(try read(folder + "/" + page).contains("New Harbor Program"), page)
        }
        XCTAssertEqual(stagingFolders(in: folder + "/Site") + stagingFolders(in: folder + "/Intranet"), [])
    }

    /// A failure while the files are written (the hook throws at the tenth file) changes neither folder.
    func testAFailedSplitBuildChangesNeitherFolder() throws {
        let folder = try temporaryFolder(self)
        var fixture = ProgramFixture()
        let content = try fixture.write(into: folder)
        _ = try Handbook.build(splitOptions(content, folder), environment: clock)
        let before = [snapshot(folder + "/Site"), snapshot(folder + "/Intranet")]
        fixture.files["pages/welcome.md"]! += "\nA NEW SENTENCE.\n"
        _ = try fixture.write(into: folder)
        struct Injected: Error {}
        var writer = OutputWriter(root: folder + "/Site")
        let written = Counter()
        writer.afterEachFile = { _ in if written.next() == 10 { throw Injected() } }
        XCTAssertThrowsError(try Handbook.build(splitOptions(content, folder), writer: writer, environment: clock))
        XCTAssertEqual([snapshot(folder + "/Site"), snapshot(folder + "/Intranet")], before)
    }

    /// The manual cannot be put in place after the client folder's outputs were: those are put
    /// back, so both folders are as they were, and the message says so.
    func testAManualThatCannotBeSwappedInPutsTheClientFolderBack() throws {
        let folder = try temporaryFolder(self)
        var fixture = ProgramFixture()
        let content = try fixture.write(into: folder)
        _ = try Handbook.build(splitOptions(content, folder), environment: clock)
        let before = [snapshot(folder + "/Site"), snapshot(folder + "/Intranet")]
        fixture.files["pages/welcome.md"]! += "\nA NEW SENTENCE.\n"
        _ = try fixture.write(into: folder)
        let manual = folder + "/Intranet/manual"
        try immutable(manual, true)
        defer { try? immutable(manual, false) }
        XCTAssertThrowsError(try Handbook.build(splitOptions(content, folder), environment: clock)) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("could not put the new manual/ in place"), message)
            XCTAssertTrue(message.contains("Nothing in \(folder)/Intranet/ was changed"), message)
            XCTAssertTrue(message.contains("Nothing in \(folder)/Site/ was changed either"), message)
        }
        try immutable(manual, false)
        XCTAssertEqual([snapshot(folder + "/Site"), snapshot(folder + "/Intranet")], before)
        _ = try Handbook.build(splitOptions(content, folder), environment: clock)
        XCTAssertTrue(try read(folder + "/Site/handbook/welcome.html").contains("A NEW SENTENCE."))
        XCTAssertTrue(try read(folder + "/Intranet/manual/welcome.html").contains("A NEW SENTENCE."))
    }

    func testTheBadCombinationsOfFoldersAreErrors() throws {
        let handbook = try builtHandbookCommand()
        let folder = try temporaryFolder(self)
        let content = try ProgramFixture().write(into: folder)
        let common = [handbook, "build", "--content", content, "--templates", defaultTemplates, "--no-search"]
        let cases: [([String], String)] = [
            (["--output", folder + "/Public", "--client-output", folder + "/Site", "--staff-output", folder + "/Intranet"],
             "--output cannot be combined with --client-output and --staff-output"),
            (["--client-output", folder + "/Site"], "--client-output and --staff-output go together"),
            (["--staff-output", folder + "/Intranet", "--only", "manual"], "--client-output and --staff-output go together"),
            (["--client-output", folder + "/Site", "--staff-output", folder + "/Site/intranet"],
             "the staff folder is inside the client folder"),
            (["--client-output", folder + "/Site", "--staff-output", folder + "/Site/"], "the staff folder is the client folder"),
            (["--client-output", folder + "/Intranet/site", "--staff-output", folder + "/Intranet"],
             "the client folder is inside the staff folder"),
        ]
        for (arguments, message) in cases {
            let (status, output) = try runOnPath(common + arguments)
            XCTAssertNotEqual(status, 0, arguments.joined(separator: " "))
            XCTAssertTrue(output.contains(message), "\(arguments.joined(separator: " ")): \(output)")
        }
        XCTAssertEqual(entries(folder), ["Content"], "nothing was written")

        // A staff folder that holds someone else's files is refused as an output folder is.
        try write("not ours", to: folder + "/Intranet/notes.txt")
        let (status, output) = try runOnPath(common + ["--client-output", folder + "/Site", "--staff-output", folder + "/Intranet"])
        XCTAssertNotEqual(status, 0)
        XCTAssertTrue(output.contains("\(folder)/Intranet: error: the output folder already holds files that the handbook did not write"), output)
        XCTAssertTrue(output.contains("files other than manual/"), output)
        XCTAssertEqual(entries(folder + "/Intranet"), ["notes.txt"])
    }

    func testOnlyWritesTheFolderOfThatOutput() throws {
        let folder = try temporaryFolder(self)
        let content = try ProgramFixture().write(into: folder)
        var only = splitOptions(content, folder)
        only.outputs = [.manual]
        _ = try Handbook.build(only, environment: clock)
        XCTAssertEqual(entries(folder + "/Intranet"), [OutputSafety.markerName, "manual"])
        XCTAssertEqual(entries(folder + "/Site").filter { $0 != OutputSafety.markerName }, [], "no client output was asked for")
        only.outputs = [.handbook]
        _ = try Handbook.build(only, environment: clock)
        XCTAssertEqual(entries(folder + "/Site"), [OutputSafety.markerName, "handbook", "schedule"])
    }

    func testEveryManualPageSaysNoIndexAndNoClientPageDoes() throws {
        let folder = try temporaryFolder(self)
        _ = try Handbook.build(splitOptions(sampleContent, folder), environment: fixedClock("2026-12-02"))
        _ = try Handbook.build(options(sampleContent, folder + "/Public"), environment: fixedClock("2026-12-02"))
        func pages(_ root: String) -> [String: String] {
            snapshot(root).filter { $0.key.hasSuffix(".html") }.mapValues { String(decoding: $0, as: UTF8.self) }
        }
        let manual = pages(folder + "/Intranet").merging(pages(folder + "/Public/manual")) { $1 }
        for required in ["manual/index.html", "manual/print.html", "manual/search.html", "manual/es/index.html",
                         "manual/schedule/index.html", "manual/schedule/2026-W49/index.html", "manual/schedule/2026-W49/es/index.html"] {
            XCTAssertNotNil(manual[required], required)
        }
        for (path, page) in manual {
            let head = page.components(separatedBy: "</head>")[0]
            XCTAssertTrue(head.contains(robots), "\(path) has no robots meta in its head")
        }
        let client = pages(folder + "/Site").merging(pages(folder + "/Public/handbook")) { $1 }.merging(pages(folder + "/Public/schedule")) { $1 }
        XCTAssertGreaterThan(client.count, 30)
        for (path, page) in client { XCTAssertFalse(page.contains("name=\"robots\""), "\(path) tells search engines to keep away") }
    }

    func testNoLinkLeadsNowhereInEitherFolder() throws {
        let folder = try temporaryFolder(self)
        _ = try Handbook.build(splitOptions(sampleContent, folder), environment: fixedClock("2026-12-02"))
        XCTAssertEqual(try brokenLinks(in: folder + "/Site"), [])
        XCTAssertEqual(try brokenLinks(in: folder + "/Intranet"), [])
        // The manual's links to the calendar feeds are left out rather than left broken...
        XCTAssertFalse(try read(folder + "/Intranet/manual/schedule.html").contains("calendar/all-tracks.ics"))
        // ...which in one folder still work.
        _ = try Handbook.build(options(sampleContent, folder + "/Public"), environment: fixedClock("2026-12-02"))
        XCTAssertTrue(try read(folder + "/Public/manual/schedule.html").contains("href=\"../schedule/calendar/all-tracks.ics\""))
        XCTAssertTrue(try read(folder + "/Public/manual/schedule/2026-W49/index.html").contains("href=\"../../../schedule/calendar/day.ics\""))
        XCTAssertEqual(try brokenLinks(in: folder + "/Public"), [])
    }

    /// With `site_url`, the manual links to the feeds at their published address.
    func testWithASiteAddressTheManualLinksToTheClientFilesThere() throws {
        var fixture = ProgramFixture()
        fixture.files["program.yaml"]! += "\nsite_url: https://harbor.example/iop/\n"
        let folder = try temporaryFolder(self)
        let content = try fixture.write(into: folder)
        _ = try Handbook.build(splitOptions(content, folder), environment: clock)
        XCTAssertTrue(try read(folder + "/Intranet/manual/schedule.html").contains("href=\"webcal://harbor.example/iop/schedule/calendar/all-tracks.ics\""))
        XCTAssertTrue(try read(folder + "/Intranet/manual/schedule/2026-W02/index.html").contains("href=\"webcal://harbor.example/iop/schedule/calendar/day.ics\""))
        XCTAssertEqual(try brokenLinks(in: folder + "/Intranet"), [])
    }

    func testTheComplianceReportGoesIntoTheStaffFolder() throws {
        let folder = try temporaryFolder(self)
        let split = splitOptions(sampleContent, folder)
        _ = try Handbook.build(split, environment: fixedClock("2026-12-02"))
        _ = try Handbook.check(split, report: true, environment: fixedClock("2026-12-02"))
        XCTAssertEqual(Handbook.complianceReportPath(split), folder + "/Intranet/compliance-report.html")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/Site/compliance-report.html"))
        let report = try read(folder + "/Intranet/compliance-report.html")
        XCTAssertTrue(report.contains(robots))
        // Without site_url, the handbook's places are named, not linked: the handbook is not beside it.
        XCTAssertFalse(report.contains("href=\"handbook/"), "a link to a handbook/ the staff folder does not hold")
        XCTAssertTrue(report.contains("href=\"manual/"), "the report links to the manual beside it")
        XCTAssertEqual(try brokenLinks(in: folder + "/Intranet"), [])
    }

    func testTheScheduleCommandWritesEachCopyIntoItsFolder() throws {
        let folder = try temporaryFolder(self)
        let content = try ProgramFixture().write(into: folder)
        _ = try Handbook.schedule(splitOptions(content, folder), week: ISOWeek("2026-W03")!, environment: clock)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/Site/schedule/2026-W03/index.html"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/Intranet/manual/schedule/2026-W03/index.html"))
        XCTAssertEqual(entries(folder + "/Site"), [OutputSafety.markerName, "schedule"])
        XCTAssertEqual(entries(folder + "/Intranet"), [OutputSafety.markerName, "manual"])
        // The staff copy does not link to feeds that are in another folder.
        XCTAssertFalse(try read(folder + "/Intranet/manual/schedule/2026-W03/index.html").contains("schedule/calendar/"))
    }

    func testTheClosingLineSaysWhereTheManualIsAndWhereItMustNotGo() throws {
        let handbook = try builtHandbookCommand()
        let folder = try temporaryFolder(self)
        let content = try ProgramFixture().write(into: folder)
        let common = [handbook, "build", "--content", content, "--templates", defaultTemplates, "--no-search"]
        let warning = "publish it only on the intranet, never on a public web host."

        var (status, output) = try runOnPath(common + ["--client-output", folder + "/Site", "--staff-output", folder + "/Intranet"])
        XCTAssertEqual(status, 0, output)
        let line = try XCTUnwrap(output.split(separator: "\n").last.map(String.init))
        XCTAssertTrue(line.hasPrefix("Built handbook ("), line)
        XCTAssertTrue(line.contains(" into \(folder)/Site/ and manual ("), line)
        XCTAssertTrue(line.contains(" into \(folder)/Intranet/ in "), line)
        XCTAssertTrue(line.hasSuffix("The staff manual is in \(folder)/Intranet/manual/: " + warning), line)

        (status, output) = try runOnPath(common + ["--output", folder + "/Public"])
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.contains("manual ("), output)
        XCTAssertTrue(output.contains(" into \(folder)/Public/ in "), output)
        XCTAssertTrue(output.contains("The staff manual is in \(folder)/Public/manual/: " + warning), output)

        (status, output) = try runOnPath(common + ["--output", folder + "/Clients", "--only", "handbook"])
        XCTAssertEqual(status, 0, output)
        XCTAssertFalse(output.contains("staff manual"), "no manual was written: \(output)")
    }

    /// The split build killed at each of its renames (strace injects SIGKILL at the N-th): every
    /// output of both folders is wholly old or wholly new, and the next build finishes the job.
    func testEachFolderIsWhollyOldOrWhollyNewAtEveryKillPoint() throws {
        let handbook = try builtHandbookCommand()
        guard let strace = ExternalTool.find(["strace"]) else {
            return XCTFail("strace is needed: scripts/install-system-deps --with-browser installs it")
        }
        let folder = try temporaryFolder(self)
        var fixture = ProgramFixture()
        let content = try fixture.write(into: folder)
        let clock = "SOURCE_DATE_EPOCH=" + fixedClock("2026-01-07")["SOURCE_DATE_EPOCH"]!
        func build(_ root: String, through prefix: [String] = []) throws -> Int32 {
            try runOnPath([clock] + prefix + [handbook, "build", "--content", content, "--templates", defaultTemplates,
                                              "--client-output", root + "/Site", "--staff-output", root + "/Intranet",
                                              "--no-search", "--quiet"]).status
        }
        XCTAssertEqual(try build(folder + "/old"), 0)
        fixture.files["program.yaml"] = fixture.files["program.yaml"]!.replacingOccurrences(of: "name: Test Harbor Program",
                                                                                            with: "name: New Harbor Program")
        _ = try fixture.write(into: folder)
        XCTAssertEqual(try build(folder + "/new"), 0)
        let outputs = ["Site/handbook", "Site/schedule/2026-W02", "Site/schedule/calendar", "Site/schedule/index.html", "Intranet/manual"]
        func state(_ root: String) -> [[String: Data]] {
            outputs.map { output in
                output.hasSuffix(".html") ? [output: FileManager.default.contents(atPath: root + "/" + output) ?? Data()]
                    : snapshot(root + "/" + output)
            }
        }
        let old = state(folder + "/old"), new = state(folder + "/new")
        for index in outputs.indices where !outputs[index].hasSuffix(".html") { XCTAssertNotEqual(old[index], new[index], outputs[index]) }

        try FileManager.default.copyItem(atPath: folder + "/old", toPath: folder + "/count")
        let log = folder + "/renames.log"
        XCTAssertEqual(try build(folder + "/count", through: [strace, "-f", "-qq", "-o", log, "-e", "trace=rename,renameat,renameat2"]), 0)
        let renames = try read(log).split(separator: "\n").filter { $0.contains("rename") }.count
        XCTAssertGreaterThanOrEqual(renames, outputs.count, "one rename per output at least")

        for killPoint in 1...renames {
            let root = folder + "/killed-\(killPoint)"
            try FileManager.default.copyItem(atPath: folder + "/old", toPath: root)
            let status = try build(root, through: [strace, "-f", "-qq", "-o", "/dev/null",
                                                   "-e", "inject=rename,renameat,renameat2:signal=SIGKILL:when=\(killPoint)"])
            XCTAssertNotEqual(status, 0, "the build was killed at rename \(killPoint)")
            for (index, now) in state(root).enumerated() {
                XCTAssertTrue(now == old[index] || now == new[index],
                              "killed at rename \(killPoint) of \(renames): \(outputs[index]) is neither the old nor the new output")
            }
            XCTAssertEqual(try build(root), 0)
            XCTAssertEqual(stagingFolders(in: root + "/Site") + stagingFolders(in: root + "/Intranet"), [])
            XCTAssertEqual(state(root), new, "after the next build, both folders are new")
        }
        print("TwoRootsTests: \(renames) kill points tried, each output of both folders wholly old or wholly new after each")
    }

    /// Sets or clears the immutable attribute (`chattr`), which even root cannot write through.
    private func immutable(_ path: String, _ on: Bool) throws {
        let (status, _) = try runOnPath(["chattr", on ? "+i" : "-i", path])
        guard status == 0 else { throw XCTSkip("chattr does not work on this file system") }
    }
}

/// Counts the files a build writes, from several threads.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func next() -> Int { lock.withLock { count += 1; return count } }
}
