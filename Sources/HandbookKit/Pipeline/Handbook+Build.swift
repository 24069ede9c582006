import Foundation

extension Handbook {
    /// Builds the requested outputs, and the current week's schedule, into the output folder (the
    /// manual into the staff folder, when `staffOutputDirectory` is set). On any error nothing
    /// there changes.
    ///
    /// With a `cache` (under `serve`), later builds reuse what did not change and write only the
    /// files whose bytes changed. (In one output folder: a build that writes the manual apart
    /// always stages and swaps whole outputs.)
    public static func build(_ options: Options, writer: OutputWriter? = nil,
                             environment: [String: String] = ProcessInfo.processInfo.environment,
                             cache: BuildCache? = nil) throws -> Report {
        let started = Date()
        let timer = StageTimer(announce: options.progress)
        try OutputSafety.check(options)
        // Finding Pagefind runs a program (Python's, when it came from PyPI): on another core,
        // while the program is loaded and rendered.
        if options.search { DispatchQueue.global().async { _ = ExternalTool.pagefind } }
        let prepared = try prepare(options, environment: environment, timer: timer, cache: cache)
        let week = prepared.week
        // Files go to the staging folder (under `serve`, after the first build: to the output
        // folder, if they changed) as soon as they are rendered, so no output is held in memory.
        let incremental = options.hasStaffFolder ? nil
            : cache.flatMap { $0.builds > 0 ? IncrementalWriter(root: options.outputDirectory, previous: $0.written) : nil }
        var staging: StagingFolders?
        defer { staging?.discard() }
        var names: [String] = []
        var counts: [(output: String, pages: Int, files: Int)] = []
        var weekWarnings: [Diagnostic] = []
        try timer.measure("render") {
            if incremental == nil {
                staging = try StagingFolders(options, writer: writer, keepingLayouts: cache != nil)
            }
            let sink: OutputSink = incremental ?? staging!
            // The week's pages and the calendar feeds are made on another core while the outputs
            // (each language of each) are rendered: one after the other, much of a small
            // program's build used one core. A small program's outputs render at once, each on
            // one core; a large one's one after the other, each on all cores, since each holds its
            // print page's chapters until the print page is written (at 10,000 pages, two at once
            // held 100 MB more).
            let sites = prepared.outputs.filter { options.outputs.contains($0.kind) }
            let feedsWanted = options.outputs.contains(.handbook)
            let sitesAtOnce = sites.reduce(0) { $0 + $1.view.content.pages.count } <= Self.pagesRenderedAtOnce
            func render(_ output: PreparedOutput) throws -> (kind: OutputKind, pages: Int, files: Int) {
                var renderer = SiteRenderer(view: output.view, templates: prepared.templates, kind: output.kind,
                                            links: output.links, currentWeek: week)
                renderer.cache = cache
                renderer.languages = prepared.languages(of: output.kind)
                renderer.pathPrefix = output.languageFolder
                renderer.today = prepared.today
                renderer.clientFilesBeside = !options.hasStaffFolder
                let written = try renderer.render(into: sink, as: output.kind.rawValue)
                return (output.kind, written.pages, written.files)
            }
            func makeWeekFiles() -> WeekFiles {
                weekOutputs(prepared, week: week, environment: environment, clientFilesBeside: !options.hasStaffFolder)
            }
            func makeFeeds() -> [OutputFile] { feedsWanted ? calendarFeeds(prepared, week: week, environment: environment) : [] }
            let made: [(kind: OutputKind, pages: Int, files: Int)]
            let weekFiles: WeekFiles, feeds: [OutputFile]
            if sitesAtOnce {
                // Each a job of its own, taken by whichever core is free: the week's pages first
                // (the largest), then the outputs, then the feeds. As two fixed halves (outputs on
                // one side, week and feeds on the other), one core idled for a third of the render.
                let jobs = [RenderJob.weeks] + sites.map(RenderJob.site) + [.feeds]
                let done = try jobs.concurrentMap { job -> RenderedJob in
                    switch job {
                    case .weeks: .weeks(makeWeekFiles())
                    case let .site(output): .site(try render(output))
                    case .feeds: .feeds(makeFeeds())
                    }
                }
                made = done.compactMap { if case let .site(site) = $0 { site } else { nil } }
                weekFiles = done.lazy.compactMap { if case let .weeks(files) = $0 { files } else { nil } }.first!
                feeds = done.lazy.compactMap { if case let .feeds(files) = $0 { files } else { nil } }.first!
            } else {
                let rendered: Result<[(kind: OutputKind, pages: Int, files: Int)], Error>
                (rendered, (weekFiles, feeds)) = inParallel({ Result { try sites.map(render) } }, { (makeWeekFiles(), makeFeeds()) })
                made = try rendered.get()
            }
            // About the client's printed weeks: only when they are written.
            if options.outputs.contains(.handbook) { weekWarnings = weekFiles.warnings }
            for kind in OutputKind.allCases where options.outputs.contains(kind) {
                var count = (pages: 0, files: 0)
                // Every language of an output goes into the one folder: a translation's files in
                // a folder of their own (`es/`), so one search index serves all of them.
                for output in made where output.kind == kind {
                    count.pages += output.pages
                    count.files += output.files
                }
                if kind == .manual {
                    for file in weekFiles.staff {
                        let moved = OutputFile(path: "schedule/\(week)/" + file.path, contents: file.contents)
                        try sink.write(RenderedFile(moved), in: kind.rawValue)
                        count.files += 1
                        if file.path.hasSuffix(".html") { count.pages += 1 }
                    }
                    // In the manual, which is replaced as a whole: the stable address of this week.
                    for file in weekFiles.staffAddress {
                        try sink.write(RenderedFile(file.moved(into: "schedule/")), in: kind.rawValue)
                        count.files += 1
                    }
                }
                names.append(kind.rawValue)
                counts.append((kind.rawValue, count.pages, count.files))
            }
            if options.outputs.contains(.handbook) {
                for file in weekFiles.client { try sink.write(RenderedFile(file), in: "schedule/\(week)") }
                names.append("schedule/\(week)")
                // The calendar feeds: rewritten by every build, replaced as one folder.
                for file in feeds {
                    try sink.write(RenderedFile(file), in: "schedule/" + CalendarFeed.folder)
                }
                names.append("schedule/" + CalendarFeed.folder)
                // Each page of the stable address is put in place on its own, after the week it
                // sends readers to: `schedule/` also holds other weeks, so it is not replaced whole.
                for file in weekFiles.clientAddress {
                    try sink.write(RenderedFile(file), in: "schedule")
                    names.append("schedule/" + file.path)
                }
            }
        }
        // Made after rendering: making it waits for the search for Pagefind started above.
        var finisher = OutputFinisher(options: options, week: week, timer: timer)
        finisher.languageFolders = prepared.languageFolders
        // Under `serve`, small parts, so that an edited page is indexed again with few others.
        var search = finisher.search(size: cache == nil ? .build : .preview)
        var rewritten: Int?
        try timer.measure("write") {
            if let incremental {
                let (changed, written, layouts) = incremental.finish(outputs: names)
                cache?.written = layouts
                rewritten = written
                for kind in OutputKind.allCases where changed.contains(kind.rawValue) {
                    search?.add(kind.rawValue, folder: options.root(of: kind.rawValue) + "/" + kind.rawValue,
                                changedPages: incremental.changedFiles(in: kind.rawValue), previous: cache?.searchParts[kind.rawValue])
                }
                cache?.searchParts.merge(try search?.build(timer: timer) ?? [:]) { $1 }
                for name in names where changed.contains(name) {
                    try finisher.finish(name, options.root(of: name) + "/" + name)
                }
            } else if let staging {
                // Not as soon as the handbook is written: beside the manual's rendering it slowed both.
                for kind in OutputKind.allCases where names.contains(kind.rawValue) {
                    let staged = staging.stagedPath(of: kind.rawValue)
                    if cache == nil {
                        // A part whose pages are all the old output's files is taken from its index.
                        search?.add(kind.rawValue, folder: staged, replacing: options.root(of: kind.rawValue) + "/" + kind.rawValue,
                                    changedPages: staging.filesWrittenAnew(in: kind.rawValue))
                    } else {
                        search?.add(kind.rawValue, folder: staged)
                    }
                }
                let parts = try search?.build(timer: timer) ?? [:]
                cache?.searchParts = parts
                try staging.commit(names, keepingFrom: ["manual": "schedule"], finishing: finisher.finish)
                cache?.written = staging.layouts
                try staging.removeAfterCommit(names)
            }
        }
        cache?.finishedBuild()
        return Report(filesWritten: counts, warnings: prepared.diagnostics + weekWarnings + finisher.warnings,
                      seconds: Date().timeIntervalSince(started), stages: timer.stages, filesRewritten: rewritten)
    }

    /// The parts of a small program's render, done at once.
    private enum RenderJob {
        case weeks, site(PreparedOutput), feeds
    }

    private enum RenderedJob {
        case weeks(WeekFiles), site((kind: OutputKind, pages: Int, files: Int)), feeds([OutputFile])
    }

    /// Writes one week's schedule: the client version to `schedule/<week>/`, the staff version
    /// to `manual/schedule/<week>/` (of the staff folder, when the manual is written apart).
    /// Returns the warnings found on the way.
    public static func schedule(_ options: Options, week: ISOWeek, writer: OutputWriter? = nil,
                                environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [Diagnostic] {
        try OutputSafety.check(options)
        let prepared = try prepare(options, week: week)
        let files = weekOutputs(prepared, week: week, environment: environment, clientFilesBeside: !options.hasStaffFolder)
        var finisher = OutputFinisher(options: options, week: week, timer: StageTimer(announce: options.progress))
        finisher.languageFolders = prepared.languageFolders
        // The stable address moves only with the current week: making next week's schedule early
        // must not send readers to it.
        let isCurrent = week == currentWeek(prepared.content.program, environment: environment)
        let address = isCurrent ? files.clientAddress.map { $0.moved(into: "schedule/") }
            + files.staffAddress.map { $0.moved(into: "manual/schedule/") } : []
        try StagingFolders(options, writer: writer).replace([
            ("schedule/\(week)", files.client), ("manual/schedule/\(week)", files.staff),
        ], alone: address, keepingFrom: [:], finishing: finisher.finish)
        return prepared.diagnostics + files.warnings + finisher.warnings
    }

    /// The week containing today in the program's time zone (`SOURCE_DATE_EPOCH` stands for now when set).
    public static func currentWeek(_ program: Program, environment: [String: String] = ProcessInfo.processInfo.environment) -> ISOWeek {
        ISOWeek(containing: today(program, environment: environment))
    }

    /// Today in the program's time zone (`SOURCE_DATE_EPOCH` stands for now when set): the day
    /// reviews are checked against and the week `build` writes.
    public static func today(_ program: Program, environment: [String: String] = ProcessInfo.processInfo.environment) -> CalendarDate {
        CalendarDate.today(in: TimeZone(identifier: program.timeZone) ?? .current, environment: environment)
    }

    /// Up to how many pages (all outputs and languages together) the outputs of a build are
    /// rendered at the same time.
    static let pagesRenderedAtOnce = 1000

    /// One week's files, in every language (a translation's in a folder named by its tag:
    /// `es/index.html`).
    struct WeekFiles {
        /// The files of `schedule/<week>/` and of `manual/schedule/<week>/`.
        var client: [OutputFile] = [], staff: [OutputFile] = []
        /// The pages at the stable address that send readers to this week, by path inside
        /// `schedule/` and `manual/schedule/` (`index.html`, `es/index.html`): written only
        /// when the week is the current one.
        var clientAddress: [OutputFile] = [], staffAddress: [OutputFile] = []
        /// What rendering found: a missing QR encoder for the printed weeks' codes.
        var warnings: [Diagnostic] = []
    }

    /// Resolves a week (checked with everything else by `prepare`), and renders its client and
    /// staff files in every language.
    /// `clientFilesBeside`: whether the client `schedule/` is in the same output folder as the
    /// manual, so the staff copy can link to its calendar feeds by a relative path.
    static func weekOutputs(_ prepared: Prepared, week: ISOWeek, environment: [String: String], clientFilesBeside: Bool) -> WeekFiles {
        let stamp = calendarStamp(prepared.content.program, environment: environment)
        var files = WeekFiles()
        // Every track's code in every language, made in one run of the encoder before any page asks.
        let feedCodes = FeedCodes(warningsAt: SourceLocation(file: prepared.content.program.location.file))
        feedCodes.prepare(prepared.outputs.filter { $0.kind == .handbook }.flatMap { FeedCodes.addresses(of: $0.view.content) })
        for output in prepared.outputs {
            let content = output.view.content
            let resolved = WeekResolver(content).resolve(week)
            var renderer = WeekRenderer(week: resolved, content: content, templates: prepared.templates, audience: output.kind.audience)
            renderer.languages = prepared.languages(of: output.kind)
            renderer.feedCode = feedCodes.svg(for:)
            renderer.clientFilesBeside = clientFilesBeside
            let week = renderer.render(stamp: stamp).map { $0.moved(into: output.languageFolder) }
            let address = renderer.currentWeekPage().moved(into: output.languageFolder)
            if output.kind == .manual {
                files.staff += week
                files.staffAddress.append(address)
            } else {
                files.client += week
                files.clientAddress.append(address)
            }
        }
        files.warnings = feedCodes.warnings
        return files
    }

    /// The calendar feeds of every language, by path inside `schedule/calendar/`: the client
    /// views' tracks, from the week before `week` to `calendar_weeks` weeks after it.
    static func calendarFeeds(_ prepared: Prepared, week: ISOWeek, environment: [String: String]) -> [OutputFile] {
        let stamp = calendarStamp(prepared.content.program, environment: environment)
        return prepared.outputs.filter { $0.kind == .handbook }.flatMap { output in
            CalendarFeed.files(output.view.content, templates: prepared.templates, current: week, stamp: stamp)
        }
    }

    /// DTSTAMP of calendar files: `SOURCE_DATE_EPOCH` when set, else the edition date, never the
    /// clock, so that the same input gives the same bytes.
    static func calendarStamp(_ program: Program, environment: [String: String]) -> Date {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(Double.init) { return Date(timeIntervalSince1970: epoch) }
        return Date(timeIntervalSince1970: TimeInterval(program.editionDate.dayNumber * 86400))
    }
}
