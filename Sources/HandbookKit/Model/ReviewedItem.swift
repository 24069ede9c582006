/// A page, rule, question or topic that carries an owner or review dates: what `check` looks at
/// and the compliance report lists, in file order (pages, then rules.yaml, faq.yaml, topics.yaml).
public struct ReviewedItem: Sendable {
    public enum Kind: String, Sendable {
        case page, rule, question, topic
    }

    public var kind: Kind
    /// The page's file name without `.md`, or the item's id.
    public var id: String
    public var title: String
    public var review: Review
    /// The chapter the item is shown in, and its anchor there (nil for a page).
    public var chapter: String
    public var anchor: String?

    /// Every item of `content` that has review information, in file order.
    public static func all(in content: Content) -> [ReviewedItem] {
        var items: [ReviewedItem] = []
        for page in content.pages {
            guard let review = page.review else { continue }
            items.append(ReviewedItem(kind: .page, id: page.slug, title: page.title, review: review, chapter: page.slug))
        }
        for rule in content.rules {
            guard let review = rule.review else { continue }
            items.append(ReviewedItem(kind: .rule, id: rule.id, title: rule.title, review: review,
                                      chapter: BuiltInSection.rules.rawValue, anchor: Anchors.record(rule.id)))
        }
        for entry in content.faq {
            guard let review = entry.review else { continue }
            items.append(ReviewedItem(kind: .question, id: entry.id, title: entry.question, review: review,
                                      chapter: BuiltInSection.faq.rawValue, anchor: Anchors.record(entry.id)))
        }
        for topic in content.topics {
            guard let review = topic.review else { continue }
            items.append(ReviewedItem(kind: .topic, id: topic.id, title: topic.title, review: review,
                                      chapter: BuiltInSection.topics.rawValue, anchor: Anchors.record(topic.id)))
        }
        return items
    }
}

extension Review {
    /// Who the owner is, for staff: a staff id becomes "Dana Whitfield, Clinical Director"; a
    /// role is shown as written.
    public func ownerName(staff: [StaffMember]) -> String? {
        guard let owner else { return nil }
        guard let member = staff.first(where: { $0.id == owner }) else { return owner }
        return "\(member.name), \(member.role)"
    }
}
