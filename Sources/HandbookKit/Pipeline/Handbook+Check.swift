import Foundation

extension Handbook {
    /// What `handbook check` runs: the same stages as `build` up to its check, without writing
    /// the outputs. Throws `DiagnosticsError` when there are errors. With `report`, also writes
    /// the compliance report to `<output>/compliance-report.html` (the staff folder's, when the
    /// manual is written apart) when it can. Reviews are checked
    /// against today (`SOURCE_DATE_EPOCH` in `environment` stands for now).
    public static func check(_ options: Options, report: Bool = false,
                             environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [Diagnostic] {
        // Prepared once, errors or not: the advice and the report are most needed when something
        // is wrong, and one run reports every problem.
        let prepared = try prepare(options, environment: environment, tolerateErrors: true)
        let diagnostics = prepared.diagnostics
        if diagnostics.contains(where: { $0.severity == .error }) {
            if report, prepared.compliance != nil { try? writeComplianceReport(prepared, diagnostics: diagnostics, options: options) }
            throw DiagnosticsError(diagnostics)
        }
        if report { try writeComplianceReport(prepared, diagnostics: diagnostics, options: options) }
        return diagnostics
    }

    /// Where `check --report` writes the compliance report: beside the manual, since it is for
    /// staff (in the staff folder when the manual is written apart).
    public static func complianceReportPath(_ options: Options) -> String {
        options.manualRoot + "/compliance-report.html"
    }

    private static func writeComplianceReport(_ prepared: Prepared, diagnostics: [Diagnostic], options: Options) throws {
        guard let (profile, results) = prepared.compliance else {
            throw DiagnosticsError([Diagnostic(.error, prepared.content.program.location, "there is no compliance profile to report on",
                                               hint: "add 'compliance:' with 'profile: asam-2.1-adult' (or another profile) to program.yaml")])
        }
        var report = ComplianceReport(program: prepared.content.program, profile: profile, results: results,
                                      templates: prepared.templates)
        report.handbookBeside = !options.hasStaffFolder
        report.reviews = ReviewList(prepared.content, today: prepared.today)
        let html = report.html(diagnostics: diagnostics)
        try OutputSafety.check(options)
        try FileManager.default.createDirectory(atPath: options.manualRoot, withIntermediateDirectories: true)
        try OutputSafety.markOutput(options.manualRoot)
        try Data(html.utf8).write(to: URL(fileURLWithPath: complianceReportPath(options)), options: .atomic)
    }
}
