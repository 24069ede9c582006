/// One audience's view of the program in one language, with its Markdown parsed: what an
/// output is rendered from.
public final class AudienceView: @unchecked Sendable {
    public let audience: Audience
    public let content: Content
    /// The interface strings and formats of the content's language.
    public let wording: Wording
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
    init(_ content: Content, audience: Audience, wording: Wording, sharingWith other: AudienceView? = nil,
                cache: MarkdownCache? = nil) {
        self.audience = audience
        self.content = content
        self.wording = wording
        let sources = Self.markdownSources(of: content)
        // The client pages of an English program are scored for reading level (the formula is
        // for English), while their tree is at hand.
        let scored = audience == .everyone && content.language.lowercased().hasPrefix("en")
            ? Set(content.pages.map(\.body.origin)) : []
        // Parsing is serialised inside MarkdownDocument; preparing each tree runs on all cores.
        let parsed = sources.concurrentMap { source -> MarkdownDocument in
            if let other, other.texts[source.origin] == source.text, let shared = other.documents[source.origin] {
                return shared
            }
            let make = {
                MarkdownDocument(source, audience: audience, allowRawHTML: content.program.allowRawHTML,
                                 staffLabel: wording.text("staff_only"), scoresReading: scored.contains(source.origin))
            }
            return cache?.document(source, audience: audience, allowRawHTML: content.program.allowRawHTML,
                                     language: content.language, make: make) ?? make()
        }
        self.documents = Dictionary(zip(sources.map(\.origin), parsed), uniquingKeysWith: { first, _ in first })
        self.texts = Dictionary(sources.map { ($0.origin, $0.text) }, uniquingKeysWith: { first, _ in first })
    }

    public func document(_ source: MarkdownSource) -> MarkdownDocument {
        if let document = documents[source.origin] { return document }
        // Only reached for text that is not part of the content (tests); parse it on demand.
        return MarkdownDocument(source, audience: audience, allowRawHTML: content.program.allowRawHTML,
                                staffLabel: wording.text("staff_only"))
    }

    /// Chapters showing text in the default language because its translation is missing: the
    /// pages, and the sections with an untranslated entry.
    public var untranslatedChapters: Set<String> {
        var chapters = Set(content.pages.filter { $0.fallbackLanguage != nil }.map(\.slug))
        if content.rules.contains(where: { $0.fallbackLanguage != nil }) { chapters.insert(BuiltInSection.rules.rawValue) }
        if content.faq.contains(where: { $0.fallbackLanguage != nil }) { chapters.insert(BuiltInSection.faq.rawValue) }
        if content.topics.contains(where: { $0.fallbackLanguage != nil }) { chapters.insert(BuiltInSection.topics.rawValue) }
        return chapters
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
