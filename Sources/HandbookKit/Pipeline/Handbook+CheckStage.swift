import Foundation

extension Handbook {
    /// Check: every checker, over the loaded and resolved values, into one log. `check` and
    /// `build` both run it; nothing later reports a problem of the content.
    ///
    /// Returns how the client handbook meets the compliance profile, when there is one.
    static func check(_ loaded: LoadedProgram, outputs: [PreparedOutput], week: ISOWeek, today: CalendarDate, options: Options,
                      log: DiagnosticLog) -> (profile: ComplianceProfile, results: [ComplianceChecker.Result])? {
        let content = loaded.content
        ReferenceChecker.check(content, log: log)
        ProgramFacts.check(content, log: log)
        ReviewChecker.check(content, today: today, strict: options.strict, log: log)
        let settings = content.program.compliance
        let limits = ComplianceChecker.Limits(settings: settings, profile: loaded.profile, schedule: content.schedule)
        ScheduleChecker.check(content, minimumWeeklyHours: limits.minimumWeeklyHours, log: log)
        OnlineSessionChecker.check(content.schedule, log: log)
        ComplianceChecker.checkLimits(content, limits: limits, log: log)
        checkInterfaceStrings(loaded.templates, program: content.program, options: options, log: log)
        // Both editions are checked even when one is built: a broken link in the manual is still broken.
        for output in outputs {
            LinkChecker.check(output.view, resolver: output.links, log: log)
            AccessibilityChecker.check(output.view, log: log)
        }
        // The staff week has every session: its clashes are the week's clashes.
        if let staff = outputs.first(where: { $0.kind == .manual && $0.isDefaultLanguage }) {
            ScheduleChecker.check(WeekResolver(staff.view.content).resolve(week), log: log)
        }
        guard let client = outputs.first(where: { $0.kind == .handbook }) else { return nil }
        ReadabilityChecker.check(client.view, ceiling: content.program.readingGradeLimit, log: log)
        guard let profile = loaded.profile, let settings else { return nil }
        return (profile, ComplianceChecker(client: client.view.content, profile: profile, settings: settings).requirements(log: log))
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
