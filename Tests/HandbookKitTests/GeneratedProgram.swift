import Foundation
import PropertyBased
@testable import HandbookKit

/// A random small program for `GeneratedLeakTests`: a unique marker in every staff-only place and
/// client "control" markers in client text. Markers are letters and digits of one fixed length
/// (`LKx0042x0007` staff-only, `OKx0042x0008` client) so Markdown cannot change them, and a
/// search for the prefix finds them even where other bytes follow without a space.
struct GeneratedProgram {
    var fixture = ProgramFixture()
    /// Lowercased marker → where it was put, for failure messages.
    var staff: [String: String] = [:]
    var client: [String: String] = [:]
    /// Staff-only markers that no output shows at all (still never in a client file).
    var shownNowhere: Set<String> = []
    static let markerLength = 12
}

/// Writes one `GeneratedProgram` from a seed, with PropertyBased's seeded generator and `Gen`s.
struct ProgramGenerator {
    /// The scalar styles a Markdown value is written in. Folded (`>`) is used only for text
    /// without a staff fence: a fence in a folded scalar is a separately reported error.
    enum Style: String, CaseIterable {
        case literal = "|", literalStrip = "|-", literalKeep = "|+", plain, singleQuoted = "single-quoted",
             doubleQuoted = "double-quoted", doubleQuotedCRLF = "double-quoted with \\r\\n", folded = ">"
    }
    /// Every style, `\r\n` line breaks included (they once hid staff blocks from the cutter, so
    /// the manual lost them: now every Markdown text's line ends are made "\n" on loading).
    static let styles = Style.allCases
    /// Info strings of a staff fence; "staff\tnote" (a tab after the word) once leaked as code.
    static let infoStrings = ["staff", "Staff", "STAFF", " staff", "staff note", "\tstaff", "staff\tnote"]
    /// What a staff fence can sit in (nested up to twice).
    enum Container: String, CaseIterable {
        case quote = "block quote", bullet = "bullet list item", ordered = "numbered list item",
             fenceOnItemLine = "list item whose first line opens the fence"
    }

    // What the program writer, `make()` in ProgramGenerator+Program.swift, uses is not private:
    // it is an extension in another file.
    var rng: Xoshiro
    private let number: Int
    private var count = 0
    var program = GeneratedProgram()
    var staffLinks: [String] = []
    var spanish = false
    var files: [String: String] {
        get { program.fixture.files }
        set { program.fixture.files = newValue }
    }

    init(number: Int, seed: UInt64) {
        var state = seed // splitmix64 spreads one seed over xoshiro's four words
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        rng = Xoshiro(seed: (next(), next(), next(), next()))
        self.number = number
    }

    // MARK: Random choices and markers

    mutating func chance(_ rate: Float) -> Bool { Gen.bool(rate).run(using: &rng) }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Gen.int(in: range).run(using: &rng) }
    private mutating func pick<T: Sendable>(_ items: [T]) -> T { Gen<T?>.element(of: items).run(using: &rng)! }
    private static let vocabulary = ["Please", "arrive", "early", "bring", "your", "card", "talk", "with", "the", "group",
                                     "counselor", "every", "week", "staff", "rest", "sleep", "plan", "call", "desk", "safe"]
    mutating func words() -> String {
        Gen<String?>.element(of: Self.vocabulary).map { $0! }.array(of: 1...4).run(using: &rng).joined(separator: " ")
    }

    mutating func marker(staff: Bool, _ place: String) -> String {
        count += 1
        func digits(_ value: Int) -> String { String(String(10000 + value).suffix(4)) }
        let marker = (staff ? "LK" : "OK") + "x" + digits(number) + "x" + digits(count)
        if staff { program.staff[marker.lowercased()] = place } else { program.client[marker.lowercased()] = place }
        return marker
    }

    /// One line of words around a marker.
    mutating func text(staff: Bool, _ place: String) -> String {
        "Note \(words()) \(marker(staff: staff, place)) \(words())"
    }

    // MARK: Markdown

    /// Markdown lines: a paragraph, then staff constructs (unless `fences` is false), maybe a last paragraph.
    /// `flat`: no line may depend on its indentation (plain and single-quoted scalars drop it).
    /// `headings`: each construct may follow a `##` heading (pages get "On this page" from two).
    mutating func markdown(_ place: String, staffOnly: Bool, flat: Bool = false, fences: Bool = true,
                           headings: Bool = false) -> [String] {
        var lines = [text(staff: staffOnly, place)]
        for _ in 0..<(fences ? int(1...3) : 0) {
            if headings && chance(0.6) { lines += ["", "## Part \(marker(staff: staffOnly, place + ", heading"))"] }
            lines += [""] + staffConstruct(place, staffOnly: staffOnly, flat: flat)
        }
        if chance(0.4) { lines += ["", text(staff: staffOnly, place + ", last paragraph")] }
        return lines
    }

    /// A staff fence, maybe after a table, maybe nested in quotes and list items.
    private mutating func staffConstruct(_ place: String, staffOnly: Bool, flat: Bool) -> [String] {
        let afterTable = chance(0.25), tightTable = chance(0.5)
        let containers = (0..<int(0...2)).map { _ in flat ? .quote : Gen<Container>.case.run(using: &rng) }
        var whereTo = afterTable ? (tightTable ? " right after a table" : " after a table") : ""
        for container in containers { whereTo += " in a \(container.rawValue)" }
        var lines = staffFence(place + whereTo, flat: flat)
        if afterTable {
            lines = ["| Item | Note |", "|---|---|", "| \(text(staff: staffOnly, place + ", table")) | x |"] + (tightTable ? [] : [""]) + lines
        }
        for container in containers {
            let lead = text(staff: staffOnly, place + ", first paragraph of a \(container.rawValue)")
            let first = lines[0].drop { $0 == " " }
            let gap = (first.hasPrefix("`") || first.hasPrefix("~") || first.hasPrefix(">")) && chance(0.4) ? [] : [""]
            switch container {
            case .quote:
                lines = ([lead] + gap + lines).map { $0.isEmpty ? ">" : "> " + $0 }
            case .bullet, .ordered:
                let bullet = container == .bullet ? pick(["-", "*", "+"]) : pick(["1.", "1)", "3.", "10."])
                let pad = String(repeating: " ", count: bullet.count + 1)
                lines = ["\(bullet) \(lead)"] + gap + lines.map { $0.isEmpty ? "" : pad + $0 }
                if chance(0.5) { lines += ["", "\(bullet) \(text(staff: staffOnly, place + ", next item"))"] }
            case .fenceOnItemLine: // the item's text starts after the spaces that follow "-"
                let pad = String(repeating: " ", count: 2 + lines[0].prefix { $0 == " " }.count)
                lines = ["- \(lead)", "- " + lines[0]] + lines.dropFirst().map { $0.isEmpty ? "" : pad + $0 }
            }
        }
        return lines
    }

    /// A ```staff or ~~~staff fence of 3 or 4 characters holding staff-only text.
    private mutating func staffFence(_ place: String, flat: Bool) -> [String] {
        let char = pick(["`", "~"]), open = String(repeating: char, count: int(3...4))
        let info = pick(Self.infoStrings)
        let indent = String(repeating: " ", count: pick([0, 0, 0, 1, 2, 3]))
        let place = "\(place): \(open)\(info) fence"
        var body = [text(staff: true, place)]
        if !flat && chance(0.3) { body += ["", "- \(text(staff: true, place + ", list item"))"] }
        if !flat && chance(0.3) { body += ["", pick(["##", "###"]) + " Heading \(marker(staff: true, place + ", heading"))"] }
        if !staffLinks.isEmpty && chance(0.4) { body += ["", "Read [the \(words()) steps](\(pick(staffLinks)))."] }
        if chance(0.15) {
            let image = "images/" + marker(staff: true, place + ", image only staff text shows").lowercased() + ".png"
            files[image] = "picture " + marker(staff: true, place + ", image bytes")
            body += ["", "![Map of \(marker(staff: true, place + ", alt text"))](\(image))"]
        }
        if open.count == 4 && chance(0.5) { // a fence of three inside one of four
            let inner = String(repeating: pick(["`", "~"]), count: 3)
            body += ["", inner + pick(["staff", "text"]), text(staff: true, place + ", inner fence"), inner]
        }
        // Every line indented alike: after a list, an indented fence may belong to the last item, whole.
        return ([open + info] + body + [open + (chance(0.2) ? char : "")]).map { $0.isEmpty ? "" : indent + $0 }
    }

    /// `key: <Markdown>` in a random scalar style; the key is at column `indent`.
    mutating func yamlMarkdown(_ key: String, indent: Int, _ place: String, staffOnly: Bool) -> String {
        let style = pick(Self.styles)
        let flat = [.plain, .singleQuoted, .folded].contains(style)
        let lines = markdown("\(place) (\(style.rawValue) scalar)", staffOnly: staffOnly, flat: flat, fences: style != .folded)
        let pad = String(repeating: " ", count: indent + 2)
        // Plain, single-quoted and folded scalars fold one line break into a space: each break is an empty line.
        let folded = lines.enumerated().flatMap { index, line in (index > 0 ? [""] : []) + (line.isEmpty ? [] : [pad + line]) }
        switch style {
        case .literal, .literalStrip, .literalKeep:
            return "\(key): \(style.rawValue)\n" + lines.map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n")
        case .plain: return "\(key):\n" + folded.joined(separator: "\n")
        case .folded: return "\(key): >\n" + folded.joined(separator: "\n")
        case .singleQuoted: return "\(key): '" + folded.joined(separator: "\n").replacingOccurrences(of: "'", with: "''").dropFirst(indent + 2) + "'"
        case .doubleQuoted, .doubleQuotedCRLF:
            let escaped = lines.joined(separator: "\n").replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: style == .doubleQuoted ? "\\n" : "\\r\\n")
            return "\(key): \"\(escaped)\""
        }
    }
}
