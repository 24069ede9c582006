import ArgumentParser
import Foundation
import HandbookKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Find mistakes in the program's files without writing anything.",
        discussion: """
        Exits with status 1 when there are errors.

        Examples:
          handbook check
          handbook check --content ../my-program
        """
    )

    @OptionGroup var program: ProgramOptions

    func run() throws {
        do {
            let prepared = try Handbook.prepare(program.options())
            DiagnosticPrinter.print(prepared.diagnostics)
            print("No errors: \(DiagnosticPrinter.summary(prepared.diagnostics)).")
        } catch let error as DiagnosticsError {
            DiagnosticPrinter.print(error.diagnostics)
            DiagnosticPrinter.standardError(DiagnosticPrinter.summary(error.diagnostics) + ".")
            throw ExitCode.failure
        }
    }
}
