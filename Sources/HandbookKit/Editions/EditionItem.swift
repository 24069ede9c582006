/// One thing a reader of an edition can point at — a rule, a question, a topic, a section of a
/// page, a session of the regular week, a contact — as that edition's readers saw it.
///
/// Items are keyed by their ids (`rules/phones-in-group`, `pages/welcome#your-first-week`), so a
/// later edition finds the same item again even when its text, title or place changed.
public struct EditionItem: Codable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case rule, question, topic, page, week, contact
    }

    /// The part of a rule or topic that only staff read, kept as an item of its own.
    public enum Part: String, Codable, Sendable {
        case staffNote = "staff_note", facilitatorGuide = "facilitator_guide"
    }

    public var kind: Kind
    public var title: String
    /// The text as this audience reads it (Markdown for rules, questions, topics and pages).
    public var text: String
    /// The chapter the item is shown in (`rules`, `welcome`), and the id of its heading there.
    public var chapter: String
    public var anchor: String?
    /// Reading order in the edition: chapters in their order, items in file order.
    public var position: Int
    /// Set when a translation shows the item in another language (its translation is missing).
    public var shownInLanguage: String?
    /// Where the item's text is written (a translation's file for translated text); not saved.
    public var source: SourceLocation?
    /// Set for a rule's staff note or a topic's facilitator guide.
    public var part: Part?

    private enum CodingKeys: String, CodingKey {
        case kind, title, text, chapter, anchor, position, shownInLanguage = "shown_in_language", part
    }

    /// Whether a reader would see a difference: the place in the reading order does not count.
    public func readsTheSame(as other: EditionItem) -> Bool {
        title == other.title && text == other.text
    }
}

/// Every item of one output (an audience in one language), by key.
public typealias EditionItems = [String: EditionItem]
