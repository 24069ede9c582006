import ArgumentParser
import Foundation
import HandbookKit

/// Prints diagnostics to standard error, in colour only when that is a terminal.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        let colour = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        for diagnostic in diagnostics {
            var line = diagnostic.description
            if colour {
                let label = diagnostic.severity == .error ? "\u{1B}[1;31merror\u{1B}[0m" : "\u{1B}[1;33mwarning\u{1B}[0m"
                line = line.replacingOccurrences(of: ": \(diagnostic.severity.rawValue): ", with: ": \(label): ")
            }
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

    static func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }

    /// Runs a command's work; prints every diagnostic of a failure and exits with status 1.
    static func reportingFailure(of step: String, output: String, _ work: () throws -> Void) throws {
        try reportingFailure(of: step, outputs: [output], work)
    }

    /// The same, for a command that writes into several folders (the client and the staff folder).
    static func reportingFailure(of step: String, outputs: [String], _ work: () throws -> Void) throws {
        let folders = outputs.map { $0 + "/" }
        let unchanged = folders.count == 1 ? "\(folders[0]) was not changed" : "\(folders.joined(separator: " and ")) were not changed"
        let output = outputs.joined(separator: " and ")
        do {
            try work()
        } catch let error as DiagnosticsError {
            print(error.diagnostics)
            standardError("\(step) failed: \(summary(error.diagnostics)). \(unchanged).")
            throw ExitCode.failure
        } catch let error as OutputReplaceError {
            standardError(error.description)
            throw ExitCode.failure
        } catch let error as OutputSafety.UnsafeOutput {
            standardError(error.description)
            throw ExitCode.failure
        } catch let error as ExitCode {
            throw error
        } catch let error as ValidationError {
            throw error
        } catch {
            standardError("\(output): error: could not write the output: \(error.localizedDescription) (check that the folder can be written; nothing was changed)")
            throw ExitCode.failure
        }
    }

    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
