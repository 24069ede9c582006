import Foundation

/// The library's entry points: `check` and `build`, each a pipeline of named steps,
/// load → check → resolve → render → write.
public enum Handbook {
    public struct Options: Sendable {
        public var contentDirectory: String
        public var templatesDirectory: String
        public var outputDirectory: String
        public var outputs: [OutputKind]
        /// The tool's compliance profiles; a program's own are in `<content>/profiles`.
        public var profilesDirectory: String
        /// Write into a non-empty output folder the tool did not create.
        public var force: Bool
        /// Build the Pagefind search index of each output (when Pagefind is installed).
        public var search = true
        /// Print the handbook, the manual and the week's schedule to PDF with headless Chromium.
        public var pdf = false

        public init(contentDirectory: String = "Content", templatesDirectory: String = "Templates",
                    outputDirectory: String = "Public", outputs: [OutputKind] = OutputKind.allCases, force: Bool = false,
                    profilesDirectory: String = "Profiles") {
            self.profilesDirectory = profilesDirectory
            self.contentDirectory = contentDirectory
            self.templatesDirectory = templatesDirectory
            self.outputDirectory = outputDirectory
            self.outputs = outputs
            self.force = force
        }

        /// The tool's templates, then the program's own overrides in `<content>/templates`.
        var templateFolders: [String] { [templatesDirectory, contentDirectory + "/templates"] }
    }

    public struct Report: Sendable {
        /// Files written per output folder.
        public var filesWritten: [(output: String, pages: Int, files: Int)]
        /// Warnings found on the way (a build with errors throws instead).
        public var warnings: [Diagnostic]
        public var seconds: Double
    }

    /// Everything a build would render, checked, without writing: what `handbook check` runs.
    public struct Prepared {
        public var content: Content
        public var templates: TemplateSet
        public var outputs: [(kind: OutputKind, edition: Edition, links: LinkResolver)]
        public var diagnostics: [Diagnostic]
        /// The profile named in program.yaml and how the program meets it; nil without a profile.
        public var compliance: (profile: ComplianceProfile, results: [ComplianceChecker.Result])?
    }

    /// Loads, checks and resolves; throws `DiagnosticsError` listing every problem when there are errors.
    public static func prepare(_ options: Options, tolerateErrors: Bool = false) throws -> Prepared {
        let log = DiagnosticLog()
        let content = ContentLoader(directory: options.contentDirectory).load(log: log)
        let templates = TemplateSet.load(from: options.templateFolders, log: log)
        guard let content, let templates else { throw DiagnosticsError(log.sorted) }
        ReferenceChecker.check(content, log: log)
        let settings = content.program.compliance
        let profile = settings?.profile.flatMap {
            ProfileLoader.load($0, from: [options.profilesDirectory, options.contentDirectory + "/profiles"],
                               at: settings!.location, log: log)
        }
        let limits = ComplianceChecker.Limits(settings: settings, profile: profile, schedule: content.schedule)
        ScheduleChecker.check(content, minimumWeeklyHours: limits.minimumWeeklyHours, log: log)
        ComplianceChecker.checkLimits(content, limits: limits, log: log)

        // Both editions are checked even when one is built: a broken link in the manual is still broken.
        let clientContent = AudienceResolver.resolve(content, for: .everyone)
        let clientSlugs = Set(clientContent.pages.map(\.slug))
        var outputs: [(kind: OutputKind, edition: Edition, links: LinkResolver)] = []
        for kind in OutputKind.allCases {
            let edition = Edition(kind == .handbook ? clientContent : AudienceResolver.resolve(content, for: .staff),
                                  audience: kind.audience)
            let hidden = kind == .handbook ? Set(content.pages.map(\.slug)).subtracting(clientSlugs) : []
            let links = LinkResolver(outline: Outline(edition), hiddenChapters: hidden,
                                     contentDirectory: options.contentDirectory)
            LinkChecker.check(edition, resolver: links, log: log)
            AccessibilityChecker.check(edition, log: log)
            outputs.append((kind, edition, links))
        }
        var compliance: (ComplianceProfile, [ComplianceChecker.Result])?
        if let profile, let settings {
            compliance = (profile, ComplianceChecker(client: clientContent, profile: profile, settings: settings).requirements(log: log))
        }
        guard tolerateErrors || !log.hasErrors else { throw DiagnosticsError(log.sorted) }
        return Prepared(content: content, templates: templates, outputs: outputs, diagnostics: log.sorted,
                        compliance: compliance)
    }

    /// Everything `build` checks, plus the checks that only advise (reading grade): what
    /// `handbook check` runs. Throws `DiagnosticsError` when there are errors. With `report`,
    /// also writes the compliance report to `<output>/compliance-report.html` when it can.
    public static func check(_ options: Options, report: Bool = false) throws -> [Diagnostic] {
        let prepared: Prepared
        do {
            prepared = try prepare(options)
        } catch let error as DiagnosticsError {
            // The report is most needed when something is missing: write it from what did load.
            if report, let partial = try? prepare(options, tolerateErrors: true) {
                try writeComplianceReport(partial, diagnostics: error.diagnostics, options: options)
            }
            throw error
        }
        let log = DiagnosticLog()
        log.append(contentsOf: prepared.diagnostics)
        if let client = prepared.outputs.first(where: { $0.kind == .handbook }) {
            ReadabilityChecker.check(client.edition, ceiling: prepared.content.program.readingGradeLimit, log: log)
        }
        if report { try writeComplianceReport(prepared, diagnostics: log.sorted, options: options) }
        return log.sorted
    }

    /// Where `check --report` writes the compliance report.
    public static func complianceReportPath(_ options: Options) -> String {
        options.outputDirectory + "/compliance-report.html"
    }

    private static func writeComplianceReport(_ prepared: Prepared, diagnostics: [Diagnostic], options: Options) throws {
        guard let html = ComplianceReport(prepared).html(diagnostics: diagnostics) else {
            throw DiagnosticsError([Diagnostic(.error, prepared.content.program.location, "there is no compliance profile to report on",
                                               hint: "add 'compliance:' with 'profile: asam-2.1-adult' (or another profile) to program.yaml")])
        }
        try OutputSafety.check(options)
        try FileManager.default.createDirectory(atPath: options.outputDirectory, withIntermediateDirectories: true)
        try OutputSafety.markOutput(options.outputDirectory)
        try Data(html.utf8).write(to: URL(fileURLWithPath: complianceReportPath(options)), options: .atomic)
    }

    /// Builds the requested outputs, and the current week's schedule, into the output folder.
    /// On any error nothing there changes.
    public static func build(_ options: Options, writer: OutputWriter? = nil,
                             environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Report {
        let started = Date()
        try OutputSafety.check(options)
        let prepared = try prepare(options)
        let week = currentWeek(prepared.content.program, environment: environment)
        let weekFiles = try weekOutputs(prepared, week: week, environment: environment)
        var rendered: [(name: String, files: [OutputFile])] = []
        var counts: [(output: String, pages: Int, files: Int)] = []
        for output in prepared.outputs where options.outputs.contains(output.kind) {
            var files = SiteRenderer(edition: output.edition, templates: prepared.templates, kind: output.kind,
                                     links: output.links, currentWeek: week).render()
            if output.kind == .manual {
                files += weekFiles.staff.map { OutputFile(path: "schedule/\(week)/" + $0.path, contents: $0.contents) }
            }
            rendered.append((output.kind.rawValue, files))
            counts.append((output.kind.rawValue, files.filter { $0.path.hasSuffix(".html") }.count, files.count))
        }
        if options.outputs.contains(.handbook) { rendered.append(("schedule/\(week)", weekFiles.client)) }
        let finisher = OutputFinisher(options: options, week: week)
        try (writer ?? OutputWriter(root: options.outputDirectory)).replace(rendered, keepingFrom: ["manual": "schedule"],
                                                                             finishing: finisher.finish)
        return Report(filesWritten: counts, warnings: prepared.diagnostics + finisher.warnings,
                      seconds: Date().timeIntervalSince(started))
    }

    /// Writes one week's schedule: the client version to `schedule/<week>/`, the staff version
    /// to `manual/schedule/<week>/`. Returns the warnings found on the way.
    public static func schedule(_ options: Options, week: ISOWeek, writer: OutputWriter? = nil,
                                environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [Diagnostic] {
        try OutputSafety.check(options)
        let prepared = try prepare(options)
        let files = try weekOutputs(prepared, week: week, environment: environment)
        let finisher = OutputFinisher(options: options, week: week)
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
