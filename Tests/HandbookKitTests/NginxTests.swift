import Foundation
import XCTest
@testable import HandbookKit

/// The output folder behind a real nginx, configured by `handbook webserver-config nginx`: the
/// client site open to anyone, the staff manual only through its lock, the right media types and
/// headers, search working under the Content-Security-Policy, and no broken page for readers
/// while the folder is rebuilt. The settings' checks are in `WebserverConfigTests`.
final class NginxTests: XCTestCase {
    private let staffLogin = "staff:correct horse"

    /// The media type a browser or calendar must get for each kind of file the sample writes.
    private let expectedTypes = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "json": "application/json; charset=utf-8", "ics": "text/calendar; charset=utf-8",
        "pf_meta": "application/octet-stream", "pf_fragment": "application/octet-stream",
        "pf_index": "application/octet-stream", "pagefind": "application/octet-stream",
    ]

    private func sampleOptions(_ output: String, search: Bool) -> Handbook.Options {
        var options = Handbook.Options(contentDirectory: sampleContent, templatesDirectory: defaultTemplates, outputDirectory: output,
                                       profilesDirectory: packageRoot + "/Profiles")
        options.search = search
        return options
    }

    private func buildSample(into output: String, search: Bool = true) throws {
        let report = try Handbook.build(sampleOptions(output, search: search), environment: fixedClock("2026-12-02"))
        XCTAssertFalse(report.warnings.contains { $0.message.contains("not installed") }, "\(report.warnings)")
    }

    /// A password file with one staff login, made as docs/publishing.md says.
    private func passwordFile(in folder: String) throws -> String {
        let (status, hash) = try runOnPath(["openssl", "passwd", "-apr1", String(staffLogin.split(separator: ":")[1])])
        XCTAssertEqual(status, 0, hash)
        let file = folder + "/staff.htpasswd"
        try write("staff:" + hash.trimmingCharacters(in: .whitespacesAndNewlines) + "\n", to: file)
        return file
    }

    /// nginx serving `output` with the server block the command prints for `arguments`.
    private func serve(_ output: String, _ arguments: [String], in folder: String) throws -> NginxServer {
        try NginxServer.start(in: folder, for: self) { port in
            let result = try webserverConfig(["--root", output, "--listen", "127.0.0.1:\(port)"] + arguments)
            XCTAssertEqual(result.status, 0, result.stderr)
            return result.stdout
        }
    }

    /// Every file the build wrote, by path from the output folder (`/handbook/index.html`), with
    /// the folders that have an index page (`/handbook/es/`).
    private func addresses(under folder: String, in output: String) -> [String] {
        let files = snapshot(output + "/" + folder).keys.filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
        let folders = files.filter { $0 == "index.html" || $0.hasSuffix("/index.html") }.map { String($0.dropLast("index.html".count)) }
        return (files + folders).map { "/\(folder)/\($0)" }.sorted()
    }

    private func expectedType(_ path: String) -> String? {
        path.hasSuffix("/") ? expectedTypes["html"] : expectedTypes[(path as NSString).pathExtension]
    }

    func testTheClientSiteIsOpenAndTheManualNeedsAPassword() throws {
        let folder = try temporaryFolder(self)
        let output = folder + "/Public"
        try buildSample(into: output)
        // What a server must never hand out, though it is in the folder: another build's staging
        // folder (a whole copy of the manual), the marker, a file the build did not write, the
        // compliance report, and a link that leads from the handbook into the manual.
        try write(try read(output + "/manual/staff-directory.html"), to: output + "/.handbook-staging-1234/manual/staff-directory.html")
        try write("<p>report</p>", to: output + "/compliance-report.html")
        try write("notes: private", to: output + "/handbook/notes.yaml")
        try write("<p>hidden</p>", to: output + "/handbook/.hidden.html")
        try FileManager.default.createSymbolicLink(atPath: output + "/handbook/staff.html", withDestinationPath: "../manual/staff-directory.html")
        // 10.0.0.0/8 leaves the test's own address out: only the password opens the manual.
        let server = try serve(output, ["--staff-htpasswd", try passwordFile(in: folder), "--staff-allow", "10.0.0.0/8"], in: folder)

        let open = addresses(under: "handbook", in: output).filter { !$0.hasSuffix("/notes.yaml") && !$0.hasSuffix("/staff.html") }
            + addresses(under: "schedule", in: output)
        XCTAssertTrue(open.contains("/handbook/pagefind/pagefind.js") && open.contains("/schedule/calendar/all-tracks.ics"), "\(open)")
        let openAnswers = try LoopbackHTTP.get(open, port: server.port)
        XCTAssertEqual(openAnswers.count, open.count, "every address was answered")
        for (path, answer) in openAnswers {
            XCTAssertEqual(answer.status, 200, path)
            XCTAssertEqual(answer.type, expectedType(path), path)
        }

        let manual = addresses(under: "manual", in: output)
        XCTAssertTrue(manual.contains("/manual/es/staff-directory.html") && manual.contains("/manual/pagefind/pagefind-entry.json"), "\(manual)")
        let withoutPassword = try LoopbackHTTP.get(manual, port: server.port)
        XCTAssertEqual(withoutPassword.count, manual.count)
        for (path, answer) in withoutPassword {
            XCTAssertEqual(answer.status, 401, "\(path) without a password")
            XCTAssertEqual(answer.headers["www-authenticate"], "Basic realm=\"Staff manual\"", path)
        }
        let withPassword = try LoopbackHTTP.get(manual, port: server.port, user: staffLogin)
        XCTAssertEqual(withPassword.count, manual.count)
        for (path, answer) in withPassword {
            XCTAssertEqual(answer.status, 200, "\(path) with the password")
            XCTAssertEqual(answer.type, expectedType(path), path)
            XCTAssertEqual(answer.headers["x-robots-tag"], "noindex, nofollow", path)
        }
        XCTAssertEqual(try LoopbackHTTP.get("/manual/index.html", port: server.port, user: "staff:wrong").status, 401)

        let neverServed = ["/.handbook-staging-1234/manual/staff-directory.html", "/.handbook-output", "/compliance-report.html",
                           "/README.md", "/handbook/notes.yaml", "/handbook/.hidden.html", "/handbook/staff.html",
                           "/manual/pagefind/", "/manual/pagefind/index/", "/handbook/pagefind/", "/handbook/assets/", "/schedule/calendar/"]
        // Ways round the lock: the manual through the handbook's folder, or spelled otherwise.
        let roundTheLock = ["/handbook/../manual/staff-directory.html", "/handbook/..%2fmanual/staff-directory.html",
                            "/handbook/%2e%2e/manual/staff-directory.html", "/MANUAL/staff-directory.html", "/Manual/es/index.html"]
        for user in [nil, staffLogin] {
            for (path, answer) in try LoopbackHTTP.get(neverServed + (user == nil ? roundTheLock : []), port: server.port, user: user) {
                XCTAssertNotEqual(answer.status, 200, "\(path) \(user == nil ? "without" : "with") a password")
                XCTAssertLessThan(answer.status, 500, path)
            }
        }

        // The headers a browser enforces, on pages, files and refusals alike.
        for (path, user) in [("/handbook/search.html", nil), ("/handbook/pagefind/pagefind.js", nil), ("/missing.html", nil),
                             ("/manual/index.html", nil), ("/manual/search.html", staffLogin)] {
            let headers = try LoopbackHTTP.get(path, port: server.port, user: user).headers
            let policy = headers["content-security-policy"] ?? ""
            for directive in ["default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "frame-ancestors 'none'"] {
                XCTAssertTrue(policy.contains(directive), "\(path): \(policy)")
            }
            XCTAssertEqual(headers["x-content-type-options"], "nosniff", path)
            XCTAssertEqual(headers["referrer-policy"], "no-referrer", path)
            XCTAssertEqual(headers["x-frame-options"], "DENY", path)
        }
        XCTAssertEqual(try LoopbackHTTP.get("/manual/index.html", port: server.port).headers["x-robots-tag"], "noindex, nofollow")
        XCTAssertNil(try LoopbackHTTP.get("/handbook/index.html", port: server.port).headers["x-robots-tag"])

        // Pages are checked on each visit; Pagefind's index files, named by content, kept a year.
        XCTAssertEqual(try LoopbackHTTP.get("/handbook/rules.html", port: server.port).headers["cache-control"], "no-cache")
        let index = try XCTUnwrap(open.first { $0.hasSuffix(".pf_index") })
        XCTAssertEqual(try LoopbackHTTP.get(index, port: server.port).headers["cache-control"], "max-age=31536000, immutable")
        XCTAssertEqual(try LoopbackHTTP.get("/manual/index.html", port: server.port, user: staffLogin).headers["cache-control"], "private, no-cache")

        let home = try LoopbackHTTP.get("/", port: server.port)
        XCTAssertEqual(home.status, 302)
        XCTAssertEqual(home.headers["location"], "/handbook/")
        XCTAssertEqual(try LoopbackHTTP.get("/handbook/es", port: server.port).headers["location"], "/handbook/es/")
        XCTAssertFalse(server.errorLog.contains("[emerg]") || server.errorLog.contains("[crit]"), server.errorLog)
    }

    func testAnAllowListOpensTheManualToTheIntranetOnly() throws {
        let folder = try temporaryFolder(self)
        let output = folder + "/Public"
        try buildSample(into: output, search: false)
        let password = try passwordFile(in: folder)
        let page = "/manual/staff-directory.html"

        let intranet = try serve(output, ["--staff-allow", "192.168.0.0/16", "--staff-allow", "127.0.0.0/8"], in: folder + "/intranet")
        XCTAssertEqual(try LoopbackHTTP.get(page, port: intranet.port).status, 200, "the test's own address is in the list")
        let elsewhere = try serve(output, ["--staff-allow", "10.0.0.0/8"], in: folder + "/elsewhere")
        XCTAssertEqual(try LoopbackHTTP.get(page, port: elsewhere.port).status, 403)
        XCTAssertEqual(try LoopbackHTTP.get(page, port: elsewhere.port, user: staffLogin).status, 403, "no password opens an allow-list")
        XCTAssertEqual(try LoopbackHTTP.get("/handbook/rules.html", port: elsewhere.port).status, 200)

        // Either is enough by default; with --staff-require-both, an allowed address still needs the password.
        let either = try serve(output, ["--staff-allow", "127.0.0.0/8", "--staff-htpasswd", password], in: folder + "/either")
        XCTAssertEqual(try LoopbackHTTP.get(page, port: either.port).status, 200)
        let both = try serve(output, ["--staff-allow", "127.0.0.0/8", "--staff-htpasswd", password, "--staff-require-both"], in: folder + "/both")
        XCTAssertEqual(try LoopbackHTTP.get(page, port: both.port).status, 401)
        XCTAssertEqual(try LoopbackHTTP.get(page, port: both.port, user: staffLogin).status, 200)

        // A host for the client site never serves a manual copied there by mistake.
        let clientOnly = try serve(output, ["--client-only"], in: folder + "/client-only")
        for path in [page, "/manual/", "/manual/es/index.html", "/Manual/index.html"] {
            XCTAssertEqual(try LoopbackHTTP.get(path, port: clientOnly.port, user: staffLogin).status, 404, path)
        }
        XCTAssertEqual(try LoopbackHTTP.get("/handbook/", port: clientOnly.port).status, 200)
    }

    func testSearchWorksThroughTheServerUnderItsContentSecurityPolicy() throws {
        _ = try Browser.tool("chromium")
        _ = try Browser.tool("chromedriver")
        try Browser.pythonModule("selenium")
        let folder = try temporaryFolder(self)
        let output = folder + "/Public"
        try buildSample(into: output)
        let searches = ["/handbook/search.html?q=cravings", "/handbook/es/search.html?q=detonantes", "/manual/search.html?q=incident"]

        let server = try serve(output, ["--staff-allow", "127.0.0.0/8"], in: folder + "/site")
        let report = try searchReport(port: server.port, searches)
        for search in searches {
            let page = try XCTUnwrap(report[search] as? [String: Any], "\(report)")
            XCTAssertGreaterThan(page["results"] as? Int ?? 0, 0, "\(search): \(page)")
            XCTAssertEqual(page["problems"] as? [String], [], search)
        }

        // The check can fail: without 'wasm-unsafe-eval' Pagefind cannot run, and that is seen.
        let strict = try NginxServer.start(in: folder + "/strict", for: self) { port in
            try webserverConfig(["--root", output, "--listen", "127.0.0.1:\(port)", "--staff-allow", "127.0.0.0/8"])
                .stdout.replacingOccurrences(of: " 'wasm-unsafe-eval'", with: "")
        }
        let refused = try XCTUnwrap(try searchReport(port: strict.port, [searches[0]])[searches[0]] as? [String: Any])
        XCTAssertEqual(refused["results"] as? Int, 0)
        XCTAssertTrue((refused["problems"] as? [String] ?? []).contains { $0.contains("Content Security Policy") }, "\(refused)")
    }

    private func searchReport(port: Int, _ searches: [String]) throws -> [String: Any] {
        let (status, output) = try runOnPath(["python3", fixturesFolder + "/search-under-csp.py", "http://127.0.0.1:\(port)"] + searches)
        XCTAssertEqual(status, 0, output)
        let json = output.drop { $0 != "{" }
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], output)
    }

    /// Ten builds one after another into the served folder, while readers keep asking for every
    /// page: each output is swapped in whole, so no page that is there before and after is ever
    /// missing or broken in between.
    func testRebuildingWhileServingBreaksNoPage() throws {
        let folder = try temporaryFolder(self)
        let output = folder + "/Public"
        try buildSample(into: output, search: false)
        let server = try serve(output, ["--staff-htpasswd", try passwordFile(in: folder)], in: folder)
        let pages = ["handbook", "schedule"].flatMap { addresses(under: $0, in: output) }.filter { $0.hasSuffix(".html") || $0.hasSuffix("/") }
        let staffPages = addresses(under: "manual", in: output).filter { $0.hasSuffix(".html") || $0.hasSuffix("/") }
        XCTAssertGreaterThan(pages.count + staffPages.count, 80)

        let builds = RebuildLoop(options: sampleOptions(output, search: false), environment: fixedClock("2026-12-02"), count: 10)
        builds.start()
        var failures: [String: Int] = [:], rounds = 0
        while !builds.isDone || rounds == 0, rounds < 2000 {
            let answers = try LoopbackHTTP.get(pages, port: server.port)
                .merging(try LoopbackHTTP.get(staffPages, port: server.port, user: staffLogin), uniquingKeysWith: { $1 })
            // A page with no answer at all (the connection failed) counts as broken too.
            for path in pages + staffPages {
                let status = answers[path]?.status ?? 0
                if status == 404 || status >= 500 || status == 0 { failures[path] = status }
            }
            rounds += 1
        }
        builds.wait()
        XCTAssertEqual(builds.errors, [])
        XCTAssertEqual(builds.finished, 10)
        XCTAssertGreaterThan(rounds, 10, "the requests ran alongside the builds")
        let after = Set(["handbook", "schedule", "manual"].flatMap { addresses(under: $0, in: output) })
        XCTAssertEqual(failures.filter { after.contains($0.key) }, [:], "pages missing or broken during a rebuild")
        XCTAssertFalse(server.errorLog.contains("[crit]") || server.errorLog.contains("[alert]"), server.errorLog)
    }
}

/// Builds run one after another on another thread, while the test keeps requesting pages.
private final class RebuildLoop: @unchecked Sendable {
    let options: Handbook.Options
    let environment: [String: String]
    let count: Int
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var _finished = 0
    private var _errors: [String] = []
    private var _isDone = false

    init(options: Handbook.Options, environment: [String: String], count: Int) {
        self.options = options
        self.environment = environment
        self.count = count
    }

    var finished: Int { lock.withLock { _finished } }
    var errors: [String] { lock.withLock { _errors } }
    var isDone: Bool { lock.withLock { _isDone } }

    func start() {
        Thread.detachNewThread { [self] in
            for _ in 0..<count {
                do {
                    _ = try Handbook.build(options, environment: environment)
                    lock.withLock { _finished += 1 }
                } catch {
                    lock.withLock { _errors.append("\(error)") }
                }
            }
            lock.withLock { _isDone = true }
            done.signal()
        }
    }

    func wait() { done.wait() }
}

/// Runs `handbook webserver-config nginx` with the arguments: its exit status, and what it wrote
/// to standard output and to standard error, apart.
func webserverConfig(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try builtHandbookCommand())
    process.arguments = ["webserver-config", "nginx"] + arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, stdout, stderr)
}
