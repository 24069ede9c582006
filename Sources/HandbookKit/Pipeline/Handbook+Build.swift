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
            for output in prepared.outputs where options.outputs.contains(output.kind) {
                var renderer = SiteRenderer(edition: output.edition, templates: prepared.templates, kind: output.kind,
                                            links: output.links, currentWeek: week)
                renderer.session = session
                var files = renderer.render()
                if output.kind == .manual {
                    files += weekFiles.staff.map { OutputFile(path: "schedule/\(week)/" + $0.path, contents: $0.contents) }
                }
                rendered.append((output.kind.rawValue, files))
                counts.append((output.kind.rawValue, files.filter { $0.path.hasSuffix(".html") }.count, files.count))
            }
            if options.outputs.contains(.handbook) { rendered.append(("schedule/\(week)", weekFiles.client)) }
        }
        let finisher = OutputFinisher(options: options, week: week, timer: timer)
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
        let finisher = OutputFinisher(options: options, week: week, timer: StageTimer(announce: options.progress))
        try (writer ?? OutputWriter(root: options.outputDirectory)).replace([
            ("schedule/\(week)", files.client), ("manual/schedule/\(week)", files.staff),
        ], finishing: finisher.finish)
        return prepared.diagnostics + finisher.warnings
    }

    /// The week containing today in the program's time zone (`SOURCE_DATE_EPOCH` stands for now when set).
    public static func currentWeek(_ program: Program, environment: [String: String] = ProcessInfo.processInfo.environment) -> ISOWeek {
        ISOWeek(containing: CalendarDate.today(in: TimeZone(identifier: program.timeZone) ?? .current, environment: environment))
    }

    /// Resolves and checks a week, and renders its client and staff files.
    static func weekOutputs(_ prepared: Prepared, week: ISOWeek, environment: [String: String])
        throws -> (client: [OutputFile], staff: [OutputFile]) {
        let log = DiagnosticLog()
        let staffContent = prepared.outputs.first { $0.kind == .manual }!.edition.content
        let clientContent = prepared.outputs.first { $0.kind == .handbook }!.edition.content
        let staffWeek = WeekResolver(staffContent).resolve(week)
        ScheduleChecker.check(staffWeek, log: log)
        guard !log.hasErrors else { throw DiagnosticsError(prepared.diagnostics + log.sorted) }
        let stamp = calendarStamp(prepared.content.program, environment: environment)
        let client = WeekRenderer(week: WeekResolver(clientContent).resolve(week), content: clientContent,
                                  templates: prepared.templates, audience: .everyone).render(stamp: stamp)
        let staff = WeekRenderer(week: staffWeek, content: staffContent, templates: prepared.templates,
                                 audience: .staff).render(stamp: stamp)
        return (client, staff)
    }

    /// DTSTAMP of calendar files: `SOURCE_DATE_EPOCH` when set, else the edition date, never the
    /// clock, so that the same input gives the same bytes.
    static func calendarStamp(_ program: Program, environment: [String: String]) -> Date {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(Double.init) { return Date(timeIntervalSince1970: epoch) }
        return Date(timeIntervalSince1970: TimeInterval(program.editionDate.dayNumber * 86400))
    }
}
