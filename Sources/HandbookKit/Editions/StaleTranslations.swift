/// Finds translations left behind: an item whose text in the default language changed since the
/// last saved edition while its translation stayed word for word the same, so the translated
/// outputs still say what the old text said.
enum StaleTranslations {
    static func find(_ outputs: [PreparedOutput], saved: [SavedEdition], program: Program, log: DiagnosticLog) {
        guard let previous = saved.last else { return }
        let defaultItems = items(of: outputs, language: program.language)
        guard let defaultBefore = previous.languages[program.language].map(everything) else { return }
        let languageName = { (tag: String) in outputs.first?.view.wording.nameOfLanguage(tag) ?? tag }
        for listing in program.translations {
            guard let translatedBefore = previous.languages[listing.tag].map(everything) else { continue }
            let translated = items(of: outputs, language: listing.tag)
            for key in translated.keys.sorted() {
                guard let now = translated[key], now.shownInLanguage == nil,
                      let then = translatedBefore[key], then.shownInLanguage == nil, now.readsTheSame(as: then),
                      let original = defaultItems[key], let originalBefore = defaultBefore[key],
                      !original.readsTheSame(as: originalBefore)
                else { continue }
                log.warning(now.source ?? program.location,
                            "the \(languageName(listing.tag)) text of '\(original.title)' is out of date: the \(languageName(program.language)) text changed since \(previous.edition) (\(previous.editionDate)), and this translation did not",
                            hint: "translate the new text; until then the \(languageName(listing.tag)) outputs say what the old text said")
            }
        }
    }

    /// Every item of a language, the staff's where there is a manual, else the clients'.
    private static func items(of outputs: [PreparedOutput], language: String) -> EditionItems {
        let ofLanguage = outputs.filter { $0.language == language }
        let view = (ofLanguage.first { $0.kind == .manual } ?? ofLanguage.first)?.view
        guard let view else { return [:] }
        return EditionItemCollector.items(of: view.content, wording: view.wording)
    }

    private static func everything(_ outputs: SavedEdition.Outputs) -> EditionItems {
        outputs.staff.isEmpty ? outputs.client : outputs.staff
    }
}
