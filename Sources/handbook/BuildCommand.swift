import ArgumentParser
import Foundation
import HandbookKit

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Write the client handbook and the staff manual into the output folder.",
        discussion: """
        Nothing in the output folder changes unless the whole build succeeds.

        Examples:
          handbook build
          handbook build --content ../my-program --output site
          handbook build --only handbook
          handbook build --pdf               # also the PDFs
        """
    )

    @OptionGroup var program: ProgramOptions

    @OptionGroup var write: WriteOptions
    @OptionGroup var style: OutputStyle
    @OptionGroup var checking: CheckingOptions

    @Flag(help: "Print how long each stage of the build took.")
    var timings = false

    @Option(help: "Build one output only: handbook or manual.")
    var only: OutputKind?

    @Flag(help: "Also write handbook.pdf, manual.pdf and the week's schedule PDF (needs headless Chromium).")
    var pdf = false

    @Flag(inversion: .prefixedNo, help: "Build the search index with Pagefind (when installed).")
    var search = true

    func run() throws {
        try DiagnosticPrinter.reportingFailure(of: "Build", output: program.output) {
            var options = program.options(outputs: only.map { [$0] } ?? OutputKind.allCases, force: write.force)
            options.pdf = pdf
            options.strict = checking.strict
            options.search = search
            options.progress = style.progress
            let report: Handbook.Report
            do {
                report = try Handbook.build(options)
                style.clearProgress()
            } catch {
                style.clearProgress()
                throw error
            }
            if !style.quiet { DiagnosticPrinter.print(report.warnings) }
            if timings || style.verbose {
                for stage in report.stages { print("  " + stage.name.padding(toLength: 26, withPad: " ", startingAt: 0) + String(format: "%7.3f s", stage.seconds)) }
            }
            if style.verbose {
                for output in report.filesWritten { print("  \(program.output)/\(output.output)/: \(output.files) files") }
            }
            guard !style.quiet else { return }
            let parts = report.filesWritten.map { "\($0.output) (\($0.pages) pages)" }.joined(separator: " and ")
            print("Built \(parts) into \(program.output)/ in \(String(format: "%.2f", report.seconds)) s")
        }
    }
}

extension OutputKind: ExpressibleByArgument {}
