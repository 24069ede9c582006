import Foundation

extension Handbook {
    /// Loads, checks and resolves; throws `DiagnosticsError` listing every problem when there are errors.
    public static func prepare(_ options: Options, tolerateErrors: Bool = false, timer: StageTimer = StageTimer(),
                               cache: BuildCache? = nil) throws -> Prepared {
        let log = DiagnosticLog()
        let (content, templates) = timer.measure("load") {
            (ContentLoader(directory: options.contentDirectory, cache: cache).load(log: log),
             TemplateSet.load(from: options.templateFolders, log: log))
        }
        guard let content else { throw DiagnosticsError(log.sorted) }
        let (profile, settings) = timer.measure("check") { check(content, options: options, log: log) }
        let (outputs, compliance) = timer.measure("resolve") {
            resolve(content, templates: templates, profile: profile, settings: settings, options: options, cache: cache, log: log)
        }
        guard tolerateErrors || !log.hasErrors else { throw DiagnosticsError(log.sorted) }
        return Prepared(content: content, templates: templates, outputs: outputs, diagnostics: log.sorted,
                        compliance: compliance)
    }

    /// References, the schedule and the clinical limits of the compliance profile.
    private static func check(_ content: Content, options: Options, log: DiagnosticLog)
        -> (ComplianceProfile?, ComplianceSettings?) {
        ReferenceChecker.check(content, log: log)
        let settings = content.program.compliance
        let profile = settings?.profile.flatMap {
            ProfileLoader.load($0, from: options.profileFolders,
                               at: settings!.location, log: log)
        }
        let limits = ComplianceChecker.Limits(settings: settings, profile: profile, schedule: content.schedule)
        ScheduleChecker.check(content, minimumWeeklyHours: limits.minimumWeeklyHours, log: log)
        ComplianceChecker.checkLimits(content, limits: limits, log: log)
        return (profile, settings)
    }

    /// For each language, the content in that language (translations applied right after
    /// loading); then one edition per audience, resolved from it, with its links and
    /// accessibility checked; and the default-language handbook's compliance with the profile.
    private static func resolve(_ content: Content, templates: TemplateSet, profile: ComplianceProfile?,
                                settings: ComplianceSettings?, options: Options, cache: BuildCache?, log: DiagnosticLog)
        -> ([PreparedOutput], (profile: ComplianceProfile, results: [ComplianceChecker.Result])?) {
        let program = content.program
        checkInterfaceStrings(templates, program: program, options: options, log: log)
        var outputs: [PreparedOutput] = []
        // The default language's heading ids, per output: an untranslated client text may fall
        // back only on the client chapters' ids.
        var defaultAnchors: [OutputKind: [String: Set<String>]] = [:]
        for language in [program.language] + program.translations.map(\.tag) {
            let localized: Content
            if language == program.language {
                localized = content
            } else {
                let listed = program.translations.first { $0.tag == language }!.location
                let localizer = Localizer(language: language, translation: content.translations.first { $0.language == language },
                                          defaultLanguage: program.language, log: log)
                localized = localizer.localize(content, at: listed)
            }
            let wording = templates.strings.wording(for: language, defaultLanguage: program.language)
            let editions = resolveAudiences(localized, wording: wording, options: options, cache: cache, log: log,
                                            defaultAnchors: language == program.language ? nil : defaultAnchors)
            if language == program.language {
                for output in editions { defaultAnchors[output.kind] = output.links.outline.anchorsByChapter }
            }
            outputs += editions
        }
        var compliance: (profile: ComplianceProfile, results: [ComplianceChecker.Result])?
        if let profile, let settings, let client = outputs.first(where: { $0.kind == .handbook }) {
            compliance = (profile, ComplianceChecker(client: client.edition.content, profile: profile, settings: settings).requirements(log: log))
        }
        return (outputs, compliance)
    }

    /// The client and staff editions of content in one language. Both are checked even when one
    /// is built: a broken link in the manual is still broken.
    private static func resolveAudiences(_ content: Content, wording: Wording, options: Options, cache: BuildCache?,
                                         log: DiagnosticLog, defaultAnchors: [OutputKind: [String: Set<String>]]?) -> [PreparedOutput] {
        let clientContent = AudienceResolver.resolve(content, for: .everyone)
        let clientSlugs = Set(clientContent.pages.map(\.slug))
        var outputs: [PreparedOutput] = []
        for kind in OutputKind.allCases {
            let edition = Edition(kind == .handbook ? clientContent : AudienceResolver.resolve(content, for: .staff),
                                  audience: kind.audience, wording: wording, sharingWith: outputs.first?.edition, cache: cache)
            let hidden = kind == .handbook ? Set(content.pages.map(\.slug)).subtracting(clientSlugs) : []
            let hiddenAnchors: [String: Set<String>] = kind == .handbook ? [
                "rules": Set(content.rules.filter { $0.audience == .staff }.map(\.id)),
                "faq": Set(content.faq.filter { $0.audience == .staff }.map(\.id)),
                "topics": Set(content.topics.filter { $0.audience == .staff }.map(\.id)),
            ] : [:]
            var links = LinkResolver(outline: Outline(edition), hiddenChapters: hidden, hiddenAnchors: hiddenAnchors,
                                     contentDirectory: options.contentDirectory)
            links.outputFolder = OutputSafety.outputInsideContent(options)
            if let defaultAnchors { links.untranslated = (edition.untranslatedChapters, defaultAnchors[kind] ?? [:]) }
            LinkChecker.check(edition, resolver: links, log: log)
            AccessibilityChecker.check(edition, log: log)
            outputs.append(PreparedOutput(kind: kind, edition: edition, links: links,
                                          isDefaultLanguage: defaultAnchors == nil))
        }
        return outputs
    }

    /// Every language needs interface strings; a translation's missing keys are listed.
    private static func checkInterfaceStrings(_ templates: TemplateSet, program: Program, options: Options, log: DiagnosticLog) {
        for (language, location) in [(program.language, program.location)] + program.translations.map({ ($0.tag, $0.location) }) {
            guard templates.strings.has(language) else {
                log.error(location, "there are no interface strings for the language '\(language)'",
                          hint: "write the built-in strings out with 'handbook templates export FOLDER', copy its strings/en.yaml to \(options.contentDirectory)/templates/strings/\(language).yaml and translate it (docs/translations.md)")
                continue
            }
            guard language != program.language else { continue }
            let missing = templates.strings.missingKeys(for: language, defaultLanguage: program.language)
            if !missing.isEmpty {
                let shown = missing.prefix(8).joined(separator: ", ") + (missing.count > 8 ? " and \(missing.count - 8) more" : "")
                log.warning(SourceLocation(file: templates.strings.file(for: language, folders: options.templateFolders)),
                            "\(missing.count) interface strings have no '\(language)' translation and are shown in the default language: \(shown)",
                            hint: "add them, translated, to this file; the built-in strings/\(program.language).yaml has them all ('handbook templates export FOLDER' writes it)")
            }
        }
    }
}

/// One output of one language, ready to render.
public struct PreparedOutput {
    public var kind: OutputKind
    public var edition: Edition
    public var links: LinkResolver
    public var isDefaultLanguage: Bool
    public var language: String { edition.content.language }
    /// Where the output's files go inside its folder: "" for the default language, "es/" for Spanish.
    public var languageFolder: String { isDefaultLanguage ? "" : language + "/" }
}
