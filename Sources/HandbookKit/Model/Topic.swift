/// A curriculum topic covered in group, from `topics.yaml`.
public struct Topic: Sendable {
    public var id: String
    public var title: String
    /// The curriculum module the topic belongs to, such as "Relapse prevention".
    public var module: String?
    /// What clients are told about the topic.
    public var summary: MarkdownSource
    /// Staff-only: how to run the session.
    public var guide: FacilitatorGuide?
    public var audience: Audience
    public var location: SourceLocation
    /// Owner and review dates (`owner:`, `reviewed:`, `review_every:`): staff only.
    public var review: Review? = nil
    /// Set in a translated edition when the topic has no translation: the language it is shown in.
    public var fallbackLanguage: String? = nil
}

/// Staff-only notes for the person leading a topic's session.
public struct FacilitatorGuide: Sendable {
    public var objectives: [String]
    public var materials: [String]
    public var plan: MarkdownSource?
    public var minutes: Int?
}
