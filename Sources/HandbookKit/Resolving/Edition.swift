/// One audience's view of the program with its Markdown parsed: what an output is rendered from.
public final class Edition: @unchecked Sendable {
    public let audience: Audience
    public let content: Content
    /// Parsed Markdown, by the location where each text starts.
    private let documents: [SourceLocation: MarkdownDocument]
    /// The text each document was parsed from.
    private let texts: [SourceLocation: String]

    /// `content` must already be resolved for `audience` (see `AudienceResolver`).
    ///
    /// A text that is the same in `other` (the other audience's edition) reuses its document
    /// instead of parsing it again: the same text holds no `staff` block, because cutting one out
    /// of the client text changes it, so both audiences would get the same tree. Outputs render
    /// one after the other, so a shared document is never rendered by two threads at once.
    public init(_ content: Content, audience: Audience, sharingWith other: Edition? = nil, session: BuildSession? = nil) {
        self.audience = audience
        self.content = content
        let sources = Self.markdownSources(of: content)
        // Parsing is serialised inside MarkdownDocument; preparing each tree runs on all cores.
        let parsed = sources.concurrentMap { source -> MarkdownDocument in
            if let other, other.texts[source.origin] == source.text, let shared = other.documents[source.origin] {
                return shared
            }
            let make = { MarkdownDocument(source, audience: audience, allowRawHTML: content.program.allowRawHTML) }
            return session?.document(source, audience: audience, allowRawHTML: content.program.allowRawHTML, make: make) ?? make()
        }
        self.documents = Dictionary(zip(sources.map(\.origin), parsed), uniquingKeysWith: { first, _ in first })
        self.texts = Dictionary(sources.map { ($0.origin, $0.text) }, uniquingKeysWith: { first, _ in first })
    }

    public func document(_ source: MarkdownSource) -> MarkdownDocument {
        if let document = documents[source.origin] { return document }
        // Only reached for text that is not part of the content (tests); parse it on demand.
        return MarkdownDocument(source, audience: audience, allowRawHTML: content.program.allowRawHTML)
    }

    /// Every Markdown text of the content, each with the chapter it appears in.
    static func markdownSources(of content: Content) -> [MarkdownSource] {
        markdownByChapter(of: content).flatMap(\.1)
    }

    static func markdownByChapter(of content: Content) -> [(String, [MarkdownSource])] {
        var result: [(String, [MarkdownSource])] = content.pages.map { ($0.slug, [$0.body]) }
        result.append(("rules", content.rules.flatMap { [$0.text] + [$0.consequence, $0.staffNote].compactMap { $0 } }))
        result.append(("faq", content.faq.map(\.answer)))
        result.append(("topics", content.topics.flatMap { [$0.summary] + [$0.guide?.plan].compactMap { $0 } }))
        for section in BuiltInSection.allCases {
            if let intro = content.program.sections[section]?.intro { result.append((section.rawValue, [intro])) }
        }
        return result
    }

    /// Every parsed document with the chapter (output page) it is shown on.
    public var documentsByChapter: [(chapter: String, document: MarkdownDocument)] {
        Self.markdownByChapter(of: content).flatMap { chapter, sources in
            sources.map { (chapter, document($0)) }
        }
    }
}
