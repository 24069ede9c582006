/// Every link and image in an output's Markdown must point somewhere; images need alt text.
public enum LinkChecker {
    public static func check(_ edition: Edition, resolver: LinkResolver, log: DiagnosticLog) {
        // Documents are checked on all cores, each into its own log, appended in document order:
        // the same diagnostics in the same order as one after the other.
        let found = edition.documentsByChapter.concurrentMap { chapter, document -> [Diagnostic] in
            let log = DiagnosticLog()
            check(document, in: chapter, audience: edition.audience, resolver: resolver, log: log)
            return log.diagnostics
        }
        for diagnostics in found { log.append(contentsOf: diagnostics) }
    }

    private static func check(_ document: MarkdownDocument, in chapter: String, audience: Audience, resolver: LinkResolver,
                              log: DiagnosticLog) {
        for link in document.links {
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
        for location in document.droppedHTML {
            log.warning(location, "raw HTML is not shown in the handbook",
                        hint: "use Markdown instead, or set 'allow_raw_html: true' in program.yaml if you trust every editor")
        }
    }
}
