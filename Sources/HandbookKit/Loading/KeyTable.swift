import Yams

/// The keys a block of YAML may hold, as its reader asks for them.
///
/// Recorded by running a reader on nothing (`MappingReader(recording:)`), so the editor schemas
/// (`handbook schema`) come from the very calls the loader makes and cannot drift from it.
final class KeyTable {
    struct Entry {
        let key: String
        let kind: ValueKind
        let required: Bool
    }

    /// What the block describes: "rule", "session".
    let noun: String
    private(set) var entries: [Entry] = []

    init(noun: String) { self.noun = noun }

    func note(_ key: String, _ kind: ValueKind, required: Bool) {
        if let index = entries.firstIndex(where: { $0.key == key }) {
            // A reader may ask twice (an id read, then checked): required if either asks so.
            if required && !entries[index].required { entries[index] = Entry(key: key, kind: entries[index].kind, required: true) }
            return
        }
        entries.append(Entry(key: key, kind: kind, required: required))
    }
}

/// The kind of value a key holds, as the reader that reads it expects.
indirect enum ValueKind {
    case text
    case markdown
    case identifier
    case wholeNumber(ClosedRange<Int>?)
    case number
    case trueFalse
    case date
    case time
    /// A length of time in months or years: `12 months`, `2 years`.
    case interval
    case choice([String])
    case languageTag
    case timeZone
    /// One or more days of the week, several on one line separated by commas.
    case weekdays
    /// A list of values; a single value counts as a list of one.
    case list(ValueKind)
    /// A list of blocks of keys.
    case records(KeyTable)
    /// A block of keys.
    case block(KeyTable)
    /// A single value of the first kind, or a block of keys: an item of a list where a short form
    /// stands beside a long one (`translations: [es, {language: en, scope: client}]`).
    case valueOrBlock(ValueKind, KeyTable)

    /// A list whose items may be blocks: a block alone is read as a list of one.
    var isListOfValuesOrBlocks: Bool {
        if case .list(.valueOrBlock) = self { return true }
        return false
    }

    /// A valid value of this kind, given to a reader that is recording its keys, so that its
    /// checks pass and it goes on to ask for every key it knows.
    var sample: Node {
        switch self {
        case .text, .markdown, .identifier: Node("x")
        case let .wholeNumber(range): Node(String(range?.lowerBound ?? 1))
        case .number: Node("1")
        case .trueFalse: Node("false")
        case .date: Node("2026-01-05")
        case .time: Node("9:00 AM")
        case .interval: Node("12 months")
        case let .choice(values): Node(values.first ?? "x")
        case .languageTag: Node("und")
        case .timeZone: Node("UTC")
        case .weekdays: Node("Monday")
        case let .list(item): .sequence(Node.Sequence([item.sample]))
        case .records: .sequence(Node.Sequence([.mapping(Node.Mapping([]))]))
        case .block: .mapping(Node.Mapping([]))
        // The block, so that a recording reader goes on to ask for the block's keys.
        case .valueOrBlock: .mapping(Node.Mapping([]))
        }
    }
}
