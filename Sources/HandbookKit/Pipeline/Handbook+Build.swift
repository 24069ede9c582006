import Foundation

extension Handbook {
    /// Builds the requested outputs, and the current week's schedule, into the output folder.
    /// On any error nothing there changes.
    ///
    /// With a `session` (under `serve`), later builds reuse what did not change and write only the
    /// files whose bytes changed.
    public static func build(_ options: Options, writer: OutputWriter? = nil,
                             environment: [String: String] = ProcessInfo.processInfo.environment,
                             session: BuildSession? = nil) throws -> Report {
        let started = Date()
        let timer = StageTimer(announce: options.progress)
        try OutputSafety.check(options)
        let prepared = try prepare(options, timer: timer, session: session)
        let week = currentWeek(prepared.content.program, environment: environment)
        var rendered: [(name: String, files: [OutputFile])] = []
        var counts: [(output: String, pages: Int, files: Int)] = []
        try timer.measure("render") {
            let weekFiles = try weekOutputs(prepared, week: week, environment: environment)
            for kind in OutputKind.allCases where options.outputs.contains(kind) {
                var files: [OutputFile] = []
                for output in prepared.outputs where output.kind == kind {
                    var renderer = SiteRenderer(edition: output.edition, templates: prepared.templates, kind: kind,
                                                links: output.links, currentWeek: week)
                    renderer.session = session
                    renderer.languages = prepared.languages
                    files += renderer.render().map { $0.moved(into: output.languageFolder) }
                }
                if kind == .manual { files += weekFiles.staff.map { $0.moved(into: "schedule/\(week)/") } }
                rendered.append((kind.rawValue, files))
                counts.append((kind.rawValue, files.filter { $0.path.hasSuffix(".html") }.count, files.count))
            }
            if options.outputs.contains(.handbook) { rendered.append(("schedule/\(week)", weekFiles.client)) }
        }
        var finisher = OutputFinisher(options: options, week: week, timer: timer)
        finisher.languageFolders = prepared.languages.map(\.folder)
        var rewritten: Int?
        try timer.measure("write") {
            if let session, session.builds > 0 {
                let (changed, written) = try IncrementalWriter(root: options.outputDirectory, session: session).write(rendered)
                rewritten = written
                for output in rendered where changed.contains(output.name) {
                    try finisher.finish(output.name, options.outputDirectory + "/" + output.name)
                }
            } else {
                try (writer ?? OutputWriter(root: options.outputDirectory)).replace(rendered, keepingFrom: ["manual": "schedule"],
                                                                                     finishing: finisher.finish)
                session?.written = Dictionary(rendered.flatMap { output in
                    output.files.map { (output.name + "/" + $0.path, IncrementalWriter.fingerprint($0.contents)) }
                }, uniquingKeysWith: { first, _ in first })
            }
        }
        session?.finishedBuild()
        return Report(filesWritten: counts, warnings: prepared.diagnostics + finisher.warnings,
                      seconds: Date().timeIntervalSince(started), stages: timer.stages, filesRewritten: rewritten)
    }

    /// Writes one week's schedule: the client version to `schedule/<week>/`, the staff version
    /// to `manual/schedule/<week>/`. Returns the warnings found on the way.
    public static func schedule(_ options: Options, week: ISOWeek, writer: OutputWriter? = nil,
                                environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [Diagnostic] {
        try OutputSafety.check(options)
        let prepared = try prepare(options)
        let files = try weekOutputs(prepared, week: week, environment: environment)
        var finisher = OutputFinisher(options: options, week: week, timer: StageTimer(announce: options.progress))
        finisher.languageFolders = prepared.languages.map(\.folder)
        try (writer ?? OutputWriter(root: options.outputDirectory)).replace([
            ("schedule/\(week)", files.client), ("manual/schedule/\(week)", files.staff),
        ], finishing: finisher.finish)
        return prepared.diagnostics + finisher.warnings
    }

    /// The week containing today in the program's time zone (`SOURCE_DATE_EPOCH` stands for now when set).
    public static func currentWeek(_ program: Program, environment: [String: String] = ProcessInfo.processInfo.environment) -> ISOWeek {
        ISOWeek(containing: CalendarDate.today(in: TimeZone(identifier: program.timeZone) ?? .current, environment: environment))
    }

    /// Resolves and checks a week, and renders its client and staff files in every language
    /// (a translation's in a folder named by its tag: `es/index.html`).
    static func weekOutputs(_ prepared: Prepared, week: ISOWeek, environment: [String: String])
        throws -> (client: [OutputFile], staff: [OutputFile]) {
        let log = DiagnosticLog()
        let stamp = calendarStamp(prepared.content.program, environment: environment)
        var client: [OutputFile] = [], staff: [OutputFile] = []
        for output in prepared.outputs {
            let content = output.edition.content
            let resolved = WeekResolver(content).resolve(week)
            // The staff week has every session: its clashes are the week's clashes.
            if output.kind == .manual && output.isDefaultLanguage {
                ScheduleChecker.check(resolved, log: log)
                guard !log.hasErrors else { throw DiagnosticsError(prepared.diagnostics + log.sorted) }
            }
            var renderer = WeekRenderer(week: resolved, content: content, templates: prepared.templates, audience: output.kind.audience)
            renderer.languages = prepared.languages
            let files = renderer.render(stamp: stamp).map { $0.moved(into: output.languageFolder) }
            if output.kind == .manual { staff += files } else { client += files }
        }
        return (client, staff)
    }

    /// DTSTAMP of calendar files: `SOURCE_DATE_EPOCH` when set, else the edition date, never the
    /// clock, so that the same input gives the same bytes.
    static func calendarStamp(_ program: Program, environment: [String: String]) -> Date {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(Double.init) { return Date(timeIntervalSince1970: epoch) }
        return Date(timeIntervalSince1970: TimeInterval(program.editionDate.dayNumber * 86400))
    }
}
