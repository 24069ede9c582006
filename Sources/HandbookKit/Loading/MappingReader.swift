import Foundation
import Yams

/// Reads one YAML block of keys into typed values, logging every problem with its location.
///
/// Each accessor marks its key as known; `finish()` then reports the keys nobody asked for, with a
/// "did you mean" hint. So a reader must ask for every key its type supports, even optional ones,
/// and say what kind of value each holds: a reader run with `init(recording:)` writes that into a
/// `KeyTable`, from which `handbook schema` makes the editor schemas.
final class MappingReader {
    let file: String
    let lineOffset: Int
    let log: DiagnosticLog
    /// What this block describes, for messages: "rule", "session".
    let noun: String
    let location: SourceLocation
    private let pairs: [(key: String, keyNode: Node, value: Node)]
    /// Where each key's first pair is: a strings file has hundreds of keys, each asked for once.
    private let firstPair: [String: Int]
    private var known: [String] = []
    private var knownSet: Set<String> = []
    /// Required keys found missing: the likeliest meaning of an unknown key.
    private var missingRequired: [String] = []
    /// Set when recording: every accessor notes its key here and reads a sample value.
    private let table: KeyTable?

    /// Nil (after logging) when `node` is not a block of keys.
    init?(_ node: Node, noun: String, file: String, lineOffset: Int = 0, log: DiagnosticLog, table: KeyTable? = nil) {
        self.file = file
        self.lineOffset = lineOffset
        self.log = log
        self.noun = noun
        self.table = table
        self.location = node.location(in: file, lineOffset: lineOffset)
        guard case let .mapping(mapping) = node else {
            log.error(node.location(in: file, lineOffset: lineOffset),
                      "\(noun.hasSuffix(".yaml") ? noun : "each " + noun) should be written as 'key: value' lines, but this is \(node.kindDescription)",
                      hint: "see docs/content-model.md for an example")
            return nil
        }
        pairs = mapping.map { ($0.key.string ?? "", $0.key, $0.value) }
        firstPair = Dictionary(pairs.enumerated().map { ($1.key, $0) }) { first, _ in first }
    }

    private func pair(_ key: String) -> (key: String, keyNode: Node, value: Node)? {
        firstPair[key].map { pairs[$0] }
    }

    /// A reader of nothing that records, in `table`, each key a reader asks for and its kind.
    convenience init(recording table: KeyTable) {
        self.init(.mapping(Node.Mapping([])), noun: table.noun, file: "", log: DiagnosticLog(), table: table)!
    }

    func location(of key: String) -> SourceLocation {
        if let pair = pair(key) {
            return pair.value.location(in: file, lineOffset: lineOffset)
        }
        return location
    }

    /// Where the key itself is written, when it is.
    func keyLocation(_ key: String) -> SourceLocation? {
        pair(key)?.keyNode.location(in: file, lineOffset: lineOffset)
    }

    /// The locations of the given keys that are present.
    func keyLocations(_ keys: [String]) -> [String: SourceLocation] {
        var result: [String: SourceLocation] = [:]
        for key in keys where firstPair[key] != nil { result[key] = location(of: key) }
        return result
    }

    /// Every key of the block, in file order: for files whose keys are not fixed (interface strings).
    var keys: [String] { pairs.map(\.key) }

    /// The raw node of a key, marking it known (when recording: noting it, and a sample value).
    private func node(_ key: String, _ kind: ValueKind, required: Bool) -> Node? {
        if let table {
            table.note(key, kind, required: required)
            return kind.sample
        }
        if knownSet.insert(key).inserted { known.append(key) }
        guard let value = pair(key)?.value, !value.isNull else { return nil }
        return value
    }

    private func missing(_ key: String, hint: String) {
        missingRequired.append(key)
        log.error(location, "\(noun) is missing '\(key)'", hint: hint.isEmpty ? "add a line '\(key): ...'" : hint)
    }

    /// Text. Numbers and dates are read as the text the user wrote. `kind` says what the text
    /// must be, for the editor schemas; the caller checks it.
    func string(_ key: String, kind: ValueKind = .text, required: Bool = false, hint: String = "") -> String? {
        guard let value = node(key, kind, required: required) else {
            if required { missing(key, hint: hint) }
            return nil
        }
        guard case let .scalar(scalar) = value else {
            log.error(value.location(in: file, lineOffset: lineOffset),
                      "'\(key)' should be text, found \(value.kindDescription)",
                      hint: "write it on one line after '\(key):', or use '\(key): |' and indented lines")
            return nil
        }
        let text = scalar.string.trimmedOfWhitespaceAndNewlines()
        if text.isEmpty {
            if required { log.error(value.location(in: file, lineOffset: lineOffset), "'\(key)' is empty", hint: hint) }
            return nil
        }
        return text
    }

    /// Markdown text, remembering the line it starts on so problems inside it point to the right line.
    func markdown(_ key: String, required: Bool = false) -> MarkdownSource? {
        guard let value = node(key, .markdown, required: required) else {
            if required { missing(key, hint: "") }
            return nil
        }
        guard case let .scalar(scalar) = value else {
            _ = string(key) // logs the type error
            return nil
        }
        var origin = value.location(in: file, lineOffset: lineOffset)
        if scalar.style == .literal || scalar.style == .folded { origin.line += 1 }
        return MarkdownSource(scalar.string, origin: origin)
    }

    func int(_ key: String, range: ClosedRange<Int>? = nil) -> Int? {
        guard let text = string(key, kind: .wholeNumber(range)) else { return nil }
        guard let value = Int(text) else {
            log.error(location(of: key), "'\(key)' should be a whole number, found '\(text)'")
            return nil
        }
        if let range, !range.contains(value) {
            log.error(location(of: key), "'\(key)' is \(value), which is outside \(range.lowerBound)...\(range.upperBound)")
            return nil
        }
        return value
    }

    func double(_ key: String) -> Double? {
        guard let text = string(key, kind: .number) else { return nil }
        guard let value = Double(text), value.isFinite else {
            log.error(location(of: key), "'\(key)' should be a number, found '\(text)'")
            return nil
        }
        return value
    }

    func bool(_ key: String) -> Bool? {
        guard let text = string(key, kind: .trueFalse) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            log.error(location(of: key), "'\(key)' should be true or false, found '\(text)'")
            return nil
        }
    }

    func date(_ key: String, required: Bool = false) -> CalendarDate? {
        guard let text = string(key, kind: .date, required: required, hint: "write a date as YYYY-MM-DD, e.g. 2026-11-26") else { return nil }
        guard let date = CalendarDate(text) else {
            log.error(location(of: key), "'\(text)' is not a real date", hint: "write a date as YYYY-MM-DD, e.g. 2026-11-26")
            return nil
        }
        return date
    }

    func time(_ key: String, required: Bool = false) -> TimeOfDay? {
        guard let text = string(key, kind: .time, required: required, hint: "write a time like \"9:00 AM\"") else { return nil }
        guard let time = TimeOfDay(text) else {
            log.error(location(of: key), "'\(text)' is not a time of day",
                      hint: "write times like \"9:00 AM\" or \"6:30 PM\" (or 24-hour \"18:30\"), in quotes")
            return nil
        }
        return time
    }

    func choice<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type) -> T? where T.RawValue == String {
        guard let text = string(key, kind: .choice(T.allCases.map(\.rawValue))) else { return nil }
        if let value = T(rawValue: text.lowercased()) { return value }
        let allowed = T.allCases.map(\.rawValue)
        log.error(location(of: key), "'\(text)' is not a valid \(key)",
                  hint: Suggestion.hint(for: text, in: allowed, noun: "value"))
        return nil
    }

    func audience() -> Audience {
        choice("audience", as: Audience.self) ?? .everyone
    }

    /// A list of items; a single value is taken as a one-item list, for hand-written convenience.
    private func list(_ key: String, _ kind: ValueKind, required: Bool) -> [Node]? {
        guard let value = node(key, kind, required: required) else {
            if required { missing(key, hint: "") }
            return nil
        }
        switch value {
        case let .sequence(sequence): return Array(sequence)
        case .scalar: return [value]
        // A block alone where an item may be a block: a list of one, as a value alone is.
        case .mapping where kind.isListOfValuesOrBlocks: return [value]
        default:
            log.error(value.location(in: file, lineOffset: lineOffset),
                      "'\(key)' should be a list (lines starting with '- '), found \(value.kindDescription)")
            return nil
        }
    }

    /// A list of texts, each with its location; `item` says what each must be, for the editor
    /// schemas; the caller checks it.
    func strings(_ key: String, of item: ValueKind = .text, required: Bool = false) -> [(String, SourceLocation)]? {
        guard let items = list(key, .list(item), required: required) else { return nil }
        var result: [(String, SourceLocation)] = []
        for item in items {
            let location = item.location(in: file, lineOffset: lineOffset)
            guard case let .scalar(scalar) = item, !item.isNull else {
                log.error(location, "each item of '\(key)' should be a single value, found \(item.kindDescription)")
                continue
            }
            result.append((scalar.string.trimmedOfWhitespace(), location))
        }
        return result
    }

    /// Reads each item of a list of blocks with `read`, skipping items that are not blocks.
    func records<T>(_ key: String, noun: String, required: Bool = false, _ read: (MappingReader) -> T?) -> [T] {
        let itemTable = table.map { _ in KeyTable(noun: noun) }
        guard let items = list(key, itemTable.map { .records($0) } ?? .text, required: required) else { return [] }
        return items.compactMap { item in
            guard let reader = MappingReader(item, noun: noun, file: file, lineOffset: lineOffset, log: log, table: itemTable)
            else { return nil }
            defer { reader.finish() }
            return read(reader)
        }
    }

    /// A list whose items are each a single value or a block of keys, such as
    /// `translations: [es, {language: en, scope: client}]`: `value` reads an item written as a
    /// single value (of kind `item`), `block` one written as a block (`noun` names it in messages).
    func valuesOrRecords<T>(_ key: String, of item: ValueKind, orBlock noun: String,
                            value: (String, SourceLocation) -> T?, block: (MappingReader) -> T?) -> [T] {
        let blockTable = table.map { _ in KeyTable(noun: noun) }
        guard let items = list(key, .list(.valueOrBlock(item, blockTable ?? KeyTable(noun: noun))), required: false) else { return [] }
        return items.compactMap { node in
            let location = node.location(in: file, lineOffset: lineOffset)
            switch node {
            case let .scalar(scalar) where !node.isNull:
                return value(scalar.string.trimmedOfWhitespace(), location)
            case .mapping:
                guard let reader = MappingReader(node, noun: noun, file: file, lineOffset: lineOffset, log: log, table: blockTable)
                else { return nil }
                defer { reader.finish() }
                return block(reader)
            default:
                log.error(location, "each item of '\(key)' should be a single value or a block of keys, found \(node.kindDescription)")
                return nil
            }
        }
    }

    /// A nested block of keys.
    func mapping(_ key: String, noun: String) -> MappingReader? {
        let blockTable = table.map { _ in KeyTable(noun: noun) }
        guard let value = node(key, blockTable.map { .block($0) } ?? .text, required: false) else { return nil }
        return MappingReader(value, noun: noun, file: file, lineOffset: lineOffset, log: log, table: blockTable)
    }

    /// The keys asked for, each once, in the order they were asked: a tie between two
    /// suggestions goes to the same key on every run.
    private var knownInOrder: [String] {
        var seen: Set<String> = []
        return known.filter { seen.insert($0).inserted }
    }

    /// Reports keys that no accessor asked for.
    func finish() {
        for pair in pairs where !knownSet.contains(pair.key) {
            log.error(pair.keyNode.location(in: file, lineOffset: lineOffset),
                      "unknown key '\(pair.key)' in \(noun)",
                      hint: Suggestion.hint(for: pair.key, in: knownInOrder, preferring: missingRequired))
        }
    }
}
