/// The template context of "What's new in this edition": each change of the output's own list,
/// in plain words, linked to the item; a changed rule or answer with its changed words marked.
///
/// The list comes from the content of the output's audience (see `EditionResolver`), so the
/// client chapter can only ever name what clients read.
struct WhatsNewContexts {
    let view: AudienceView
    let mode: RenderMode

    private var wording: Wording { view.wording }
    private var isManual: Bool { view.audience == .staff }

    func context() -> [String: Any] {
        guard let whatsNew = view.content.whatsNew else { return [:] }
        var context: [String: Any] = [
            "whatsNewIntro": wording.text("whats_new_intro", ["previous": whatsNew.previousEdition,
                                                              "previous_date": wording.fullDate(whatsNew.previousDate)]),
            "changes": whatsNew.changes.map(change),
        ]
        if isManual {
            context["attestation"] = [
                "attestationText": wording.text("whats_new_attestation_text", ["edition": view.content.program.edition]),
                "attestationItems": whatsNew.changes.map { change in
                    let part = change.item.part.map { " (" + wording.text("whats_new_part_" + $0.rawValue) + ")" } ?? ""
                    return "\(wording.text("whats_new_kind_" + change.item.kind.rawValue)): \(change.item.title)\(part)"
                },
                "attestationRows": Array(repeating: ["row": true], count: 8),
            ]
        }
        return context
    }

    private func change(_ change: EditionChange) -> [String: Any] {
        var item: [String: Any] = [
            "changeKind": change.kind.rawValue,
            "changeLabel": wording.text("whats_new_" + change.kind.rawValue),
            "itemKind": wording.text("whats_new_kind_" + change.item.kind.rawValue),
            "itemTitle": change.item.title,
            "changeStaffOnly": isManual && change.staffOnly,
        ]
        item["itemHref"] = href(change.item, atItem: change.kind != .removed)
        if let part = change.item.part { item["itemPart"] = wording.text("whats_new_part_" + part.rawValue) }
        if let language = change.item.shownInLanguage {
            item["changeShownIn"] = wording.text("whats_new_shown_in", ["language": wording.nameOfLanguage(language)])
            item["changeLang"] = language
        }
        switch change.kind {
        case .changed:
            guard let before = change.before else { break }
            let parts = WordDiff.compare(Cmark.plainText(before.text), Cmark.plainText(change.item.text))
            let paragraphs = WordDiff.paragraphs(parts)
            if isManual {
                // Staff compare old and new: only the paragraphs that changed, each as it was and is.
                item["compared"] = ["comparedParagraphs": paragraphs.filter(WordDiff.isChanged)
                    .map { ["paragraphHTML": Self.html($0, showingRemoved: true)] }]
            } else if change.item.kind == .rule || change.item.kind == .question || change.item.kind == .week {
                // Clients read the new text whole, with what is new in it marked.
                item["nowSays"] = ["nowSaysParagraphs": paragraphs.map { Self.html($0, showingRemoved: false) }
                    .filter { !$0.isEmpty }.map { ["paragraphHTML": $0] }]
            }
        case .removed:
            if isManual || change.item.kind == .rule {
                item["was"] = ["wasParagraphs": Cmark.plainText(change.item.text).components(separatedBy: "\n\n")
                    .map { ["paragraphText": $0] }]
            }
        case .added:
            break
        }
        return item
    }

    /// The item's place in this output, when it is still there: its chapter, at its heading.
    /// A removed item links to the chapter it was in, when that is still there.
    private func href(_ item: EditionItem, atItem: Bool) -> String? {
        var anchor: String?
        if let page = view.content.pages.first(where: { $0.slug == item.chapter }) {
            // A page's heading ids are made when its Markdown is read: link only to one that is there.
            anchor = item.anchor.flatMap { id in view.document(page.body).headings.contains { $0.id == id } ? id : nil }
        } else if BuiltInSection(rawValue: item.chapter) != nil {
            anchor = item.anchor
        } else {
            return nil
        }
        if !atItem { anchor = nil }
        return mode.href(item.chapter + ".md" + (anchor.map { "#" + $0 } ?? ""))
    }

    /// Words as HTML: new words in `<ins>`, removed ones in `<del>` (only where asked for).
    static func html(_ parts: [WordDiff.Part], showingRemoved: Bool) -> String {
        parts.map { part in
            switch part {
            case let .same(text): HTML.escape(text)
            case let .added(text): "<ins>" + HTML.escape(text) + "</ins>"
            case let .removed(text): showingRemoved ? "<del>" + HTML.escape(text) + "</del>" : ""
            }
        }.joined()
    }
}
