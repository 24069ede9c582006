/// Facts of `program.yaml` a text may show where it says so: `{program_length}` in a page, a
/// rule, an answer, a topic or a section's introduction becomes how long the program lasts, in
/// the text's language ("8 to 12 weeks"). One number in `program.yaml` then keeps the cover,
/// the pages and the questions in step.
///
/// Filled right after translation (each language in its own words) and before the audiences are
/// resolved, so every output and the search index show the same text.
enum ProgramFacts {
    static let programLength = "{program_length}"

    /// The content with the facts filled in; without `length_weeks` the mark stays as written,
    /// and `check` reports it.
    static func filled(_ content: Content, wording: Wording) -> Content {
        guard let length = content.program.lengthWeeks else { return content }
        let value = wording.programLength(length)
        func fill(_ source: MarkdownSource) -> MarkdownSource {
            guard source.text.containsBytes(of: programLength) else { return source }
            return MarkdownSource(source.text.replacingOccurrences(of: programLength, with: value), origin: source.origin)
        }
        var content = content
        content.pages = content.pages.map { page in
            var page = page
            page.body = fill(page.body)
            return page
        }
        content.rules = content.rules.map { rule in
            var rule = rule
            rule.text = fill(rule.text)
            rule.consequence = rule.consequence.map(fill)
            rule.staffNote = rule.staffNote.map(fill)
            return rule
        }
        content.faq = content.faq.map { entry in
            var entry = entry
            entry.answer = fill(entry.answer)
            return entry
        }
        content.topics = content.topics.map { topic in
            var topic = topic
            topic.summary = fill(topic.summary)
            let plan = topic.guide?.plan.map(fill)
            topic.guide?.plan = plan
            return topic
        }
        for (section, settings) in content.program.sections {
            content.program.sections[section]?.intro = settings.intro.map(fill)
        }
        return content
    }

    /// A text that asks for the length when `program.yaml` does not give it: an error at the
    /// line, in the original and in every translation.
    static func check(_ content: Content, log: DiagnosticLog) {
        guard content.program.lengthWeeks == nil else { return }
        var sources = AudienceView.markdownSources(of: content)
        for translation in content.translations {
            sources += translation.pages.values.map(\.body)
            for entries in [translation.rules, translation.faq, translation.topics] {
                sources += entries.values.flatMap { $0.markdown.values }
            }
            sources += translation.sections.values.compactMap(\.intro)
        }
        // Looked for as bytes first: every text of the program is searched on every build.
        for source in sources.filter({ $0.text.containsBytes(of: programLength) }).sorted(by: { $0.origin < $1.origin }) {
            for (index, line) in source.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where line.contains(programLength) {
                var location = source.origin
                location.line += index
                // A page's text starts at its line's first column, so the column is known there;
                // a YAML value's lines are indented by an amount not kept.
                let offset = line.distance(from: line.startIndex, to: line.range(of: programLength)!.lowerBound)
                location.column = source.origin.column == 1 ? offset + 1 : 0
                log.error(location, "the text shows \(programLength), but program.yaml does not say how long the program lasts",
                          hint: "add 'length_weeks:' to program.yaml, such as 'length_weeks: 12' or 'length_weeks: [8, 12]'")
            }
        }
    }
}
