import ArgumentParser
import Foundation
import HandbookKit

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Write the client handbook and the staff manual into the output folder.",
        discussion: """
        Nothing in the output folder changes unless the whole build succeeds.

        With --client-output and --staff-output (given together, instead of --output), the client \
        site (handbook/, schedule/) and the staff manual (manual/) go into two folders, so that \
        only the first is published on a public host. Both folders get the same guarantees.

        Examples:
          handbook build
          handbook build --content ../my-program --output site
          handbook build --only handbook
          handbook build --pdf               # also the PDFs
          handbook build --client-output Site --staff-output Intranet
        """
    )

    @OptionGroup var program: ProgramOptions

    @OptionGroup var split: SplitOutputOptions
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

    func validate() throws {
        try split.validate(program)
    }

    func run() throws {
        try DiagnosticPrinter.reportingFailure(of: "Build", outputs: split.folders(program)) {
            var options = program.options(outputs: only.map { [$0] } ?? OutputKind.allCases, force: write.force)
            split.apply(to: &options)
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
                for output in report.filesWritten { print("  \(folder(of: output.output))/\(output.output)/: \(output.files) files") }
            }
            guard !style.quiet else { return }
            print(closingLine(report))
        }
    }

    /// The folder an output was written into.
    private func folder(of output: String) -> String {
        output == OutputKind.manual.rawValue ? split.manualFolder(program) : split.clientFolder(program)
    }

    /// "Built handbook (40 pages) and manual (50 pages) into Public/ in 0.93 s.", then, when the
    /// manual was written, where it is and that it must not go on a public host: copying the
    /// whole output folder to a public web host is the easiest way to publish staff procedures.
    private func closingLine(_ report: Handbook.Report) -> String {
        let written = report.filesWritten.map { (text: "\($0.output) (\($0.pages) pages)", folder: folder(of: $0.output)) }
        let into: String
        if Set(written.map(\.folder)).count > 1 {
            into = written.map { "\($0.text) into \($0.folder)/" }.joined(separator: " and ")
        } else {
            into = written.map(\.text).joined(separator: " and ") + " into \(written.first?.folder ?? program.output)/"
        }
        var line = "Built \(into) in \(String(format: "%.2f", report.seconds)) s."
        if report.filesWritten.contains(where: { $0.output == OutputKind.manual.rawValue }) {
            line += " The staff manual is in \(split.manualFolder(program))/manual/: publish it only on the intranet, never on a public web host."
        }
        return line
    }
}

extension OutputKind: ExpressibleByArgument {}
