/// One language's translation of a program, from `translations/<tag>/`: only the texts people
/// read, each tied to its original by page file name, entry id or (for short texts) the
/// original text itself. Everything else (ids, times, audiences) always comes from the original.
public struct Translation: Sendable {
    public var language: String
    /// `<content>/translations/<tag>`, as shown in diagnostics.
    public var folder: String
    public var name: String?
    public var shortName: String?
    public var sections: [BuiltInSection: SectionSettings] = [:]
    /// Translated pages by slug (the original's file name without `.md`).
    public var pages: [String: TranslatedPage] = [:]
    public var rules: [String: TranslatedEntry] = [:]
    public var faq: [String: TranslatedEntry] = [:]
    public var topics: [String: TranslatedEntry] = [:]
    /// Translations of short texts, by the original text.
    public var phrases: [String: Phrase] = [:]

    public init(language: String, folder: String) {
        self.language = language
        self.folder = folder
    }
}

public struct TranslatedPage: Sendable {
    public var title: String
    public var summary: String?
    public var body: MarkdownSource
    public var location: SourceLocation
}

/// A rule, question or topic in another language: its translated fields by the original's key
/// (`title`, `text`, `guide.plan` ...).
public struct TranslatedEntry: Sendable {
    public var id: String
    public var texts: [String: String]
    public var markdown: [String: MarkdownSource]
    public var location: SourceLocation
}

public struct Phrase: Sendable {
    public var translation: String
    public var location: SourceLocation
}
