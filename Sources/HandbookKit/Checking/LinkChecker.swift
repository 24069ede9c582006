/// Every link and image in an output's Markdown must point somewhere; images need alt text.
public enum LinkChecker {
    public static func check(_ view: AudienceView, resolver: LinkResolver, log: DiagnosticLog) {
        // Documents are checked on all cores, each into its own log, appended in document order:
        // the same diagnostics in the same order as one after the other.
        let found = view.documentsByChapter.concurrentMap { chapter, document -> [Diagnostic] in
            let log = DiagnosticLog()
            check(document, in: chapter, audience: view.audience, resolver: resolver,
                  allowRawHTML: view.content.program.allowRawHTML, log: log)
            return log.diagnostics
        }
        for diagnostics in found { log.append(contentsOf: diagnostics) }
    }

    private static func check(_ document: MarkdownDocument, in chapter: String, audience: Audience, resolver: LinkResolver,
                              allowRawHTML: Bool, log: DiagnosticLog) {
        for link in document.links {
            if let scheme = dangerousScheme(link.destination) {
                if allowRawHTML {
                    log.warning(link.location, "this '\(scheme)' link can run code in the reader's browser, and is published as written because raw HTML is allowed",
                                hint: "link to a page or a web address instead")
                } else {
                    log.warning(link.location, "this '\(scheme)' link is removed from the page (it would lead nowhere), because such links can run code",
                                hint: "link to a page or a web address instead")
                }
                continue
            }
            if case let .broken(message, hint) = resolver.resolve(link.destination, from: chapter) {
                log.error(link.location, message, hint: hint)
            }
            if link.isImage && link.text.trimmingCharacters(in: .whitespaces).isEmpty {
                log.error(link.location, "the image '\(link.destination)' has no alt text",
                          hint: "describe the picture for people who cannot see it: ![a map of the building](\(link.destination))")
            }
        }
        for location in document.unclosedStaffBlocks where audience == .staff {
            log.warning(location, "this ```staff block is never closed, so everything after it is staff-only",
                        hint: "end the block with a line of three backticks (```)")
        }
        for location in document.cutShortStaffBlocks where audience == .staff {
            log.error(location, "this ```staff block ends with the list item or quote it is in, before its closing fence, so the lines after it would be shown to clients",
                      hint: "indent every line of the block, and its closing fence, as far as the fence that opens it")
        }
        // Every text is in the staff edition: reported once, from there.
        for fence in document.misparsedStaffFences where audience == .staff {
            log.error(fence.location, "this looks like the start of a ```staff block, but it is not one, so its text would be shown to clients",
                      hint: fence.indented
                        ? "a fence indented four spaces or more is shown as code: indent it like the text around it"
                        : "put the fence on a line of its own, with a blank line before it; in a data file write the text after 'key: |', which keeps line breaks ('>' joins them)")
        }
        for location in document.droppedHTML {
            log.warning(location, "raw HTML is not shown in the handbook",
                        hint: "use Markdown instead, or set 'allow_raw_html: true' in program.yaml if you trust every editor")
        }
    }

    /// The scheme of a link that cmark-gfm empties in safe mode (`href=""`): `javascript:`,
    /// `vbscript:`, `file:`, and `data:` other than a PNG, GIF, JPEG or WebP picture.
    static func dangerousScheme(_ destination: String) -> String? {
        // Most links start with a plain character no such scheme starts with ("page.html",
        // "#id", "https:"): answered at once, since this runs for every link on every build.
        if let first = destination.utf8.first, first < 0x80, first != UInt8(ascii: " "), first != UInt8(ascii: "\t"),
           !"jJvVfFdD".utf8.contains(first) {
            return nil
        }
        let lowered = destination.trimmingCharacters(in: .whitespaces).lowercased()
        for scheme in ["javascript:", "vbscript:", "file:"] where lowered.hasPrefix(scheme) { return scheme }
        if lowered.hasPrefix("data:"),
           !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains(where: lowered.hasPrefix) {
            return "data:"
        }
        return nil
    }
}
