import Foundation
import XCTest
@testable import HandbookKit

/// The `handbook` command killed at the worst moments: at every rename of the final swap, and
/// while Pagefind runs. Run as a real process, since a kill cannot be simulated in one.
final class KillTests: XCTestCase {
    @discardableResult
    func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process
    }

    func buildArguments(_ content: String, _ output: String) -> [String] {
        ["build", "--content", content, "--templates", defaultTemplates, "--profiles", packageRoot + "/Profiles",
         "--output", output, "--no-search", "--quiet"]
    }

    private let clock = fixedClock("2026-01-07")

    /// Kills the build at the N-th rename system call, for every N the build makes, and checks
    /// after each that every output folder is its complete old or complete new self; then that
    /// the next build cleans up and finishes the job.
    /// How many renames a build over a copy of `output` makes, counted by strace itself: the
    /// points where a kill can land.
    func renameCount(strace: String, handbook: String, content: String, copying output: String, in folder: String,
                     environment: [String: String]) throws -> Int {
        let counting = folder + "/count"
        try FileManager.default.copyItem(atPath: output, toPath: counting)
        let log = folder + "/renames.log"
        try run(strace, ["-f", "-qq", "-o", log, "-e", "trace=rename,renameat,renameat2", handbook] + buildArguments(content, counting),
                environment: environment)
        return try read(log).split(separator: "\n").filter { $0.contains("rename") }.count
    }

    func testEveryOutputIsWhollyOldOrWhollyNewAtEveryKillPoint() throws {
        let handbook = try builtHandbookCommand()
        guard let strace = ExternalTool.find(["strace"]) else {
            return XCTFail("strace is needed: scripts/install-system-deps --with-browser installs it")
        }
        let folder = try temporaryFolder(self)
        var fixture = ProgramFixture()
        let content = try fixture.write(into: folder)
        let old = folder + "/old", new = folder + "/new"
        XCTAssertEqual(try run(handbook, buildArguments(content, old), environment: clock).terminationStatus, 0)
        // A new program name: every page of every output changes.
        fixture.files["program.yaml"] = fixture.files["program.yaml"]!.replacingOccurrences(of: "name: Test Harbor Program",
                                                                                            with: "name: New Harbor Program")
        _ = try fixture.write(into: folder)
        XCTAssertEqual(try run(handbook, buildArguments(content, new), environment: clock).terminationStatus, 0)
        let outputs = OutputSwapTests.outputs
        let oldFiles = outputs.map { snapshot(old + "/" + $0) }, newFiles = outputs.map { snapshot(new + "/" + $0) }
        for index in outputs.indices { XCTAssertNotEqual(oldFiles[index], newFiles[index], outputs[index]) }

        let renames = try renameCount(strace: strace, handbook: handbook, content: content, copying: old, in: folder, environment: clock)
        XCTAssertGreaterThanOrEqual(renames, outputs.count, "one rename per output at least")

        for killPoint in 1...renames {
            let output = folder + "/killed-\(killPoint)"
            try FileManager.default.copyItem(atPath: old, toPath: output)
            let killed = try run(strace, ["-f", "-qq", "-o", "/dev/null",
                                          "-e", "inject=rename,renameat,renameat2:signal=SIGKILL:when=\(killPoint)", handbook]
                                     + buildArguments(content, output), environment: clock)
            XCTAssertNotEqual(killed.terminationStatus, 0, "the build was killed at rename \(killPoint)")
            for (index, name) in outputs.enumerated() {
                let now = snapshot(output + "/" + name)
                XCTAssertTrue(now == oldFiles[index] || now == newFiles[index],
                              "killed at rename \(killPoint) of \(renames): \(name)/ is neither the old nor the new output")
            }
            XCTAssertEqual(try run(handbook, buildArguments(content, output), environment: clock).terminationStatus, 0)
            XCTAssertEqual(stagingFolders(in: output), [], "the next build removes the killed build's staging folder")
            for (index, name) in outputs.enumerated() {
                XCTAssertEqual(snapshot(output + "/" + name), newFiles[index], "after the next build, \(name)/ is new")
            }
        }
        print("KillTests: \(renames) kill points tried, each output wholly old or wholly new after each")
    }

    /// A stand-in for `python3 -m pagefind_bin` that answers `--version`, then, when asked to
    /// index, writes its process id and waits: the build is killed meanwhile.
    func testPagefindDiesWithTheBuild() throws {
        let handbook = try builtHandbookCommand()
        let folder = try temporaryFolder(self)
        let content = try ProgramFixture().write(into: folder)
        let fakeBin = folder + "/bin", pidFile = folder + "/pagefind.pid"
        try write("""
        #!/bin/sh
        case "$*" in *--version*) echo "pagefind 1.5.2"; exit 0;; esac
        echo $$ > "\(pidFile)"
        exec sleep 60
        """, to: fakeBin + "/python3")
        XCTAssertEqual(chmod(fakeBin + "/python3", 0o755), 0)
        // Also as the Pagefind program itself, which the build looks for first.
        try FileManager.default.copyItem(atPath: fakeBin + "/python3", toPath: fakeBin + "/pagefind")
        let build = Process()
        build.executableURL = URL(fileURLWithPath: handbook)
        build.arguments = buildArguments(content, folder + "/Public").filter { $0 != "--no-search" }
        build.environment = ProcessInfo.processInfo.environment.merging(clock) { $1 }
            .merging(["PATH": fakeBin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")]) { $1 }
        build.standardError = FileHandle.nullDevice
        try build.run()
        var pid: Int32?
        let started = Date()
        while pid == nil, Date().timeIntervalSince(started) < 60 {
            Thread.sleep(forTimeInterval: 0.05)
            pid = (try? read(pidFile)).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        guard let pid else {
            build.terminate()
            return XCTFail("the build never started the search indexer")
        }
        addTeardownBlock { kill(pid, SIGKILL) }
        kill(build.processIdentifier, SIGKILL)
        build.waitUntilExit()
        let killed = Date()
        while isAlive(pid), Date().timeIntervalSince(killed) < 5 { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertFalse(isAlive(pid), "the search indexer outlived the build")
    }

    /// Running, not a zombie waiting to be reaped.
    private func isAlive(_ pid: Int32) -> Bool {
        guard let stat = try? read("/proc/\(pid)/stat"), let close = stat.lastIndex(of: ")") else { return false }
        return !stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }
}
