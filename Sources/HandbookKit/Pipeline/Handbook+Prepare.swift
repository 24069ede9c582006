import Foundation

extension Handbook {
    /// Loads, checks and resolves; throws `DiagnosticsError` listing every problem when there are errors.
    public static func prepare(_ options: Options, tolerateErrors: Bool = false, timer: StageTimer = StageTimer(),
                               session: BuildSession? = nil) throws -> Prepared {
        let log = DiagnosticLog()
        let (content, templates) = timer.measure("load") {
            (ContentLoader(directory: options.contentDirectory, session: session).load(log: log),
             TemplateSet.load(from: options.templateFolders, log: log))
        }
        guard let content, let templates else { throw DiagnosticsError(log.sorted) }
        let (profile, settings) = timer.measure("check") { check(content, options: options, log: log) }
        let (outputs, compliance) = timer.measure("resolve") {
            resolve(content, profile: profile, settings: settings, options: options, session: session, log: log)
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
            ProfileLoader.load($0, from: [options.profilesDirectory, options.contentDirectory + "/profiles"],
                               at: settings!.location, log: log)
        }
        let limits = ComplianceChecker.Limits(settings: settings, profile: profile, schedule: content.schedule)
        ScheduleChecker.check(content, minimumWeeklyHours: limits.minimumWeeklyHours, log: log)
        ComplianceChecker.checkLimits(content, limits: limits, log: log)
        return (profile, settings)
    }

    /// One edition per audience, resolved right after loading, with its links and accessibility
    /// checked; and the handbook's compliance with the profile.
    private static func resolve(_ content: Content, profile: ComplianceProfile?, settings: ComplianceSettings?,
                                options: Options, session: BuildSession?, log: DiagnosticLog)
        -> ([(kind: OutputKind, edition: Edition, links: LinkResolver)], (profile: ComplianceProfile, results: [ComplianceChecker.Result])?) {
        // Both editions are checked even when one is built: a broken link in the manual is still broken.
        let clientContent = AudienceResolver.resolve(content, for: .everyone)
        let clientSlugs = Set(clientContent.pages.map(\.slug))
        var outputs: [(kind: OutputKind, edition: Edition, links: LinkResolver)] = []
        for kind in OutputKind.allCases {
            let edition = Edition(kind == .handbook ? clientContent : AudienceResolver.resolve(content, for: .staff),
                                  audience: kind.audience, sharingWith: outputs.first?.edition, session: session)
            let hidden = kind == .handbook ? Set(content.pages.map(\.slug)).subtracting(clientSlugs) : []
            let hiddenAnchors: [String: Set<String>] = kind == .handbook ? [
                "rules": Set(content.rules.filter { $0.audience == .staff }.map(\.id)),
                "faq": Set(content.faq.filter { $0.audience == .staff }.map(\.id)),
                "topics": Set(content.topics.filter { $0.audience == .staff }.map(\.id)),
            ] : [:]
            let links = LinkResolver(outline: Outline(edition), hiddenChapters: hidden, hiddenAnchors: hiddenAnchors,
                                     contentDirectory: options.contentDirectory)
            LinkChecker.check(edition, resolver: links, log: log)
            AccessibilityChecker.check(edition, log: log)
            outputs.append((kind, edition, links))
        }
        var compliance: (profile: ComplianceProfile, results: [ComplianceChecker.Result])?
        if let profile, let settings {
            compliance = (profile, ComplianceChecker(client: clientContent, profile: profile, settings: settings).requirements(log: log))
        }
        return (outputs, compliance)
    }
}
