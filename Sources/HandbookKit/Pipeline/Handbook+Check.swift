import Foundation

extension Handbook {
    /// Everything `build` checks, plus the checks that only advise (reading grade): what
    /// `handbook check` runs. Throws `DiagnosticsError` when there are errors. With `report`,
    /// also writes the compliance report to `<output>/compliance-report.html` when it can.
    public static func check(_ options: Options, report: Bool = false) throws -> [Diagnostic] {
        // Prepared once, errors or not: the advice and the report are most needed when something
        // is wrong, and one run reports every problem.
        let prepared = try prepare(options, tolerateErrors: true)
        let log = DiagnosticLog()
        log.append(contentsOf: prepared.diagnostics)
        if let client = prepared.outputs.first(where: { $0.kind == .handbook }) {
            ReadabilityChecker.check(client.edition, ceiling: prepared.content.program.readingGradeLimit, log: log)
        }
        let diagnostics = log.sorted
        if log.hasErrors {
            if report, prepared.compliance != nil { try? writeComplianceReport(prepared, diagnostics: diagnostics, options: options) }
            throw DiagnosticsError(diagnostics)
        }
        if report { try writeComplianceReport(prepared, diagnostics: diagnostics, options: options) }
        return diagnostics
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
}
