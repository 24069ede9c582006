/// What `check` can find in content that would make a page hard to use with a screen reader or
/// by keyboard (WCAG 2.2): headings out of order, a second top-level heading, link text that says
/// nothing out of context. Images without alt text are reported by `LinkChecker`.
public enum AccessibilityChecker {
    static let vagueLinkTexts: Set<String> = ["here", "click here", "this", "this page", "link", "more", "read more", "page"]

    public static func check(_ view: AudienceView, log: DiagnosticLog) {
        for page in view.content.pages {
            let document = view.document(page.body)
            var previous = 1 // the page title is the one h1
            for heading in document.headings {
                if heading.writtenLevel == 1 {
                    // A first line repeating the title is the usual case: moving it down a level
                    // would show the title twice.
                    let repeatsTitle = heading.text.lowercased() == page.title.lowercased()
                    log.warning(heading.location, "'# \(heading.text)' is a top-level heading, but the page title is the only one a page may have",
                                hint: repeatsTitle ? "delete this line: the title from the front matter ('title: \(page.title)') is already shown at the top of the page"
                                    : "use '## \(heading.text)' (it is shown as a second-level heading)")
                } else if heading.level > previous + 1 {
                    log.warning(heading.location, "the heading '\(heading.text)' skips from level \(previous) to level \(heading.level)",
                                hint: "screen-reader users move by headings: use \(String(repeating: "#", count: previous + 1)) here")
                }
                previous = heading.level
            }
            for link in document.links where !link.isImage {
                let text = link.text.trimmingCharacters(in: .whitespaces).lowercased()
                if text.isEmpty {
                    log.error(link.location, "a link to '\(link.destination)' has no text", hint: "write the text between the brackets: [our rules](rules.md)")
                } else if vagueLinkTexts.contains(text) {
                    log.warning(link.location, "the link text '\(link.text)' does not say where it goes",
                                hint: "name the destination, e.g. [the attendance rules](attendance.md), so it makes sense read alone")
                }
            }
        }
    }
}
