/// A Markdown page from `pages/`, with its front matter.
public struct Page: Sendable {
    /// The file name without `.md`: the page's address (`welcome.md` → `welcome.html`).
    public var slug: String
    public var title: String
    public var order: Int
    public var summary: String?
    public var audience: Audience
    /// Compliance requirements this page meets, by id (`covers: [rights, grievance]`).
    public var covers: [String]
    public var body: MarkdownSource
    public var location: SourceLocation
    /// Owner and review dates (`owner:`, `reviewed:`, `review_every:`): staff only.
    public var review: Review? = nil
    /// Set in a translated edition when the page has no translation: the language it is shown in.
    public var fallbackLanguage: String? = nil
}
