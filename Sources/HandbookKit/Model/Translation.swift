/// One language's translation of a program, from `translations/<tag>/`: only the texts people
/// read, each tied to its original by page file name, entry id or (for short texts) the
/// original text itself. Everything else (ids, times, audiences) always comes from the original.
public struct Translation: Sendable {
    public var language: String
    /// `<content>/translations/<tag>`, as shown in diagnostics.
    public var folder: String
    public var name: String?
    public var shortName: String?
    /// How the interface strings address the reader in this language (`register: informal`).
    public var register: Register = .formal
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

/// A language listed under `translations:` in program.yaml: `es`, or `{language: en, scope: client}`.
public struct TranslationListing: Sendable {
    public var tag: String
    public var scope: TranslationScope
    /// Where the language's tag is written, for messages about the whole translation.
    public var location: SourceLocation

    public init(tag: String, scope: TranslationScope = .all, location: SourceLocation) {
        self.tag = tag
        self.scope = scope
        self.location = location
    }
}

/// How much of a program a translation covers.
public enum TranslationScope: String, Sendable, CaseIterable {
    /// Everything: the handbook and the staff manual are built in the language.
    case all
    /// What clients read: the handbook, its week pages and calendars. The staff read the manual
    /// in the default language, so no manual is built in this language and its staff-only texts
    /// are never asked for.
    case client

    /// The outputs written in a language of this scope.
    public var outputs: [OutputKind] {
        switch self {
        case .all: OutputKind.allCases
        case .client: [.handbook]
        }
    }
}
