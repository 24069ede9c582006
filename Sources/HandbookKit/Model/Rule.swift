/// A program rule, from `rules.yaml`.
public struct Rule: Sendable {
    public var id: String
    public var title: String
    public var category: String?
    /// What the client must do, and why.
    public var text: MarkdownSource
    /// What happens when the rule is broken.
    public var consequence: MarkdownSource?
    /// Breaking the rule can end a client's treatment here: clients must be told which rules these are.
    public var canLeadToDischarge: Bool
    /// Staff-only: how staff enforce the rule.
    public var staffNote: MarkdownSource?
    public var audience: Audience
    public var location: SourceLocation
    /// Compliance requirements the rule meets, by id (`covers: [grievance]`), as on pages.
    public var covers: [String] = []
    /// Owner and review dates (`owner:`, `reviewed:`, `review_every:`): staff only.
    public var review: Review? = nil
    /// Set in a translated edition when the entry has no translation: the language it is shown in.
    public var fallbackLanguage: String? = nil
}

/// A question and its answer, from `faq.yaml`.
public struct FAQEntry: Sendable {
    public var id: String
    public var question: String
    public var answer: MarkdownSource
    public var audience: Audience
    public var location: SourceLocation
    /// Compliance requirements the answer meets, by id (`covers: [fees]`), as on pages.
    public var covers: [String] = []
    /// Owner and review dates (`owner:`, `reviewed:`, `review_every:`): staff only.
    public var review: Review? = nil
    /// Set in a translated edition when the entry has no translation: the language it is shown in.
    public var fallbackLanguage: String? = nil
}
