/// What `handbook diff` prints: the changes since a saved edition, one per line, each changed
/// text compared word by word (`[-old-]{+new+}`, as `git diff --word-diff` writes it).
public struct EditionReport: Sendable {
    public var previous: SavedEdition
    public var current: SavedEdition
    public var audience: Audience
    public var changes: [EditionChange]

    public var text: String {
        let whose = audience == .staff ? "the staff manual" : "the client handbook"
        var lines = ["Changes since \(previous.edition) (\(previous.editionDate)), as \(whose) lists them:"]
        for change in changes {
            let staffOnly = audience == .staff && change.staffOnly ? " (staff only)" : ""
            let place = change.item.chapter + ".html" + (change.item.anchor.map { "#" + $0 } ?? "")
            lines.append("  \(change.kind.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) "
                         + "\(change.item.kind.rawValue): \(change.item.title)\(change.item.part.map { " (\($0.rawValue.replacingOccurrences(of: "_", with: " ")))" } ?? "")\(staffOnly)  [\(place)]")
            switch change.kind {
            case .changed:
                guard let before = change.before else { break }
                let parts = WordDiff.compare(Cmark.plainText(before.text), Cmark.plainText(change.item.text))
                // Only the paragraphs that changed, as `git diff --word-diff` would mark them.
                for paragraph in WordDiff.paragraphs(parts) where WordDiff.isChanged(paragraph) {
                    lines.append("           " + paragraph.map { part in
                        switch part {
                        case let .same(text): text
                        case let .added(text): "{+" + text + "+}"
                        case let .removed(text): "[-" + text + "-]"
                        }
                    }.joined().replacingOccurrences(of: "\n", with: "\n           "))
                }
            case .added, .removed: break
            }
        }
        lines.append(changes.isEmpty ? "No changes." : changes.count == 1 ? "1 change." : "\(changes.count) changes.")
        return lines.joined(separator: "\n")
    }
}
