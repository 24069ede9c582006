import Foundation

/// Reads compliance profiles: the tool's own (`Profiles/`) and a program's (`<content>/profiles/`),
/// a program's file overriding the tool's of the same name.
enum ProfileLoader {
    static func load(_ id: String, from folders: [SourceFolder], at reference: SourceLocation, log: DiagnosticLog) -> ComplianceProfile? {
        let name = id + ".yaml"
        guard let folder = folders.reversed().first(where: { $0.names(in: "").contains(name) }) else {
            let known = folders.flatMap { $0.names(in: "") }.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
            log.error(reference, "there is no compliance profile '\(id)'",
                      hint: Suggestion.hint(for: id, in: known, noun: "profile")
                        + " (profiles are in \(folders.map(\.displayName).joined(separator: " and ")))")
            return nil
        }
        let file = folder.displayPath(name)
        guard let text = folder.readText(name, required: true, log: log),
              let root = YAMLFile.parse(text, file: file, log: log),
              let r = MappingReader(root, noun: "compliance profile", file: file, log: log) else { return nil }
        defer { r.finish() }
        return read(r, id: id)
    }

    /// The keys of a profile file.
    static func read(_ r: MappingReader, id: String) -> ComplianceProfile {
        var seen: [String: SourceLocation] = [:]
        let requirements = r.records("requirements", noun: "requirement", required: true) { q -> Requirement? in
            let id = Identifier.read(q, seen: &seen)
            let title = q.string("title", required: true)
            let purpose = q.string("purpose", required: true, hint: "say what the section is for; check shows it when it is missing")
            let check = q.choice("check", as: Requirement.Check.self) ?? .page
            let source = q.string("source")
            guard let id, let title, let purpose else { return nil }
            return Requirement(id: id, title: title, purpose: purpose, source: source, check: check)
        }
        return ComplianceProfile(
            id: id, name: r.string("name", required: true) ?? id, minimumWeeklyHours: r.double("minimum_weekly_hours"),
            maximumWeeklyHours: r.double("maximum_weekly_hours"), stepDownWeeks: r.int("step_down_weeks", range: 0...52),
            groupSizeCap: r.int("group_size_cap", range: 1...1000), educationGroupSizeCap: r.int("education_group_size_cap", range: 1...1000),
            minimumSessionMinutes: r.int("minimum_session_minutes", range: 1...600), requirements: requirements,
            location: r.location)
    }
}
