import Foundation

extension Handbook {
    /// Everything `build` checks, plus the checks that only advise (reading grade): what
    /// `handbook check` runs. Throws `DiagnosticsError` when there are errors. With `report`,
    /// also writes the compliance report to `<output>/compliance-report.html` when it can.
    public static func check(_ options: Options, report: Bool = false) throws -> [Diagnostic] {
        let prepared: Prepared
        do {
            prepared = try prepare(options)
        } catch let error as DiagnosticsError {
            // The report is most needed when something is missing: write it from what did load.
            var diagnostics = error.diagnostics
            if let partial = try? prepare(options, tolerateErrors: true) {
                // Advice too, so one run reports every problem.
                if let client = partial.outputs.first(where: { $0.kind == .handbook }) {
                    let advice = DiagnosticLog()
                    ReadabilityChecker.check(client.edition, ceiling: partial.content.program.readingGradeLimit, log: advice)
                    diagnostics = DiagnosticLog.merge(diagnostics, advice.diagnostics)
                }
                if report, partial.compliance != nil {
                    try? writeComplianceReport(partial, diagnostics: diagnostics, options: options)
                }
            }
            throw DiagnosticsError(diagnostics)
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
}
