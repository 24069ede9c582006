import Foundation

/// A program the build calls when it is installed: Pagefind for search, Chromium for PDFs.
public struct ExternalTool: Sendable {
    public var executable: String
    public var prefixArguments: [String]

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The first of `names` found on the PATH.
    public static func find(_ names: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for name in names {
            for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }

    /// Runs the tool; throws with its error output when it fails.
    @discardableResult
    public func run(_ arguments: [String], environment: [String: String] = [:], timeout: TimeInterval = 300) throws -> String {
        let process = Process()
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        if let setpriv = Self.parentDeathWrapper {
            // The tool dies with the build: a build killed while Pagefind runs would otherwise
            // leave it writing into the build's temporary folder after the next build removed it.
            // The signal is kept across exec, so also `python3 -m pagefind_bin`, which execs Pagefind.
            process.executableURL = URL(fileURLWithPath: setpriv)
            process.arguments = ["--pdeathsig", "KILL", "--", executable] + prefixArguments + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = prefixArguments + arguments
        }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes while the tool runs, so a chatty tool never blocks on a full pipe.
        final class Box: @unchecked Sendable { var data = Data() }
        let errorBox = Box()
        let reader = Thread { errorBox.data = errors.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        while !reader.isFinished { Thread.sleep(forTimeInterval: 0.005) }
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errorBox.data, as: UTF8.self).split(separator: "\n").suffix(5).joined(separator: " | ")
            throw Failure(description: "\((executable as NSString).lastPathComponent) failed (\(process.terminationStatus)): \(message)")
        }
        return text
    }

    /// util-linux's `setpriv` (in every Debian system), which sets the parent-death signal of the
    /// program it runs: Linux then kills the tool when the build ends, however it ends.
    static let parentDeathWrapper: String? = {
        #if os(Linux)
        ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) }
        #else
        nil
        #endif
    }()

    /// Pagefind: the `pagefind` program on the PATH (from a virtual environment, npm or a
    /// release), else the program inside PyPI's package in the system's Python (`pip install
    /// pagefind-bin`). Debian 12's Python refuses pip installs (PEP 668), so there the
    /// program on the PATH is the way; README's Install section shows it. Where Python's program
    /// is, is remembered between builds (`PagefindLocation`).
    public static let pagefind: ExternalTool? = {
        for name in ["pagefind", "pagefind_extended"] {
            guard let binary = find([name]) else { continue }
            let tool = ExternalTool(executable: binary, prefixArguments: [])
            if (try? tool.run(["--version"])) != nil { return tool }
        }
        // The package's own program, run directly: `python3 -m pagefind_bin` would start Python
        // again for each output. Where it is was remembered by an earlier build, if any.
        guard let python = find(["python3"]) else { return nil }
        let cacheFile = PagefindLocation.cacheFile()
        if let cacheFile, let known = PagefindLocation.remembered(for: python, in: cacheFile) {
            let tool = ExternalTool(executable: known, prefixArguments: [])
            if (try? tool.run(["--version"])) != nil { return tool }
        }
        guard let path = try? ExternalTool(executable: python, prefixArguments: [])
                .run(["-c", "import pagefind_bin; print(pagefind_bin.get_executable())"])
                .trimmingCharacters(in: .whitespacesAndNewlines),
              FileManager.default.isExecutableFile(atPath: path) else { return nil }
        if let cacheFile { PagefindLocation.remember(path, for: python, in: cacheFile) }
        return ExternalTool(executable: path, prefixArguments: [])
    }()

    /// Headless Chromium (Debian's `chromium`), for PDFs.
    public static let chromium: ExternalTool? = {
        find(["chromium", "chromium-browser", "google-chrome"]).map { ExternalTool(executable: $0, prefixArguments: []) }
    }()
}
