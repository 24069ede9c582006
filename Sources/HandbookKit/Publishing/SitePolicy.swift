/// What a web server in front of the output folder must do with the files the build writes,
/// whatever the server: which folders it serves and to whom, which kinds of file, with which
/// media types, headers and caching. `NginxConfig` writes this down for nginx.
///
/// The build keeps no list of the files it wrote, so "only what the build wrote" is enforced by
/// place and kind: only the output folders, only the kinds of file the build writes, never a
/// name that starts with a dot (the output marker, and the staging folders of a build in
/// progress, which hold a whole second copy of the outputs, the manual among them).
public enum SitePolicy {
    /// Output folders anyone may read.
    public static let openFolders = ["handbook", "schedule"]
    /// The output folder only staff may read: the staff manual, in every language.
    public static let staffFolder = "manual"

    /// Every kind of file the build writes, with the media type a browser or calendar needs.
    /// Pages, scripts, styles and calendars are UTF-8 (`charsetTypes`).
    public static let mediaTypes: [String: String] = [
        "html": "text/html", "css": "text/css", "js": "text/javascript", "json": "application/json",
        "ics": "text/calendar",
        // Pagefind's index: compressed by Pagefind itself and unpacked by its script, so served
        // as bytes, never with a Content-Encoding.
        "pf_meta": "application/octet-stream", "pf_fragment": "application/octet-stream",
        "pf_index": "application/octet-stream", "pagefind": "application/octet-stream",
        "wasm": "application/wasm",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp",
        "svg": "image/svg+xml", "avif": "image/avif", "ico": "image/x-icon", "pdf": "application/pdf",
        "mp3": "audio/mpeg", "m4a": "audio/mp4", "ogg": "audio/ogg", "oga": "audio/ogg", "wav": "audio/wav",
        "mp4": "video/mp4", "webm": "video/webm", "ogv": "video/ogg",
        "woff": "font/woff", "woff2": "font/woff2", "ttf": "font/ttf", "otf": "font/otf",
    ]

    /// Media types sent with `; charset=utf-8`.
    public static let charsetTypes = ["text/html", "text/css", "text/javascript", "application/json", "text/calendar"]

    /// The kinds of file served: what the build renders, Pagefind's files, and what a page may
    /// link to or a templates folder may publish. A data file, a Markdown source, a template or
    /// anything else left in the folder is not served.
    public static var servedExtensions: [String] {
        Set(["html", "css", "js", "json", "ics", "wasm"] + fingerprintedExtensions + ["pagefind"])
            .union(LinkResolver.publishableExtensions).union(TemplateSet.assetExtensions).sorted()
    }

    /// Files whose name changes when their content does (Pagefind names its index files by a hash
    /// of their content), so a browser may keep them for a year. Every other file is checked
    /// with the server on each use: a page or a style sheet must never be stale after a build.
    public static let fingerprintedExtensions = ["pf_fragment", "pf_index", "pf_meta"]

    /// The Content-Security-Policy the pages and the search page satisfy: everything from this
    /// site only, and no inline script. Search needs `wasm-unsafe-eval` (Pagefind runs
    /// WebAssembly) and a worker of the same origin. Inline styles are allowed because the print
    /// page carries its running footer (the program's name) in a `<style>` and pages may use
    /// `style` attributes; a style cannot run code.
    public static let contentSecurityPolicy = [
        "default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "worker-src 'self'", "connect-src 'self'",
        "style-src 'self' 'unsafe-inline'", "img-src 'self'", "font-src 'self'", "media-src 'self'",
        "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'",
    ].joined(separator: "; ")

    /// A PDF is shown by the browser's own viewer, which a page policy without `object-src`
    /// would block in Chromium; a PDF runs none of our scripts, so it only refuses to be framed.
    public static let pdfContentSecurityPolicy = "frame-ancestors 'none'"

    /// Headers of every answer, besides the Content-Security-Policy.
    public static let securityHeaders: [(name: String, value: String)] = [
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        // frame-ancestors says the same to current browsers; this, to older ones.
        ("X-Frame-Options", "DENY"),
    ]

    /// Tells search engines that reach the manual anyway not to list it or follow its links.
    public static let staffRobotsTag = "noindex, nofollow"

    /// Caching of fingerprinted files and of everything else.
    public static let longCache = "max-age=31536000, immutable"
    public static let noCache = "no-cache"
}
