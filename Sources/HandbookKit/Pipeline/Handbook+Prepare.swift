import Foundation

extension Handbook {
    /// Load, resolve, check: throws `DiagnosticsError` listing every problem when there are errors.
    ///
    /// `week` is the week whose printable schedule is checked with everything else (the week
    /// `handbook schedule` writes); nil: the week containing today in the program's time zone
    /// (`SOURCE_DATE_EPOCH` in `environment` stands for now), which `build` writes.
    public static func prepare(_ options: Options, week: ISOWeek? = nil,
                               environment: [String: String] = ProcessInfo.processInfo.environment,
                               tolerateErrors: Bool = false, timer: StageTimer = StageTimer(),
                               cache: BuildCache? = nil) throws -> Prepared {
        let log = DiagnosticLog()
        guard let loaded = timer.measure("load", { load(options, cache: cache, log: log) }) else {
            throw DiagnosticsError(log.sorted)
        }
        let week = week ?? currentWeek(loaded.content.program, environment: environment)
        let today = today(loaded.content.program, environment: environment)
        let (outputs, untranslated) = timer.measure("resolve") { resolve(loaded, cache: cache, dataHasErrors: log.hasErrors) }
        let compliance = timer.measure("check") {
            log.append(contentsOf: untranslated)
            return check(loaded, outputs: outputs, week: week, today: today, options: options, log: log)
        }
        guard tolerateErrors || !log.hasErrors else { throw DiagnosticsError(log.sorted) }
        var prepared = Prepared(content: loaded.content, templates: loaded.templates, outputs: outputs, week: week,
                                diagnostics: log.sorted, compliance: compliance)
        prepared.today = today
        return prepared
    }

    /// Load: everything the build reads, read once. No later stage looks at the content, the
    /// templates or the profiles on disk. Nil when there is no program to go on with.
    static func load(_ options: Options, cache: BuildCache?, log: DiagnosticLog) -> LoadedProgram? {
        // The templates and interface strings are read on another core while the content is:
        // each into its own log (a log is not shared between threads), reported together.
        let templateLog = DiagnosticLog()
        let (content, templates) = inParallel({ ContentLoader(directory: options.contentDirectory, cache: cache).load(log: log) },
                                              { TemplateSet.load(from: options.templateFolders, log: templateLog) })
        log.append(contentsOf: templateLog.diagnostics)
        guard let content else { return nil }
        let settings = content.program.compliance
        let profile = settings.flatMap { settings in
            settings.profile.flatMap { ProfileLoader.load($0, from: options.profileFolders, at: settings.location, log: log) }
        }
        let outputInside = OutputSafety.outputInsideContent(options)
        let files = ContentFiles.read(options.contentDirectory, skipping: outputInside, cache: cache)
        return LoadedProgram(content: content, templates: templates, profile: profile, files: files,
                             outputInsideContent: outputInside,
                             savedEditions: EditionStore.load(options.contentDirectory, log: log))
    }

    /// Resolve: for each language, the content in that language (translations applied right
    /// after loading); then one view per audience, resolved from it, with its outline and the
    /// resolver of its links. Also returns what applying the translations found missing or stale,
    /// for the check stage to report with everything else.
    static func resolve(_ loaded: LoadedProgram, cache: BuildCache?, dataHasErrors: Bool = false) -> ([PreparedOutput], untranslated: [Diagnostic]) {
        let content = loaded.content, program = content.program
        // Each language on its own core, with its own log (a log is not shared between threads);
        // the logs are joined in the order of the languages.
        let languages = [program.language] + program.translations.map(\.tag)
        let resolved = languages.concurrentMap { language -> (outputs: [PreparedOutput], diagnostics: [Diagnostic]) in
            let log = DiagnosticLog()
            let listing = program.translations.first { $0.tag == language }
            var localized: Content
            if let listing {
                var localizer = Localizer(language: language, translation: content.translations.first { $0.language == language },
                                          defaultLanguage: program.language, log: log)
                localizer.reportsUnusedPhrases = !dataHasErrors
                localizer.scope = listing.scope
                localized = localizer.localize(content, at: listing.location)
            } else {
                localized = content
            }
            let wording = loaded.templates.strings.wording(for: language, program: localized.program)
            localized = ProgramFacts.filled(localized, wording: wording)
            let outputs = resolveAudiences(localized, kinds: listing?.scope.outputs ?? OutputKind.allCases,
                                           wording: wording, loaded: loaded, cache: cache,
                                           isDefaultLanguage: language == program.language)
            return (outputs, log.diagnostics)
        }
        // The default language's heading ids, per output: an untranslated client text may fall
        // back only on the client chapters' ids.
        var defaultAnchors: [OutputKind: [String: Set<String>]] = [:]
        for output in resolved[0].outputs { defaultAnchors[output.kind] = output.links.outline.anchorsByChapter }
        var outputs = resolved[0].outputs
        for var output in resolved.dropFirst().flatMap(\.outputs) {
            output.links.untranslated = (output.view.untranslatedChapters, defaultAnchors[output.kind] ?? [:])
            outputs.append(output)
        }
        let log = DiagnosticLog()
        log.append(contentsOf: resolved.flatMap(\.diagnostics))
        StaleTranslations.find(outputs, saved: loaded.savedEditions, program: program, log: log)
        return (outputs, log.diagnostics)
    }

    /// The editions of content in one language: client and staff, or (for a translation of
    /// clients' texts only) the client's alone.
    private static func resolveAudiences(_ content: Content, kinds: [OutputKind], wording: Wording, loaded: LoadedProgram,
                                         cache: BuildCache?, isDefaultLanguage: Bool) -> [PreparedOutput] {
        var clientContent = AudienceResolver.resolve(content, for: .everyone)
        var staffContent = AudienceResolver.resolve(content, for: .staff)
        EditionResolver.apply(loaded.savedEditions, client: &clientContent, staff: &staffContent, wording: wording)
        let clientSlugs = Set(clientContent.pages.map(\.slug))
        var outputs: [PreparedOutput] = []
        for kind in kinds {
            let view = AudienceView(kind == .handbook ? clientContent : staffContent,
                                  audience: kind.audience, wording: wording, sharingWith: outputs.first?.view, cache: cache)
            let hidden = kind == .handbook ? Set(content.pages.map(\.slug)).subtracting(clientSlugs) : []
            let hiddenAnchors: [String: Set<String>] = kind == .handbook ? [
                "rules": Set(content.rules.filter { $0.audience == .staff }.map(\.id)),
                "faq": Set(content.faq.filter { $0.audience == .staff }.map(\.id)),
                "topics": Set(content.topics.filter { $0.audience == .staff }.map(\.id)),
            ] : [:]
            var links = LinkResolver(outline: Outline(view), hiddenChapters: hidden, hiddenAnchors: hiddenAnchors,
                                     files: loaded.files)
            links.outputFolders = loaded.outputInsideContent
            outputs.append(PreparedOutput(kind: kind, view: view, links: links, isDefaultLanguage: isDefaultLanguage))
        }
        return outputs
    }
}

/// What Load read: the whole input of a build, as values.
struct LoadedProgram {
    var content: Content
    var templates: TemplateSet
    /// The compliance profile program.yaml names; nil without one (or when it could not be read).
    var profile: ComplianceProfile?
    /// The files pages may link to.
    var files: ContentFiles
    /// The output folders' paths inside the content folder, of those that are there.
    var outputInsideContent: [String] = []
    /// The editions saved in `<content>/editions/`, oldest first.
    var savedEditions: [SavedEdition] = []
}

/// One output of one language, ready to render.
public struct PreparedOutput {
    public var kind: OutputKind
    public var view: AudienceView
    public var links: LinkResolver
    public var isDefaultLanguage: Bool
    public var language: String { view.content.language }
    /// Where the output's files go inside its folder: "" for the default language, "es/" for Spanish.
    public var languageFolder: String { isDefaultLanguage ? "" : language + "/" }
}
