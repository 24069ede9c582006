/// Markdown text as written in a page or a data field, with where it starts, so that problems
/// found inside it can be reported at the right line of the right file.
public struct MarkdownSource: Hashable, Sendable {
    public private(set) var text: String
    /// Location of the text's first line in its file.
    public var origin: SourceLocation

    public init(_ text: String, origin: SourceLocation) {
        // cmark ends a line at "\r\n", "\r" or "\n"; Swift sees "\r\n" as one Character, not
        // "\n". One kind of line end for all, so that the lines the tool counts and blanks (staff
        // blocks cut from client text, line numbers) are cmark's lines.
        self.text = text.containsByte(UInt8(ascii: "\r"))
            ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : text
        self.origin = origin
    }
}
