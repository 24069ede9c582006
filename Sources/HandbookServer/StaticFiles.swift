import Foundation
import Hummingbird

/// Serves the output folder, adding the live-reload script to HTML pages as they are sent.
struct StaticFiles: Sendable {
    let root: String

    func response(for path: String) -> Response {
        let decoded = path.removingPercentEncoding ?? path
        if decoded == "/" || decoded.isEmpty {
            return Response(status: .seeOther, headers: [.location: "/handbook/"])
        }
        let parts = decoded.split(separator: "/").map(String.init)
        guard !parts.contains(where: { $0 == ".." || $0.hasPrefix(".") }) else { return Self.notFound }
        var file = root + "/" + parts.joined(separator: "/")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), isDirectory.boolValue {
            guard decoded.hasSuffix("/") else { return Response(status: .seeOther, headers: [.location: decoded + "/"]) }
            file += "/index.html"
        }
        guard let data = FileManager.default.contents(atPath: file) else { return Self.notFound }
        let type = Self.contentType(of: file)
        var body = ByteBuffer(data: data)
        if type.hasPrefix("text/html") {
            body = ByteBuffer(string: LiveReloadScript.inject(into: String(decoding: data, as: UTF8.self)))
        }
        // The length is sent explicitly so that a HEAD request (answered without the body) gets it too.
        return Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-store", .contentLength: String(body.readableBytes)],
                        body: ResponseBody(byteBuffer: body))
    }

    static let notFound = Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                                   body: ResponseBody(byteBuffer: ByteBuffer(string: "Not found\n")))

    static func contentType(of file: String) -> String {
        switch (file as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "pdf": "application/pdf"
        case "ics": "text/calendar; charset=utf-8"
        case "wasm": "application/wasm"
        default: "application/octet-stream"
        }
    }
}
