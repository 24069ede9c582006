import ArgumentParser
import Foundation
import HandbookKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Find mistakes in the program's files without writing anything.",
        discussion: """
        Reports every problem of every file in one run, as path:line:column: error|warning: message, \
        then a count. Exits with status 1 when there are errors.

        Examples:
          handbook check
          handbook check --content ../my-program
          handbook check --format json > problems.json
          handbook check --report             # also write Public/compliance-report.html
          handbook check --strict             # fail when a review is overdue or due soon
          handbook check --report --client-output Site --staff-output Intranet
                                              # the report into Intranet/, beside the manual
        """
    )

    @OptionGroup var program: ProgramOptions
    @OptionGroup var split: SplitOutputOptions
    @OptionGroup var write: WriteOptions
    @OptionGroup var checking: CheckingOptions

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "How to print the problems: text (one per line, for people) or json (for editors and CI).")
    var format: Format = .text

    @Flag(help: "Also write the compliance report for the program director to <output>/compliance-report.html (with --staff-output, into that folder).")
    var report = false

    func validate() throws {
        try split.validate(program)
    }

    /// The options of the check: the pair of folders, when given, decides where the report goes.
    private var options: Handbook.Options {
        var options = program.options(force: write.force)
        split.apply(to: &options)
        options.strict = checking.strict
        return options
    }

    func run() throws {
        let diagnostics: [Diagnostic]
        var failed = false
        do {
            diagnostics = try Handbook.check(options, report: report)
        } catch let error as DiagnosticsError {
            diagnostics = error.diagnostics
            failed = true
        }
        switch format {
        case .json:
            print(DiagnosticReport.json(diagnostics))
        case .text:
            DiagnosticPrinter.print(diagnostics)
            let summary = DiagnosticPrinter.summary(diagnostics)
            if failed { DiagnosticPrinter.standardError(summary + ".") } else { print("Checked: \(summary).") }
            if report, FileManager.default.fileExists(atPath: Handbook.complianceReportPath(options)) {
                print("Compliance report: \(Handbook.complianceReportPath(options))")
            }
        }
        if failed { throw ExitCode.failure }
    }
}
