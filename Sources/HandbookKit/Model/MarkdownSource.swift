/// Markdown text as written in a page or a data field, with where it starts, so that problems
/// found inside it can be reported at the right line of the right file.
public struct MarkdownSource: Hashable, Sendable {
    public var text: String
    /// Location of the text's first line in its file.
    public var origin: SourceLocation

    public init(_ text: String, origin: SourceLocation) {
        self.text = text
        self.origin = origin
    }
}
