import Foundation

extension Handbook {
    /// `handbook edition save`: records every item of every output, as its readers read it, to
    /// `<content>/editions/<edition_date>.json`. Throws the diagnostics when the program has
    /// errors (an edition with errors is not one to hand out), and refuses to replace a saved one.
    public static func saveEdition(_ options: Options,
                                   environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        let prepared = try prepare(options, environment: environment)
        return try EditionStore.save(edition(of: prepared), in: options.contentDirectory)
    }

    /// The edition the prepared outputs make, as it would be saved.
    static func edition(of prepared: Prepared) -> SavedEdition {
        var languages: [String: SavedEdition.Outputs] = [:]
        for output in prepared.outputs {
            let items = EditionItemCollector.items(of: output.view.content, wording: output.view.wording)
            var outputs = languages[output.language]
                ?? SavedEdition.Outputs(client: [:], staff: [:], edition: output.view.content.program.edition)
            if output.kind == .manual { outputs.staff = items } else { outputs.client = items }
            languages[output.language] = outputs
        }
        let program = prepared.content.program
        return SavedEdition(edition: program.edition, editionDate: program.editionDate, languages: languages)
    }

    /// `handbook diff <date>`: what changed since the edition saved on `date`, in the default
    /// language, as the manual (`audience: .staff`, staff-only changes marked) or the client
    /// handbook would list it.
    public static func changes(since date: CalendarDate, _ options: Options, audience: Audience,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> EditionReport {
        let prepared = try prepare(options, environment: environment, tolerateErrors: true)
        let log = DiagnosticLog()
        let saved = EditionStore.load(options.contentDirectory, log: log)
        guard let old = saved.first(where: { $0.editionDate == date }) else {
            let known = saved.map(\.editionDate.description)
            throw EditionLookupError(date: date, folder: EditionStore.folder(options.contentDirectory), known: known)
        }
        let now = edition(of: prepared)
        let language = prepared.content.program.language
        let clientBefore = old.items(language: language, audience: .everyone) ?? [:]
        let clientAfter = now.items(language: language, audience: .everyone) ?? [:]
        let changes = audience == .staff
            ? EditionComparison.changes(from: old.items(language: language, audience: .staff) ?? [:],
                                        to: now.items(language: language, audience: .staff) ?? [:],
                                        clientBefore: clientBefore, clientAfter: clientAfter)
            : EditionComparison.changes(from: clientBefore, to: clientAfter)
        return EditionReport(previous: old, current: now, audience: audience, changes: changes)
    }
}

public struct EditionLookupError: Error, CustomStringConvertible {
    var date: CalendarDate
    var folder: String
    var known: [String]

    public var description: String {
        let saved = known.isEmpty ? "no edition is saved yet (save one with 'handbook edition save')"
            : "saved editions: " + known.joined(separator: ", ")
        return "\(folder): error: no edition of \(date) is saved here\n  hint: \(saved)"
    }
}
