/// Readers for the list files: `rules.yaml`, `faq.yaml`, `topics.yaml`, `staff.yaml`.
enum DataLoaders {
    static func rules(_ r: MappingReader) -> [Rule] {
        var seen: [String: SourceLocation] = [:]
        return r.records("rules", noun: "rule", required: true) { rule -> Rule? in
            let id = Identifier.read(rule, seen: &seen)
            let title = rule.string("title", required: true)
            let text = rule.markdown("text", required: true)
            var value = Rule(
                id: id ?? "", title: title ?? "", category: rule.string("category"), text: text ?? MarkdownSource("", origin: rule.location),
                consequence: rule.markdown("consequence"), canLeadToDischarge: rule.bool("can_lead_to_discharge") ?? false,
                staffNote: rule.markdown("staff_note"), audience: rule.audience(), location: rule.location)
            value.covers = covers(rule)
            value.review = rule.review()
            return id == nil || title == nil || text == nil ? nil : value
        }
    }

    static func faq(_ r: MappingReader) -> [FAQEntry] {
        var seen: [String: SourceLocation] = [:]
        return r.records("questions", noun: "question", required: true) { q -> FAQEntry? in
            let question = q.string("question", required: true)
            let answer = q.markdown("answer", required: true)
            var id = q.string("id", kind: .identifier)
            if id == nil, let question { id = Slug.make(question) }
            if let given = id { id = Identifier.check(given, at: q.location(of: "id"), noun: "question", seen: &seen, log: q.log) }
            // Every key is read before giving up on an entry, so none is reported as unknown.
            let audience = q.audience()
            let requirements = covers(q)
            let review = q.review()
            guard let id, let question, let answer else { return nil }
            var entry = FAQEntry(id: id, question: question, answer: answer, audience: audience, location: q.location)
            entry.covers = requirements
            entry.review = review
            return entry
        }
    }

    /// `covers: [grievance]`: the compliance requirements an entry meets, read as on pages; the
    /// compliance check says which ids the profile does not have.
    private static func covers(_ r: MappingReader) -> [String] {
        r.strings("covers")?.map(\.0) ?? []
    }

    static func topics(_ r: MappingReader) -> [Topic] {
        var seen: [String: SourceLocation] = [:]
        return r.records("topics", noun: "topic", required: true) { t -> Topic? in
            let id = Identifier.read(t, seen: &seen)
            let title = t.string("title", required: true)
            let summary = t.markdown("summary", required: true)
            var guide: FacilitatorGuide?
            if let g = t.mapping("guide", noun: "facilitator guide") {
                guide = FacilitatorGuide(
                    objectives: g.strings("objectives")?.map(\.0) ?? [], materials: g.strings("materials")?.map(\.0) ?? [],
                    plan: g.markdown("plan"), minutes: g.int("minutes", range: 1...600))
                g.finish()
            }
            var value = Topic(id: id ?? "", title: title ?? "", module: t.string("module"),
                              summary: summary ?? MarkdownSource("", origin: t.location), guide: guide,
                              audience: t.audience(), location: t.location)
            value.review = t.review()
            return id == nil || title == nil || summary == nil ? nil : value
        }
    }

    static func staff(_ r: MappingReader) -> [StaffMember] {
        var seen: [String: SourceLocation] = [:]
        return r.records("staff", noun: "staff member", required: true) { s -> StaffMember? in
            let id = Identifier.read(s, seen: &seen)
            let name = s.string("name", required: true)
            let role = s.string("role", required: true, hint: "e.g. 'role: Counselor'")
            let value = StaffMember(
                id: id ?? "", name: name ?? "", displayName: s.string("display_name") ?? name ?? "", role: role ?? "",
                credentials: s.string("credentials"), phone: s.string("phone"), email: s.string("email"),
                notes: s.string("notes"), audience: s.audience(), location: s.location)
            return id == nil || name == nil || role == nil ? nil : value
        }
    }
}
