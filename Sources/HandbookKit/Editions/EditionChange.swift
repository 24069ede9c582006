/// One difference between a saved edition and this one, as one audience sees it.
public struct EditionChange: Sendable {
    public enum Kind: String, Sendable {
        case added, removed, changed
    }

    public var kind: Kind
    public var key: String
    /// The item as it is now; as it was, for a removed item.
    public var item: EditionItem
    /// The item as it was, for a changed item.
    public var before: EditionItem?
    /// In the manual: the change is not visible to clients (their text of the item is the same).
    public var staffOnly = false
}

/// What changed since the last saved edition, for one output.
public struct WhatsNew: Sendable {
    public var previousEdition: String
    public var previousDate: CalendarDate
    public var changes: [EditionChange]
}

enum EditionComparison {
    /// The changes from `old` to `new` in reading order (removed items where they used to be).
    ///
    /// For the manual, `clientBefore` and `clientAfter` are the clients' items of the same two
    /// editions: a change they do not show is marked staff-only.
    static func changes(from old: EditionItems, to new: EditionItems,
                        clientBefore: EditionItems? = nil, clientAfter: EditionItems? = nil) -> [EditionChange] {
        var changes: [EditionChange] = []
        for (key, item) in new {
            guard let before = old[key] else {
                changes.append(EditionChange(kind: .added, key: key, item: item))
                continue
            }
            if !item.readsTheSame(as: before) {
                changes.append(EditionChange(kind: .changed, key: key, item: item, before: before))
            }
        }
        for (key, item) in old where new[key] == nil {
            changes.append(EditionChange(kind: .removed, key: key, item: item))
        }
        if let clientBefore, let clientAfter {
            for index in changes.indices {
                let key = changes[index].key
                let seenBefore = clientBefore[key], seenAfter = clientAfter[key]
                changes[index].staffOnly = switch (seenBefore, seenAfter) {
                case (nil, nil): true
                case let (before?, after?): before.readsTheSame(as: after)
                default: false
                }
            }
        }
        return changes.sorted { ($0.item.position, $0.key) < ($1.item.position, $1.key) }
    }

    /// The newest saved edition older than this one, when there is one to compare with.
    static func previous(of program: Program, in saved: [SavedEdition]) -> SavedEdition? {
        saved.last { $0.editionDate < program.editionDate }.flatMap { newest in
            // "What's new" is for an edition later than every saved one; while the current edition
            // is itself saved (or an older one is being rebuilt), there is nothing new to tell.
            saved.contains { $0.editionDate >= program.editionDate } ? nil : newest
        }
    }
}
