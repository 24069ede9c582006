/// How a chapter's body is written: on its own page, or as a section of the print page.
struct RenderMode {
    /// Prefix for every id, so ids stay unique when all chapters share one page.
    var idPrefix: String
    /// Added to every heading level.
    var headingShift: Int
    /// Maps a Markdown link destination to the `href` written.
    var href: (String) -> String

    /// `<h2>` on a chapter page, `<h3>` on the print page.
    var itemHeading: String { "h\(2 + headingShift)" }
    var subHeading: String { "h\(3 + headingShift)" }

    func id(_ anchor: String) -> String { idPrefix + anchor }

    /// A section of the print page: paper, where a link to another page leads nowhere.
    var isPrint: Bool { headingShift > 0 }

    static func page(chapter: String, links: LinkResolver) -> RenderMode {
        RenderMode(idPrefix: "", headingShift: 0) { links.pageHref($0, from: chapter) }
    }

    static func print(chapter: String, links: LinkResolver) -> RenderMode {
        RenderMode(idPrefix: chapter + "--", headingShift: 1) { links.printHref($0, from: chapter) }
    }
}
