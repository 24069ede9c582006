import ArgumentParser
import Foundation
import HandbookKit

/// `handbook edition save`: keeps the current edition, so later builds can say what changed.
struct EditionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edition",
        abstract: "Save the current edition, so that the next edition can tell readers what changed.",
        subcommands: [Save.self]
    )

    struct Save: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "save",
            abstract: "Record every rule, question, topic, page section, session and contact of this edition.",
            discussion: """
            Writes <content>/editions/<edition_date>.json: what clients and staff read in this edition, \
            in every language. Keep the file with the program's files (and in git). When you later set \
            a later edition_date in program.yaml, the build writes a "What's new in this edition" \
            chapter from it. A saved edition is never replaced, and a program with errors is not saved. \
            docs/editions.md walks through it.

            Examples:
              handbook edition save
              handbook edition save --content ../my-program
            """
        )

        @OptionGroup var program: ProgramOptions

        func run() throws {
            do {
                let path = try Handbook.saveEdition(program.options())
                print("Saved this edition to \(path). Keep it with the program's files.")
            } catch let error as DiagnosticsError {
                DiagnosticPrinter.print(error.diagnostics)
                DiagnosticPrinter.standardError(DiagnosticPrinter.summary(error.diagnostics)
                    + ". The edition was not saved: fix the errors first.")
                throw ExitCode.failure
            } catch let error as EditionSaveError {
                DiagnosticPrinter.standardError(error.description)
                throw ExitCode.failure
            }
        }
    }
}

/// `handbook diff <date>`: what changed since a saved edition, for the coordinator.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "List what changed since a saved edition.",
        discussion: """
        Lists every rule, question, topic, page section, session and contact that was added, \
        removed or changed since the edition saved on <edition-date>, with changed words marked \
        [-removed-]{+added+}. By default the list is the staff manual's (every change, staff-only \
        ones marked); --clients lists only what clients can see, as the handbook's "What's new" does.

        Examples:
          handbook diff 2026-05-01
          handbook diff 2026-05-01 --clients
        """
    )

    @OptionGroup var program: ProgramOptions

    @Argument(help: "The edition_date of a saved edition (a file in <content>/editions/).")
    var editionDate: String

    @Flag(help: "List only the changes clients can see.")
    var clients = false

    func run() throws {
        guard let date = CalendarDate(editionDate) else {
            DiagnosticPrinter.standardError("error: '\(editionDate)' is not a date; write it like 2026-05-01")
            throw ExitCode.failure
        }
        do {
            let report = try Handbook.changes(since: date, program.options(), audience: clients ? .everyone : .staff)
            print(report.text)
        } catch let error as DiagnosticsError {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode.failure
        } catch let error as EditionLookupError {
            DiagnosticPrinter.standardError(error.description)
            throw ExitCode.failure
        }
    }
}
