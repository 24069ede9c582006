/// The chapters of an output in reading order: Markdown pages and the built-in data sections.
public struct Outline: Sendable {
    public struct Chapter: Sendable {
        public enum Kind: Sendable {
            case page(Page)
            case section(BuiltInSection)
        }
        /// File name without `.html`, and the chapter's id on the print page.
        public var slug: String
        public var title: String
        public var summary: String?
        public var order: Int
        public var kind: Kind
        /// Ids a link may point at inside the chapter (`rules.md#come-sober`).
        public var anchors: Set<String>
    }

    public var chapters: [Chapter]
    /// Position of each chapter by slug: links are looked up once per link, so this must not be a scan.
    private var positions: [String: Int] = [:]

    public init(_ view: AudienceView) {
        let content = view.content
        var chapters: [Chapter] = content.pages.map { page in
            Chapter(slug: page.slug, title: page.title, summary: page.summary, order: page.order, kind: .page(page),
                    anchors: Set(view.document(page.body).headings.map(\.id)))
        }
        for section in BuiltInSection.allCases where Self.hasContent(section, content, audience: view.audience) {
            let settings = content.program.sections[section]
            var anchors = Set(settings?.intro.map { view.document($0).headings.map(\.id) } ?? [])
            switch section {
            case .rules: anchors.formUnion(content.rules.map { Anchors.record($0.id) })
            case .faq: anchors.formUnion(content.faq.map { Anchors.record($0.id) })
            case .topics:
                anchors.formUnion(content.topics.map { Anchors.record($0.id) })
                anchors.formUnion(content.topics.map { Anchors.module($0.module ?? view.wording.text("topics_without_module")) })
            case .schedule: anchors.formUnion(content.schedule.tracks.map { Anchors.record($0.id) })
            case .contacts:
                anchors.formUnion(Anchors.contactsChapter(hasHours: !content.program.hours.isEmpty, hasStaff: !content.staff.isEmpty))
            case .staffDirectory: anchors.formUnion(content.staff.map { Anchors.record($0.id) })
            case .whatsNew: break
            }
            chapters.append(Chapter(slug: section.rawValue, title: settings?.title ?? view.wording.text(section.titleKey),
                                    summary: nil, order: settings?.order ?? section.defaultOrder,
                                    kind: .section(section), anchors: anchors))
        }
        // Stable: equal orders keep pages before sections, each in file order.
        self.chapters = chapters.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }.map(\.element)
        for (index, chapter) in self.chapters.enumerated() { positions[chapter.slug] = index }
    }

    public func index(of slug: String) -> Int? { positions[slug] }

    /// Heading ids and entry ids a link may point at, by chapter.
    var anchorsByChapter: [String: Set<String>] {
        Dictionary(chapters.map { ($0.slug, $0.anchors) }, uniquingKeysWith: { $0.union($1) })
    }

    static func hasContent(_ section: BuiltInSection, _ content: Content, audience: Audience) -> Bool {
        if section.isStaffOnly && audience != .staff { return false }
        return switch section {
        case .rules: !content.rules.isEmpty
        case .faq: !content.faq.isEmpty
        case .topics: !content.topics.isEmpty
        case .schedule: !content.schedule.tracks.isEmpty
        case .contacts: true
        case .staffDirectory: !content.staff.isEmpty
        case .whatsNew: !(content.whatsNew?.changes.isEmpty ?? true)
        }
    }

    public func chapter(_ slug: String) -> Chapter? { positions[slug].map { chapters[$0] } }
}
