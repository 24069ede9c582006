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

    private var rng: Xoshiro
    private let number: Int
    private var count = 0
    private var program = GeneratedProgram()
    private var staffLinks: [String] = []
    private var spanish = false
    private var files: [String: String] {
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

    private mutating func chance(_ rate: Float) -> Bool { Gen.bool(rate).run(using: &rng) }
    private mutating func int(_ range: ClosedRange<Int>) -> Int { Gen.int(in: range).run(using: &rng) }
    private mutating func pick<T: Sendable>(_ items: [T]) -> T { Gen<T?>.element(of: items).run(using: &rng)! }
    private static let vocabulary = ["Please", "arrive", "early", "bring", "your", "card", "talk", "with", "the", "group",
                                     "counselor", "every", "week", "staff", "rest", "sleep", "plan", "call", "desk", "safe"]
    private mutating func words() -> String {
        Gen<String?>.element(of: Self.vocabulary).map { $0! }.array(of: 1...4).run(using: &rng).joined(separator: " ")
    }

    private mutating func marker(staff: Bool, _ place: String) -> String {
        count += 1
        func digits(_ value: Int) -> String { String(String(10000 + value).suffix(4)) }
        let marker = (staff ? "LK" : "OK") + "x" + digits(number) + "x" + digits(count)
        if staff { program.staff[marker.lowercased()] = place } else { program.client[marker.lowercased()] = place }
        return marker
    }

    /// One line of words around a marker.
    private mutating func text(staff: Bool, _ place: String) -> String {
        "Note \(words()) \(marker(staff: staff, place)) \(words())"
    }

    // MARK: Markdown

    /// Markdown lines: a paragraph, then staff constructs (unless `fences` is false), maybe a last paragraph.
    /// `flat`: no line may depend on its indentation (plain and single-quoted scalars drop it).
    /// `headings`: each construct may follow a `##` heading (pages get "On this page" from two).
    private mutating func markdown(_ place: String, staffOnly: Bool, flat: Bool = false, fences: Bool = true,
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
    private mutating func yamlMarkdown(_ key: String, indent: Int, _ place: String, staffOnly: Bool) -> String {
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

    // MARK: The program

    /// Whether the Spanish translation translates the next entry.
    private mutating func translated() -> Bool { spanish && chance(0.7) }

    mutating func make() -> GeneratedProgram {
        spanish = chance(0.4)
        let staffPages = (0..<int(1...2)).map { _ in marker(staff: true, "file name of a staff-only page").lowercased() }
        let staffRule = chance(0.8) ? marker(staff: true, "id of a staff-only rule").lowercased() : nil
        let staffTopic = chance(0.8) ? marker(staff: true, "id of a staff-only topic").lowercased() : nil
        let staffPerson = marker(staff: true, "id of a staff-only person").lowercased()
        staffLinks = staffPages.map { $0 + ".md" } + [staffRule.map { "rules.md#" + $0 }, staffTopic.map { "topics.md#" + $0 },
                                                      "staff-directory.md#" + staffPerson].compactMap { $0 }
        var es: [String: [String]] = [:] // translation file → its lines
        func translate(_ file: String, _ lines: [String]) { es[file, default: []] += lines }

        // program.yaml: section intros, and the staff-only staff directory's title and intro.
        var programYAML = files["program.yaml"]! + (spanish ? "\ntranslations: [es]\n" : "\n") + "sections:\n"
        var esSections: [String] = []
        for section in ["rules", "faq", "topics", "schedule", "contacts"] where chance(0.5) {
            programYAML += "  \(section):\n    title: Part \(marker(staff: false, "\(section) section title"))\n"
                + yamlMarkdown("    intro", indent: 4, "\(section) section intro", staffOnly: false) + "\n"
            if translated() {
                esSections += ["  \(section):", "    title: Parte \(marker(staff: false, "es \(section) section title"))",
                               yamlMarkdown("    intro", indent: 4, "es \(section) section intro", staffOnly: false)]
            }
        }
        programYAML += "  staff-directory:\n    title: Team \(marker(staff: true, "staff directory title"))\n"
            + yamlMarkdown("    intro", indent: 4, "staff directory intro", staffOnly: true) + "\n"
        files["program.yaml"] = programYAML
        if spanish {
            esSections += ["  staff-directory:", "    title: Equipo \(marker(staff: true, "es staff directory title"))",
                           yamlMarkdown("    intro", indent: 4, "es staff directory intro", staffOnly: true)]
            translate("program.yaml", ["name: Programa \(marker(staff: false, "es program name"))", "sections:"] + esSections)
        }

        // rules.yaml, faq.yaml, topics.yaml: client entries with staff parts, and staff-only entries.
        var rules = ["rules:"], faq = ["questions:"], topics = ["topics:"]
        var ruleIds = (1...int(1...3)).map { "rule-\($0)" }
        if let staffRule { ruleIds.insert(staffRule, at: int(0...ruleIds.count)) }
        for id in ruleIds {
            let staff = id == staffRule, who = staff ? "staff-only rule" : "rule", inSpanish = translated()
            rules += ["  - id: \(id)", "    title: Rule \(marker(staff: staff, "\(who) title"))",
                      yamlMarkdown("    text", indent: 4, "\(who) text", staffOnly: staff)]
            if inSpanish {
                translate("rules.yaml", ["  - id: \(id)", "    title: Regla \(marker(staff: staff, "es \(who) title"))",
                                         yamlMarkdown("    text", indent: 4, "es \(who) text", staffOnly: staff)])
            }
            for (key, rate, staffOnly) in [("consequence", Float(0.5), staff), ("staff_note", 0.7, true)] where chance(rate) {
                rules.append(yamlMarkdown("    \(key)", indent: 4, "\(who) \(key)", staffOnly: staffOnly))
                if inSpanish { translate("rules.yaml", [yamlMarkdown("    \(key)", indent: 4, "es \(who) \(key)", staffOnly: staffOnly)]) }
            }
            rules.append(staff ? "    audience: staff" : chance(0.3) ? "    can_lead_to_discharge: true" : "    category: Safety")
        }
        for index in 1...int(2...3) {
            let staff = index == 1 ? chance(0.8) : false, who = staff ? "staff-only question" : "question"
            let question = "Question \(words()) \(marker(staff: staff, "\(who) (and its id)"))"
            let givenId = chance(0.5), id = givenId ? "question-\(index)" : Slug.make(question)
            faq += ["  - " + (givenId ? "id: \(id)\n    " : "") + "question: \(question)",
                    yamlMarkdown("    answer", indent: 4, "\(who) answer", staffOnly: staff)] + (staff ? ["    audience: staff"] : [])
            if translated() {
                translate("faq.yaml", ["  - id: \(id)", "    question: Pregunta \(marker(staff: staff, "es \(who)"))",
                                       yamlMarkdown("    answer", indent: 4, "es \(who) answer", staffOnly: staff)])
            }
        }
        var topicIds = ["topic-1", "topic-2"] + [staffTopic].compactMap { $0 }
        topicIds.shuffle(using: &rng)
        var phrases: [(String, String)] = [] // staff-only short texts, for phrases.yaml
        for id in topicIds {
            let staff = id == staffTopic, who = staff ? "staff-only topic" : "topic", inSpanish = translated()
            topics += ["  - id: \(id)", "    title: Topic \(marker(staff: staff, "\(who) title"))", "    module: Foundations",
                       yamlMarkdown("    summary", indent: 4, "\(who) summary", staffOnly: staff)]
            if inSpanish {
                translate("topics.yaml", ["  - id: \(id)", "    title: Tema \(marker(staff: staff, "es \(who) title"))",
                                          yamlMarkdown("    summary", indent: 4, "es \(who) summary", staffOnly: staff)])
            }
            if chance(0.8) {
                let objective = text(staff: true, "\(who) guide objective"), material = text(staff: true, "\(who) guide material")
                phrases += [(objective, "\(who) guide objective"), (material, "\(who) guide material")]
                topics += ["    guide:", "      objectives: [\(objective)]", "      materials:", "        - \(material)",
                           yamlMarkdown("      plan", indent: 6, "\(who) guide plan", staffOnly: true), "      minutes: 60"]
                if inSpanish { translate("topics.yaml", ["    guide:", yamlMarkdown("      plan", indent: 6, "es \(who) guide plan", staffOnly: true)]) }
            }
            if staff { topics.append("    audience: staff") }
        }
        files["rules.yaml"] = rules.joined(separator: "\n")
        files["faq.yaml"] = faq.joined(separator: "\n")
        files["topics.yaml"] = topics.joined(separator: "\n")

        // staff.yaml: a person clients see, with staff-only contact details, and a staff-only person.
        let notes = text(staff: true, "staff notes"), hiddenRole = "Role \(marker(staff: true, "staff-only person's role"))"
        let hiddenNotes = text(staff: true, "staff-only person's notes")
        phrases += [(notes, "staff notes"), (hiddenRole, "staff-only person's role"), (hiddenNotes, "staff-only person's notes")]
        files["staff.yaml"] = """
        staff:
          - id: ana-ruiz
            name: Ana \(marker(staff: true, "full name"))
            display_name: Ana \(marker(staff: false, "display name"))
            role: Counselor
            phone: 555-0111 \(marker(staff: true, "phone"))
            email: \(marker(staff: true, "email").lowercased())@example.org
            notes: \(notes)
          - id: \(staffPerson)
            name: Person \(marker(staff: true, "staff-only person's name"))
            display_name: P. \(marker(staff: true, "staff-only person's display name"))
            role: \(hiddenRole)
            credentials: \(marker(staff: true, "staff-only person's credentials"))
            phone: 555-0112 \(marker(staff: true, "staff-only person's phone"))
            email: \(marker(staff: true, "staff-only person's email").lowercased())@example.org
            notes: \(hiddenNotes)
            audience: staff
        """

        // schedule.yaml: staff notes of sessions and dated entries in the built week.
        let notesOfSessions = [text(staff: true, "session note"), text(staff: true, "second session note"),
                               text(staff: true, "change staff_reason"), text(staff: true, "extra session note")]
        phrases += zip(notesOfSessions, ["session note", "second session note", "change staff_reason", "extra session note"]).map { $0 }
        let series = (topicIds.filter { $0 != staffTopic || chance(0.5) }).joined(separator: ", ")
        let reason = text(staff: false, "change reason")
        files["schedule.yaml"] = """
        rooms:
          - id: room-a
            name: Room A
        series:
          - id: core
            starts: 2026-01-05
            topics: [\(series)]
        tracks:
          - id: day
            name: Day track
            sessions:
              - id: day-group
                days: [Monday, Wednesday, Friday]
                start: "9:00 AM"
                end: "12:00 PM"
                title: Group \(marker(staff: false, "session title"))
                room: room-a
                facilitator: ana-ruiz
                series: core
                note: \(notesOfSessions[0])
              - id: day-check-in
                days: Tuesday
                start: "9:00 AM"
                end: "10:00 AM"
                title: Check-in
                facilitator: \(staffPerson)
                note: \(notesOfSessions[1])
        changes:
          - date: 2026-01-07
            session: day-group
            substitute: \(staffPerson)
            reason: \(reason)
            staff_reason: \(notesOfSessions[2])
        extra_sessions:
          - date: 2026-01-06
            track: day
            start: "1:00 PM"
            end: "2:00 PM"
            title: Extra \(marker(staff: false, "extra session title"))
            facilitator: \(staffPerson)
            topic: \(staffTopic ?? "topic-1")
            note: \(notesOfSessions[3])
        """
        if translated() { translate("phrases.yaml", ["  - en: \(reason)", "    es: Motivo \(marker(staff: false, "es change reason"))"]) }
        for (original, place) in phrases where translated() {
            translate("phrases.yaml", ["  - en: \(original)", "    es: Nota \(marker(staff: true, "es \(place)"))"])
        }

        // pages: client pages with staff fences, and staff-only pages; some written with CRLF line ends.
        func page(_ front: [String], _ body: [String]) -> String {
            let text = (["---"] + front + ["---"] + body).joined(separator: "\n") + "\n"
            return chance(0.2) ? "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n") : text
        }
        let clientPages = ["welcome"] + (chance(0.5) ? ["first-day"] : [])
        for (index, slug) in clientPages.enumerated() {
            files["pages/\(slug).md"] = page(["title: Page \(marker(staff: false, "page title"))", "order: \(10 + index)",
                                               "summary: \(text(staff: false, "page summary"))"],
                                              ["See [the rules](rules.md).", ""] + markdown("page \(slug)", staffOnly: false, headings: true))
            if translated() {
                files["translations/es/pages/\(slug).md"] = page(["title: Página \(marker(staff: false, "es page title"))",
                                                                  "summary: \(text(staff: false, "es page summary"))"],
                                                                 markdown("es page \(slug)", staffOnly: false, headings: true))
            }
        }
        for slug in staffPages {
            files["pages/\(slug).md"] = page(["title: Procedure \(marker(staff: true, "staff page title"))", "audience: staff",
                                               "summary: \(text(staff: true, "staff page summary"))", "order: 200"],
                                              ["See [the welcome page](welcome.md).", ""] + markdown("staff page", staffOnly: true, headings: true))
            if translated() {
                files["translations/es/pages/\(slug).md"] = page(["title: Procedimiento \(marker(staff: true, "es staff page title"))",
                                                                  "summary: \(text(staff: true, "es staff page summary"))"],
                                                                 markdown("es staff page", staffOnly: true, headings: true))
            }
        }
        let lists = ["rules.yaml": "rules:", "faq.yaml": "questions:", "topics.yaml": "topics:", "phrases.yaml": "phrases:"]
        for (file, lines) in es { files["translations/es/" + file] = ([lists[file]].compactMap { $0 } + lines).joined(separator: "\n") }
        return program
    }
}
