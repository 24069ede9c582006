import CCmarkGFM
import Foundation

/// The one place that talks to libcmark-gfm's process-wide state.
///
/// libcmark-gfm is not thread-safe while parsing: registering the extensions uses an unguarded
/// static, and parsing with extensions edits a shared table of special characters, so concurrent
/// parses corrupt output. Parsing is serialised behind `parseLock`; rendering may run concurrently.
enum Cmark {
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    private static let parseLock = NSLock()

    /// The GFM extensions, looked up once (Swift runs this initialiser exactly once).
    nonisolated(unsafe) private static let extensions: [OpaquePointer] = {
        cmark_gfm_core_extensions_ensure_registered()
        return extensionNames.map { name in
            guard let ext = cmark_find_syntax_extension(name) else {
                fatalError("libcmark-gfm has no '\(name)' extension: install libcmark-gfm-extensions-dev")
            }
            return ext
        }
    }()

    /// The extension list the HTML renderer needs for tagfilter and tables. Owned by us, never freed.
    nonisolated(unsafe) private static let extensionList: UnsafeMutablePointer<cmark_llist>? = {
        var list: UnsafeMutablePointer<cmark_llist>?
        for ext in extensions {
            list = cmark_llist_append(cmark_get_default_mem_allocator(), list, UnsafeMutableRawPointer(ext))
        }
        return list
    }()

    static func options(unsafeHTML: Bool) -> Int32 {
        var options = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_GITHUB_PRE_LANG
        if unsafeHTML { options |= CMARK_OPT_UNSAFE }
        return options
    }

    /// Parses Markdown into a tree the caller owns (free it with `cmark_node_free`).
    static func parse(_ text: String, unsafeHTML: Bool) -> OpaquePointer {
        let options = self.options(unsafeHTML: unsafeHTML)
        return parseLock.withLock {
            let parser = cmark_parser_new(options)!
            defer { cmark_parser_free(parser) }
            for ext in extensions { cmark_parser_attach_syntax_extension(parser, ext) }
            var text = text
            text.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    cmark_parser_feed(parser, chars.baseAddress, chars.count)
                }
            }
            return cmark_parser_finish(parser)!
        }
    }

    /// The text of Markdown without its markup, for comparing what a reader reads word by word.
    static func plainText(_ markdown: String) -> String {
        let root = parse(markdown, unsafeHTML: false)
        defer { cmark_node_free(root) }
        guard let output = cmark_render_plaintext(root, options(unsafeHTML: false), 0) else { return markdown }
        defer { free(output) }
        return String(cString: output).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func renderHTML(_ root: OpaquePointer, unsafeHTML: Bool) -> String {
        _ = extensions
        guard let output = cmark_render_html(root, options(unsafeHTML: unsafeHTML), extensionList) else { return "" }
        defer { free(output) }
        return String(cString: output)
    }
}
