import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Debian's nginx on 127.0.0.1, started by a test around a server block that
/// `handbook webserver-config nginx` wrote, with every file it writes in a folder of the test's,
/// and stopped by its process id.
final class NginxServer {
    let port: Int
    /// nginx's own folder (`-p`): its configuration, pid file, error log and temporary files.
    let prefix: String
    private let process: Process

    private init(port: Int, prefix: String, process: Process) {
        self.port = port
        self.prefix = prefix
        self.process = process
    }

    /// The nginx program; skips the test when it is missing, except in CI, where it must be there.
    static func executable() throws -> String {
        for folder in ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"]
        where FileManager.default.isExecutableFile(atPath: "\(folder)/nginx") {
            return "\(folder)/nginx"
        }
        if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("nginx is missing in CI") }
        throw XCTSkip("nginx is not installed: scripts/install-system-deps --with-browser installs it")
    }

    /// Starts nginx with the server block `serverBlock` writes for a port, on a free port; stopped
    /// when the test ends.
    static func start(in folder: String, for test: XCTestCase, serverBlock: (Int) throws -> String) throws -> NginxServer {
        let nginx = try executable()
        for attempt in 0..<20 {
            let port = Int.random(in: 20_000...40_000)
            if Browser.isListening(port) { continue }
            let prefix = "\(folder)/nginx-\(attempt)"
            try write(try serverBlock(port), to: prefix + "/server.conf")
            try write(mainConfig(prefix), to: prefix + "/nginx.conf")
            // nginx makes its temporary folders, but not their parent.
            try FileManager.default.createDirectory(atPath: prefix + "/temp", withIntermediateDirectories: true)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: nginx)
            process.arguments = ["-p", prefix, "-e", prefix + "/error.log", "-c", prefix + "/nginx.conf"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let server = NginxServer(port: port, prefix: prefix, process: process)
            for _ in 0..<100 where process.isRunning && !Browser.isListening(port) { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning && Browser.isListening(port) {
                test.addTeardownBlock { server.stop() }
                return server
            }
            server.stop()
            let log = (try? read(prefix + "/error.log")) ?? ""
            // Another program took the port in the meantime: try another. Anything else is a
            // mistake in the configuration, which the test reports.
            guard log.contains("Address already in use") else {
                XCTFail("nginx did not start:\n\(log)\n\((try? read(prefix + "/server.conf")) ?? "")")
                throw XCTSkip("nginx did not start")
            }
        }
        throw XCTSkip("no free port for nginx")
    }

    /// The rest of an nginx configuration, around the server block: everything nginx writes
    /// goes into `prefix`, and it stays in the foreground, a child of the test.
    private static func mainConfig(_ prefix: String) -> String {
        """
        daemon off;
        worker_processes 1;
        pid \(prefix)/nginx.pid;
        error_log \(prefix)/error.log warn;
        events { worker_connections 256; }
        http {
            access_log off;
            client_body_temp_path \(prefix)/temp/body;
            proxy_temp_path \(prefix)/temp/proxy;
            fastcgi_temp_path \(prefix)/temp/fastcgi;
            uwsgi_temp_path \(prefix)/temp/uwsgi;
            scgi_temp_path \(prefix)/temp/scgi;
            include \(prefix)/server.conf;
        }

        """
    }

    /// Stops nginx by its process id (SIGTERM, then its workers end with it).
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
    }

    /// The warnings and errors nginx logged.
    var errorLog: String { (try? read(prefix + "/error.log")) ?? "" }
}

/// An answer of the server: its status and headers (names in lower case, first value).
struct HTTPAnswer {
    var status: Int
    var headers: [String: String]
    var type: String { headers["content-type"] ?? "" }
}

/// Requests to 127.0.0.1 with curl, many in one run (one connection, kept alive), by path as
/// written: `/handbook/../manual/` reaches the server as it is.
enum LoopbackHTTP {
    static func get(_ paths: [String], port: Int, user: String? = nil) throws -> [String: HTTPAnswer] {
        var arguments = ["curl", "--silent", "--globoff", "--path-as-is", "--max-time", "20",
                         "--write-out", "\n=== %{http_code} %{url_effective}\n%{header_json}\n"]
        if let user { arguments += ["--user", user] }
        for path in paths { arguments += ["http://127.0.0.1:\(port)\(path)", "--output", "/dev/null"] }
        let (_, output) = try runOnPath(arguments)
        var answers: [String: HTTPAnswer] = [:]
        // Marked by a line of its own ("@" would make curl read the format from a file).
        for chunk in output.components(separatedBy: "\n=== ").dropFirst() {
            let firstLine = chunk.prefix { $0 != "\n" }
            let parts = firstLine.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, let status = Int(parts[0]) else { continue }
            let path = String(parts[1].dropFirst("http://127.0.0.1:\(port)".count))
            let json = (try? JSONSerialization.jsonObject(with: Data(chunk.dropFirst(firstLine.count).utf8))) as? [String: [String]] ?? [:]
            answers[path] = HTTPAnswer(status: status, headers: json.compactMapValues(\.first))
        }
        return answers
    }

    static func get(_ path: String, port: Int, user: String? = nil) throws -> HTTPAnswer {
        try get([path], port: port, user: user)[path] ?? HTTPAnswer(status: 0, headers: [:])
    }
}
