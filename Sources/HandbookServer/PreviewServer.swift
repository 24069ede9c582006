import Foundation
import HandbookKit
import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals

/// `handbook serve`: builds the program, serves the output folder on the loopback address,
/// rebuilds when a file under the content, templates or profiles folder changes, and tells open
/// pages to reload. A failed build leaves the last good pages in place and shows its errors.
public struct PreviewServer: Sendable {
    public struct Configuration: Sendable {
        public var options: Handbook.Options
        public var host: String
        /// 0 picks a free port.
        public var port: Int
        public var pollInterval: Duration
        /// Print the time of each stage after each rebuild.
        public var timings = false

        public init(options: Handbook.Options, host: String = "127.0.0.1", port: Int = 8080,
                    pollInterval: Duration = .milliseconds(200)) {
            self.options = options
            self.host = host
            self.port = port
            self.pollInterval = pollInterval
        }
    }

    let configuration: Configuration
    let hub = EventHub()
    /// Where messages for the terminal go.
    let report: @Sendable (String) -> Void

    public init(_ configuration: Configuration, report: @escaping @Sendable (String) -> Void = { print($0) }) {
        self.configuration = configuration
        self.report = report
    }

    /// Runs until the task is cancelled, or until Ctrl-C / SIGTERM when `handleSignals`.
    /// `onReady` receives the port once the server listens.
    public func run(handleSignals: Bool = true, onReady: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let rebuilder = Rebuilder(options: configuration.options, hub: hub, report: report,
                                  pollInterval: configuration.pollInterval, timings: configuration.timings)
        // The files as they are before the first build: an edit made during it is not missed.
        let baseline = rebuilder.watcher.fingerprint()
        await rebuilder.buildNow()
        rebuilder.baseline.value = baseline
        // HEAD is answered like GET, without the body.
        let router = Router(options: .autoGenerateHeadEndpoints)
        let port = LocalRequestsOnly<BasicRequestContext>.PortBox(configuration.port)
        router.add(middleware: LocalRequestsOnly(port: port))
        let files = StaticFiles(root: configuration.options.outputDirectory)
        let hub = self.hub
        router.get(RouterPath(LiveReloadScript.eventsPath)) { _, _ -> Response in
            let stream = await hub.subscribe()
            return Response(status: .ok,
                            headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                            body: ResponseBody(asyncSequence: stream.map { ByteBuffer(string: $0) }))
        }
        router.get(RouterPath(LiveReloadScript.path)) { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: LiveReloadScript.source)))
        }
        router.get("**") { request, _ -> Response in files.response(for: request.uri.path) }
        router.get("/") { request, _ -> Response in files.response(for: request.uri.path) }

        let host = configuration.host
        let report = self.report
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: "handbook"),
            onServerRunning: { channel in
                let listening = channel.localAddress?.port ?? 0
                port.port = listening
                report("Serving http://\(host):\(listening)/handbook/ (Ctrl-C to stop)")
                onReady(listening)
            },
            logger: Logger(label: "handbook.serve", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        defer { Task { await hub.finish() } }
        // The rebuilder runs beside the application, not inside it: a group stops its services in
        // reverse order, so on Ctrl-C the rebuilder closes the pages' event streams first and the
        // web server, which waits for open connections, can then stop.
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: app), .init(service: rebuilder)],
            gracefulShutdownSignals: handleSignals ? [.sigterm, .sigint] : [],
            logger: Logger(label: "handbook.serve", factory: { _ in SwiftLogNoOpLogHandler() })))
        try await group.run()
        report("Stopped.")
    }
}

/// Rebuilds when the watched folders change, and tells the pages.
struct Rebuilder: Service {
    let options: Handbook.Options
    /// Kept between rebuilds, so a change rebuilds only what depends on it.
    let cache = BuildCache()
    let hub: EventHub
    let report: @Sendable (String) -> Void
    let pollInterval: Duration
    let timings: Bool
    final class Baseline: @unchecked Sendable { var value: [String: ContentWatcher.Stamp] = [:] }
    let baseline = Baseline()

    var watcher: ContentWatcher {
        ContentWatcher(folders: [options.contentDirectory] + [options.templatesDirectory, options.profilesDirectory].compactMap { $0 },
                       ignoring: options.outputDirectory)
    }

    func buildNow() async {
        let started = Date()
        do {
            let result = try Handbook.build(options, cache: cache)
            let generation: Int
            if case let .built(previous) = await hub.state { generation = previous + 1 } else { generation = 1 }
            await hub.publish(.built(generation: generation))
            let pages = result.filesWritten.map(\.pages).reduce(0, +)
            let rewritten = result.filesRewritten.map { ", \($0) files changed" } ?? ""
            report(String(format: "Built %d pages in %.3f s", pages, Date().timeIntervalSince(started)) + rewritten)
            if timings {
                report(result.stages.map { String(format: "  %@ %.3f s", $0.name, $0.seconds) }.joined(separator: "\n"))
            }
        } catch let error as DiagnosticsError {
            let messages = error.diagnostics.map(\.description)
            await hub.publish(.failed(messages: messages))
            report("Build failed; the last good pages stay served:\n" + messages.joined(separator: "\n"))
        } catch {
            await hub.publish(.failed(messages: ["\(error)"]))
            report("Build failed: \(error)")
        }
    }

    func run() async throws {
        // On Ctrl-C, close the pages' event streams first: the web server waits for open
        // connections before it stops, and an event stream never ends by itself.
        let hub = self.hub
        do {
            try await withGracefulShutdownHandler {
                try await cancelWhenGracefulShutdown {
                    var last = baseline.value
                    var pause = pollInterval
                    while !Task.isCancelled {
                        try await Task.sleep(for: pause)
                        let clock = ContinuousClock()
                        let started = clock.now
                        let current = watcher.fingerprint()
                        // A look at a large program's files takes a while (about 7 ms per
                        // thousand files on the development machine): waiting ten times that long
                        // between looks keeps `serve` under a tenth of a core while nothing changes.
                        pause = max(pollInterval, (clock.now - started) * 10)
                        if current != last {
                            last = current
                            await buildNow()
                        }
                    }
                }
            } onGracefulShutdown: {
                Task { await hub.finish() }
            }
        } catch is CancellationError {
            // Stopping is not an error.
        }
    }
}
