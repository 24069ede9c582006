import Foundation
import Hummingbird

/// Answers only requests addressed to this server by its loopback name and port.
///
/// The server listens on 127.0.0.1 only, but a web page open in the user's browser can still
/// reach it by DNS rebinding: its own name made to resolve to 127.0.0.1. Such a request carries
/// the page's name in `Host:`, so checking it keeps the staff manual from being read that way.
/// A `%00` in a path is refused too: no file name holds one.
struct LocalRequestsOnly<Context: RequestContext>: RouterMiddleware {
    /// The port the server listens on, known once it runs (0 asks for any free port).
    let port: PortBox

    final class PortBox: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Int
        var port: Int {
            get { lock.withLock { value } }
            set { lock.withLock { value = newValue } }
        }
        init(_ port: Int) { value = port }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard Self.isLocal(request.head.authority, port: port.port) else {
            return Self.plain(.misdirectedRequest, "This preview answers only http://127.0.0.1:\(port.port)/ and http://localhost:\(port.port)/.\n")
        }
        let path = request.uri.path
        if path.lowercased().contains("%00") || path.contains("\0") {
            return Self.plain(.badRequest, "Bad request\n")
        }
        return try await next(request, context)
    }

    /// Whether `Host:` names this computer's loopback address at the server's port.
    static func isLocal(_ authority: String?, port: Int) -> Bool {
        guard let authority = authority?.lowercased() else { return false }
        let names = ["127.0.0.1", "localhost", "[::1]"]
        return names.contains { authority == "\($0):\(port)" || (port == 80 && authority == $0) }
    }

    static func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8", .contentLength: String(text.utf8.count)],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
