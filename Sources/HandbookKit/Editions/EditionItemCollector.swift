import Foundation

/// Collects the items of an edition from content already resolved for one audience in one
/// language: what that audience reads, and nothing else.
enum EditionItemCollector {
    /// `pagesBySection: false` gives one item per page: enough to tell whether any text changed
    /// (the fingerprint), for less work than cutting every page at its headings.
    static func items(of content: Content, wording: Wording, pagesBySection: Bool = true) -> EditionItems {
        var collector = Collector(content: content)
        collector.addRules()
        collector.addQuestions()
        collector.addTopics()
        if pagesBySection { collector.addPageSections() } else { collector.addWholePages() }
        collector.addRegularWeek(wording: wording)
        collector.addContacts()
        return collector.items
    }

    private struct Collector {
        let content: Content
        var items: EditionItems = [:]

        /// Items sort by their chapter's place, then by their place in it.
        private func position(_ chapterOrder: Int, _ index: Int) -> Int { chapterOrder * 100_000 + index }

        private func order(of section: BuiltInSection) -> Int {
            content.program.sections[section]?.order ?? section.defaultOrder
        }

        /// A rule's staff note is an item of its own, so that a change to it alone is told apart
        /// (and marked staff-only) from a change to what clients read.
        mutating func addRules() {
            for (index, rule) in content.rules.enumerated() {
                let text = [rule.text.text, rule.consequence?.text].compactMap { $0 }
                    .map(Self.trimmed).filter { !$0.isEmpty }.joined(separator: "\n\n")
                let place = position(order(of: .rules), index * 2)
                add("rules/\(rule.id)", EditionItem(kind: .rule, title: rule.title, text: text, chapter: "rules",
                                                    anchor: Anchors.record(rule.id), position: place,
                                                    shownInLanguage: rule.fallbackLanguage, source: rule.text.origin))
                if let note = rule.staffNote {
                    add("rules/\(rule.id)/staff-note",
                        EditionItem(kind: .rule, title: rule.title, text: Self.trimmed(note.text), chapter: "rules",
                                    anchor: Anchors.record(rule.id), position: place + 1,
                                    shownInLanguage: rule.fallbackLanguage, source: note.origin, part: .staffNote))
                }
            }
        }

        mutating func addQuestions() {
            for (index, entry) in content.faq.enumerated() {
                add("faq/\(entry.id)", EditionItem(kind: .question, title: entry.question, text: Self.trimmed(entry.answer.text),
                                                   chapter: "faq", anchor: Anchors.record(entry.id),
                                                   position: position(order(of: .faq), index),
                                                   shownInLanguage: entry.fallbackLanguage, source: entry.answer.origin))
            }
        }

        /// A topic's facilitator guide is an item of its own, like a rule's staff note.
        mutating func addTopics() {
            for (index, topic) in content.topics.enumerated() {
                let place = position(order(of: .topics), index * 2)
                add("topics/\(topic.id)", EditionItem(kind: .topic, title: topic.title, text: Self.trimmed(topic.summary.text),
                                                      chapter: "topics", anchor: Anchors.record(topic.id), position: place,
                                                      shownInLanguage: topic.fallbackLanguage, source: topic.summary.origin))
                if let guide = topic.guide {
                    let parts = guide.objectives + guide.materials + [guide.plan?.text].compactMap { $0 }
                    add("topics/\(topic.id)/guide",
                        EditionItem(kind: .topic, title: topic.title,
                                    text: parts.map(Self.trimmed).filter { !$0.isEmpty }.joined(separator: "\n\n"),
                                    chapter: "topics", anchor: Anchors.record(topic.id), position: place + 1,
                                    shownInLanguage: topic.fallbackLanguage, source: guide.plan?.origin ?? topic.location,
                                    part: .facilitatorGuide))
                }
            }
        }

        /// A page counts by its sections: the text before its first `##` heading, then each
        /// `##` section, so "What's new" can say which part of a long page changed.
        mutating func addWholePages() {
            for page in content.pages {
                add("pages/\(page.slug)", EditionItem(kind: .page, title: page.title, text: Self.trimmed(page.body.text),
                                                      chapter: page.slug, position: position(page.order, 0),
                                                      shownInLanguage: page.fallbackLanguage, source: page.body.origin))
            }
        }

        mutating func addPageSections() {
            for page in content.pages {
                for (index, section) in PageSections.split(page.body.text).enumerated() {
                    let key = section.heading.map { "pages/\(page.slug)#\(Slug.make($0))" } ?? "pages/\(page.slug)"
                    let title = section.heading.map { "\(page.title): \($0)" } ?? page.title
                    add(key, EditionItem(kind: .page, title: title, text: Self.trimmed(section.text), chapter: page.slug,
                                         anchor: section.heading.map(Slug.make), position: position(page.order, index),
                                         shownInLanguage: page.fallbackLanguage, source: page.body.origin))
                }
            }
        }

        /// Each session of the regular week, as one line: when, where and with whom.
        mutating func addRegularWeek(wording: Wording) {
            let rooms = Dictionary(content.schedule.rooms.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            let people = Dictionary(content.staff.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            var index = 0
            for track in content.schedule.tracks {
                for session in track.sessions {
                    let days = session.days.map(wording.weekdayName).joined(separator: ", ")
                    var line = [days, wording.timeRange(session.start, session.end)]
                    if let room = session.room { line.append(rooms[room] ?? room) }
                    if !session.facilitators.isEmpty { line.append(wording.list(session.facilitators.map { people[$0] ?? $0 })) }
                    // How to join is part of the session as its readers see it (the link only where shown).
                    if session.mode.isOnline { line.append(wording.text(session.mode.labelKey)) }
                    line += [session.join.instructions, session.join.link].compactMap { $0 }
                    let sessionKey = session.id ?? Slug.make(session.title + " " + session.days.map { String($0.rawValue) }.joined(separator: " "))
                    add("week/\(track.id)/\(sessionKey)",
                        EditionItem(kind: .week, title: "\(track.name): \(session.title)", text: line.joined(separator: " · "),
                                    chapter: "schedule", anchor: Anchors.record(track.id),
                                    position: position(order(of: .schedule), index)))
                    index += 1
                }
            }
        }

        mutating func addContacts() {
            let program = content.program
            let chapterOrder = order(of: .contacts)
            var index = 0
            func contact(_ key: String, _ title: String, _ parts: [String?]) {
                let text = parts.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n")
                add("contacts/\(key)", EditionItem(kind: .contact, title: title, text: text, chapter: "contacts",
                                                   position: position(chapterOrder, index)))
                index += 1
            }
            contact("program", program.name, [program.address, program.phone, program.afterHoursPhone, program.email, program.website])
            for hours in program.hours {
                contact("hours/\(Slug.make(hours.days))", hours.days, [hours.open.description + " – " + hours.close.description])
            }
            for line in program.crisisLines { contact("crisis/\(Slug.make(line.number))", line.name, [line.number, line.how]) }
            for entry in program.contacts {
                contact(Slug.make(entry.name), entry.name, [entry.phone, entry.email, entry.purpose])
            }
        }

        private mutating func add(_ key: String, _ item: EditionItem) {
            // Two sections with one heading share the first key; the later one is told apart by place.
            var key = key, copy = 2
            while items[key] != nil { key = "\(key.split(separator: "~").first!)~\(copy)"; copy += 1 }
            items[key] = item
        }

        /// The text without trailing spaces and with one blank line at most between paragraphs:
        /// a staff block cut from client text leaves blank lines, whose number must not make
        /// a staff-only edit look like a change to the client text. One pass over the bytes:
        /// every build runs it over every page, for the fingerprint.
        static func trimmed(_ text: String) -> String {
            var text = text
            return text.withUTF8 { bytes in
                var out: [UInt8] = []
                out.reserveCapacity(bytes.count)
                var blankBefore = false
                var lineStart = 0
                func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 13 || byte == 11 || byte == 12 }
                for index in 0...bytes.count where index == bytes.count || bytes[index] == 10 {
                    var start = lineStart, end = index
                    lineStart = index + 1
                    while end > start, isSpace(bytes[end - 1]) { end -= 1 }
                    if out.isEmpty { while start < end, isSpace(bytes[start]) { start += 1 } }
                    guard start < end else {
                        blankBefore = !out.isEmpty
                        continue
                    }
                    if !out.isEmpty { out.append(contentsOf: blankBefore ? [10, 10] : [10]) }
                    blankBefore = false
                    out.append(contentsOf: bytes[start..<end])
                }
                return String(decoding: out, as: UTF8.self)
            }
        }
    }
}
