import Foundation
import PropertyBased
@testable import HandbookKit

/// The program writer: every data file, translation and page of a `GeneratedProgram`, from the
/// generators in GeneratedProgram.swift.
extension ProgramGenerator {
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
        // The name clients would see: no output shows it, since clients never see this person.
        let hiddenDisplayName = marker(staff: true, "staff-only person's display name")
        program.shownNowhere.insert(hiddenDisplayName.lowercased())
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
            display_name: P. \(hiddenDisplayName)
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
