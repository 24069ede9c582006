import Foundation

/// Makes the content of one translation, right after loading and before audiences are resolved:
/// every text people read is replaced by its translation, and what has none stays in the
/// default language, marked so the reader is told. Each missing translation is reported once,
/// at the original, and each translation that no longer matches anything at the translation.
///
/// Only texts are replaced: ids, audiences, times and every other setting are the original's,
/// so the audience resolver then cuts exactly what it cuts from the original.
struct Localizer {
    let language: String
    let translation: Translation?
    let log: DiagnosticLog
    /// False after an error in the data files: an entry that could not be read leaves its
    /// phrases unused, and saying so would only repeat that error.
    var reportsUnusedPhrases = true
    /// `client`: only what clients read is translated, and no manual is built in this language,
    /// so a staff-only text is neither translated nor reported missing.
    var scope: TranslationScope = .all
    /// "Spanish (es)", for messages.
    private let languageName: String
    private let defaultLanguage: String
    /// "English", for messages.
    private let defaultLanguageName: String
    /// Phrases looked up so far: those found (the rest of the file is reported as unused) and
    /// those reported missing (each once).
    private final class PhraseUse {
        var used: Set<String> = []
        var reported: Set<String> = []
    }
    private var phraseUse = PhraseUse()

    init(language: String, translation: Translation?, defaultLanguage: String, log: DiagnosticLog) {
        self.language = language
        self.translation = translation
        self.defaultLanguage = defaultLanguage
        self.log = log
        let name = Locale(identifier: "en").localizedString(forLanguageCode: language) ?? language
        self.languageName = "\(name) (\(language))"
        self.defaultLanguageName = Locale(identifier: "en").localizedString(forLanguageCode: defaultLanguage) ?? defaultLanguage
    }

    /// The content in `language`: with `scope: client`, the client view of it only.
    func localize(_ original: Content, at listed: SourceLocation) -> Content {
        if translation == nil {
            log.warning(listed, "there is no folder \(TranslationLoader.folderName(language)) in the content folder, so the \(languageName) outputs show everything in \(defaultLanguageName)",
                        hint: "create it and translate the pages and data files into it; see docs/translations.md")
        }
        // The audience resolver, not a list kept here, says what is staff-only: what it cuts
        // is never looked up, so never reported missing.
        let content = translated(scope == .client ? AudienceResolver.resolve(original, for: .everyone) : original)
        if scope == .client { markPhrasesOfStaffTexts(original) }
        reportUnmatched(original)
        return content
    }

    /// A phrase given for a staff-only text matches a text of the program, though this
    /// language's outputs do not show it: it is not reported unused. Looked up quietly, once
    /// the client texts' missing phrases are reported.
    private func markPhrasesOfStaffTexts(_ original: Content) {
        var quiet = Localizer(language: language, translation: translation, defaultLanguage: defaultLanguage, log: DiagnosticLog())
        quiet.phraseUse = phraseUse
        _ = quiet.translated(original)
    }

    /// Every text of `original` replaced by its translation, each missing one reported.
    private func translated(_ original: Content) -> Content {
        var content = original
        content.language = language
        content.translations = []
        content.program = program(original.program)
        content.pages = original.pages.map(page)
        content.rules = original.rules.map(rule)
        content.faq = original.faq.map(question)
        content.topics = original.topics.map(topic)
        content.staff = original.staff.editing { member in
            member.role = phrase(member.role, at: member.location, "staff role")
            member.notes = member.notes.map { phrase($0, at: member.location, "staff notes") }
        }
        content.schedule = schedule(original.schedule)
        return content
    }

    // MARK: Pages and entries

    private func page(_ page: Page) -> Page {
        var page = page
        guard let translated = translation?.pages[page.slug] else {
            if let translation {
                log.warning(page.location, "this page has no \(languageName) translation, so the \(languageName) outputs show it in \(defaultLanguageName)",
                            hint: "add \(translation.folder)/pages/\(page.slug).md with the page translated")
            }
            page.fallbackLanguage = defaultLanguage
            return page
        }
        page.title = translated.title
        page.body = translated.body
        if page.summary != nil {
            if translated.summary == nil { missingField("summary", of: "page", at: translated.location) }
            page.summary = translated.summary ?? page.summary
        }
        return page
    }

    private func rule(_ rule: Rule) -> Rule {
        var rule = rule
        rule.category = rule.category.map { phrase($0, at: rule.location, "rule category") }
        guard let entry = entry(translation?.rules, id: rule.id, noun: "rule", file: "rules.yaml", at: rule.location) else {
            rule.fallbackLanguage = defaultLanguage
            return rule
        }
        rule.title = text(entry, "title", rule.title, noun: "rule")
        rule.text = markdown(entry, "text", rule.text, noun: "rule")
        rule.consequence = rule.consequence.map { markdown(entry, "consequence", $0, noun: "rule") }
        rule.staffNote = rule.staffNote.map { markdown(entry, "staff_note", $0, noun: "rule") }
        return rule
    }

    private func question(_ question: FAQEntry) -> FAQEntry {
        var question = question
        guard let entry = entry(translation?.faq, id: question.id, noun: "question", file: "faq.yaml", at: question.location) else {
            question.fallbackLanguage = defaultLanguage
            return question
        }
        question.question = text(entry, "question", question.question, noun: "question")
        question.answer = markdown(entry, "answer", question.answer, noun: "question")
        return question
    }

    private func topic(_ topic: Topic) -> Topic {
        var topic = topic
        topic.module = topic.module.map { phrase($0, at: topic.location, "topic module") }
        if var guide = topic.guide {
            guide.objectives = guide.objectives.map { phrase($0, at: topic.location, "guide objective") }
            guide.materials = guide.materials.map { phrase($0, at: topic.location, "guide material") }
            topic.guide = guide
        }
        guard let entry = entry(translation?.topics, id: topic.id, noun: "topic", file: "topics.yaml", at: topic.location) else {
            topic.fallbackLanguage = defaultLanguage
            return topic
        }
        topic.title = text(entry, "title", topic.title, noun: "topic")
        topic.summary = markdown(entry, "summary", topic.summary, noun: "topic")
        let plan = topic.guide?.plan.map { markdown(entry, "guide.plan", $0, noun: "topic") }
        topic.guide?.plan = plan
        return topic
    }

    private func entry(_ entries: [String: TranslatedEntry]?, id: String, noun: String, file: String,
                       at location: SourceLocation) -> TranslatedEntry? {
        guard let translation else { return nil }
        if let entry = entries?[id] { return entry }
        log.warning(location, "the \(noun) '\(id)' has no \(languageName) translation, so it is shown in \(defaultLanguageName)",
                    hint: "add it, with 'id: \(id)', to \(translation.folder)/\(file)")
        return nil
    }

    private func text(_ entry: TranslatedEntry, _ key: String, _ original: String, noun: String) -> String {
        if let value = entry.texts[key] { return value }
        missingField(key, of: "\(noun) '\(entry.id)'", at: entry.location)
        return original
    }

    private func markdown(_ entry: TranslatedEntry, _ key: String, _ original: MarkdownSource, noun: String) -> MarkdownSource {
        if let value = entry.markdown[key] { return value }
        missingField(key, of: "\(noun) '\(entry.id)'", at: entry.location)
        return original
    }

    private func missingField(_ key: String, of what: String, at location: SourceLocation) {
        let field = key == "guide.plan" ? "'plan' under 'guide:'" : "'\(key)'"
        log.warning(location, "the \(languageName) translation of the \(what) has no \(field), so the original is shown",
                    hint: "add \(field) with the translated text")
    }

    // MARK: Program and schedule

    private func program(_ original: Program) -> Program {
        var program = original
        program.name = translation?.name ?? original.name
        program.shortName = translation?.shortName ?? original.shortName
        // The register is the language's own: the default language's does not carry over.
        program.register = translation?.register ?? .formal
        program.edition = phrase(original.edition, at: original.location, "edition")
        program.address = properName(original.address)
        program.hours = original.hours.editing { hours in
            hours.days = phrase(hours.days, at: original.location, "office hours days")
        }
        program.crisisLines = original.crisisLines.editing { line in
            line.name = phrase(line.name, at: original.location, "crisis line name")
            line.how = line.how.map { phrase($0, at: original.location, "crisis line text") }
        }
        program.contacts = original.contacts.editing { contact in
            contact.name = phrase(contact.name, at: original.location, "contact name")
            contact.purpose = contact.purpose.map { phrase($0, at: original.location, "contact purpose") }
        }
        for (section, settings) in original.sections {
            let translated = translation?.sections[section]
            if let translation {
                if settings.title != nil && translated?.title == nil {
                    log.warning(original.location, "the title of the '\(section.rawValue)' section has no \(languageName) translation, so the standard title is shown",
                                hint: "add 'sections: \(section.rawValue): title:' to \(translation.folder)/program.yaml")
                }
                if settings.intro != nil && translated?.intro == nil {
                    log.warning(original.location, "the introduction of the '\(section.rawValue)' section has no \(languageName) translation, so the original is shown",
                                hint: "add 'sections: \(section.rawValue): intro:' to \(translation.folder)/program.yaml")
                }
            }
            // Without a translated title the section takes the interface string for its title,
            // in the reader's language, rather than the default language's own title.
            program.sections[section]?.title = translated?.title
            program.sections[section]?.intro = translated?.intro ?? settings.intro
        }
        // A translation may name a section its own way even where the original keeps the
        // standard title.
        for (section, translated) in translation?.sections ?? [:] where original.sections[section] == nil {
            program.sections[section] = SectionSettings(title: translated.title, order: nil, intro: translated.intro)
        }
        return program
    }

    private func schedule(_ original: Schedule) -> Schedule {
        var schedule = original
        schedule.rooms = original.rooms.editing { room in
            room.name = properName(room.name)
        }
        schedule.series = original.series.editing { series in
            series.name = series.name.map { phrase($0, at: series.location, "series name") }
        }
        schedule.tracks = original.tracks.editing { track in
            track.name = phrase(track.name, at: track.location, "track name")
            track.description = track.description.map { phrase($0, at: track.location, "track description") }
            track.timeZoneNote = track.timeZoneNote.map { phrase($0, at: track.location, "track time zone note") }
            track.join = joinDetails(track.join, at: track.location)
            track.sessions = track.sessions.editing { session in
                session.title = phrase(session.title, at: session.location(of: "title"), "session title")
                session.note = session.note.map { phrase($0, at: session.location(of: "note"), "session note") }
                session.join = joinDetails(session.join, at: session.location(of: "join_instructions"))
            }
        }
        schedule.closures = original.closures.editing { closure in
            closure.reason = phrase(closure.reason, at: closure.location, "closure reason")
        }
        schedule.changes = original.changes.editing { change in
            change.reason = change.reason.map { phrase($0, at: change.location(of: "reason"), "change reason") }
            change.staffReason = change.staffReason.map { phrase($0, at: change.location(of: "staff_reason"), "change staff reason") }
        }
        schedule.extraSessions = original.extraSessions.editing { extra in
            extra.title = phrase(extra.title, at: extra.location, "extra session title")
            extra.note = extra.note.map { phrase($0, at: extra.location, "extra session note") }
            extra.join = joinDetails(extra.join, at: extra.location(of: "join_instructions"))
        }
        schedule.notices = original.notices.editing { notice in
            notice.text = phrase(notice.text, at: notice.location(of: "text"), "notice text")
        }
        return schedule
    }

    /// The instructions are read by clients; the link is an address, the same in every language.
    private func joinDetails(_ join: JoinDetails, at location: SourceLocation) -> JoinDetails {
        var join = join
        join.instructions = join.instructions.map { phrase($0, at: location, "join instructions") }
        return join
    }

    // MARK: Phrases

    /// A name (a room's, the address) is shown as written unless the translation gives it a
    /// phrase: "Group Room A" may become "Sala de grupo A", "Cedar Hall" stays. A missing phrase
    /// is not reported, since most names need none; one that is given counts as used.
    private func properName(_ text: String) -> String {
        guard let phrase = translation?.phrases[text] else { return text }
        phraseUse.used.insert(text)
        return phrase.translation
    }

    /// The translation of a short text; the text itself (reported once) when there is none.
    private func phrase(_ text: String, at location: SourceLocation, _ what: String) -> String {
        guard let translation else { return text }
        if let phrase = translation.phrases[text] {
            phraseUse.used.insert(text)
            return phrase.translation
        }
        if phraseUse.reported.insert(text).inserted {
            let quoted = text.count > 60 ? String(text.prefix(57)) + "..." : text
            log.warning(location, "no \(languageName) translation of the phrase '\(quoted)' (\(what)), so it is shown in \(defaultLanguageName)",
                        hint: "add it to \(translation.folder)/phrases.yaml as '- \(defaultLanguage): ...' with the text exactly as here, and '\(language): ...' with its translation")
        }
        return text
    }

    /// Translations of pages, entries and phrases the original no longer has.
    private func reportUnmatched(_ original: Content) {
        guard let translation else { return }
        let slugs = Set(original.pages.map(\.slug))
        for (slug, page) in translation.pages.sorted(by: { $0.key < $1.key }) where !slugs.contains(slug) {
            log.warning(page.location, "there is no page '\(slug).md' in pages/, so this translation is not used",
                        hint: "rename it to match the original page's file name, or delete it")
        }
        func unmatched(_ entries: [String: TranslatedEntry], _ ids: [String], noun: String, file: String) {
            let known = Set(ids)
            for (id, entry) in entries.sorted(by: { $0.key < $1.key }) where !known.contains(id) {
                log.warning(entry.location, "there is no \(noun) '\(id)' in \(file), so this translation is not used",
                            hint: Suggestion.hint(for: id, in: ids, noun: "id"))
            }
        }
        unmatched(translation.rules, original.rules.map(\.id), noun: "rule", file: "rules.yaml")
        unmatched(translation.faq, original.faq.map(\.id), noun: "question", file: "faq.yaml")
        unmatched(translation.topics, original.topics.map(\.id), noun: "topic", file: "topics.yaml")
        for (text, phrase) in translation.phrases.sorted(by: { $0.value.location < $1.value.location })
            where reportsUnusedPhrases && !phraseUse.used.contains(text) {
            log.warning(phrase.location, "the phrase '\(text.count > 60 ? String(text.prefix(57)) + "..." : text)' is not used: no text in the data files is exactly this",
                        hint: "if the original text changed, change this line to match it; otherwise delete the phrase")
        }
    }
}

private extension Array {
    /// A copy with `change` applied to each element.
    func editing(_ change: (inout Element) -> Void) -> [Element] {
        map { element in
            var element = element
            change(&element)
            return element
        }
    }
}
