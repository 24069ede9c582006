import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Helpers for the tests that drive a real browser: Debian's headless Chromium, poppler's pdfinfo,
/// and a static file server on the loopback address.
enum Browser {
    /// The path of a tool; skips the test when missing, except in CI, where it must be installed.
    static func tool(_ name: String) throws -> String {
        for folder in ["/usr/bin", "/usr/local/bin", "/bin"] where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
            return "\(folder)/\(name)"
        }
        if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("\(name) is missing in CI") }
        throw XCTSkip("\(name) is not installed: scripts/install-system-deps --with-browser installs it")
    }

    /// Skips the test when `python3` cannot import a module, except in CI, where it must be installed.
    static func pythonModule(_ name: String) throws {
        if (try? runOnPath(["python3", "-c", "import \(name)"]))?.status == 0 { return }
        if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("the Python module \(name) is missing in CI") }
        throw XCTSkip("the Python module \(name) is not installed: scripts/install-system-deps --with-browser installs it")
    }

    /// axe-core's `axe.min.js`, where `scripts/install-system-deps --with-browser` puts it (or the
    /// file the HANDBOOK_AXE variable names); skips the test when missing, except in CI.
    static func axeScript() throws -> String {
        let path = ProcessInfo.processInfo.environment["HANDBOOK_AXE"] ?? "/usr/local/share/handbook-test/axe.min.js"
        if FileManager.default.fileExists(atPath: path) { return path }
        if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("\(path) is missing in CI") }
        throw XCTSkip("\(path) is missing: scripts/install-system-deps --with-browser fetches it")
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text
    }

    static func chromium(_ arguments: [String], profile: String) throws -> String {
        try run(try tool("chromium"), ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                       "--user-data-dir=\(profile)"] + arguments)
    }

    /// `pdfinfo`'s page count and page size.
    static func pdfInfo(_ pdf: String) throws -> (pages: Int, size: String) {
        let info = try run(try tool("pdfinfo"), [pdf])
        func field(_ name: String) -> String {
            info.split(separator: "\n").first { $0.hasPrefix(name + ":") }
                .map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) } ?? ""
        }
        return (Int(field("Pages")) ?? -1, field("Page size"))
    }

    /// Width and height of a PNG, from its header.
    static func pngSize(_ path: String) -> (Int, Int)? {
        guard let data = FileManager.default.contents(atPath: path), data.count > 24 else { return nil }
        let bytes = [UInt8](data)
        func int(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }

    /// Serves a folder over HTTP on 127.0.0.1 (Pagefind loads its index with fetch, which a
    /// browser refuses for file:// pages). Stopped by the returned closure.
    static func serve(_ folder: String) throws -> (port: Int, stop: () -> Void) {
        for _ in 0..<20 {
            let port = Int.random(in: 20_000...40_000)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", fixturesFolder + "/test-server.py", String(port), folder]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            for _ in 0..<50 {
                Thread.sleep(forTimeInterval: 0.1)
                if !process.isRunning { break }
                if isListening(port) {
                    return (port, { process.terminate(); process.waitUntilExit() })
                }
            }
            if process.isRunning { process.terminate() }
        }
        throw XCTSkip("could not start a local HTTP server")
    }

    /// Whether something accepts TCP connections on 127.0.0.1:port.
    static func isListening(_ port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
