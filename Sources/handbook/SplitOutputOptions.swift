import ArgumentParser
import Foundation
import HandbookKit

/// `--client-output` and `--staff-output`: the client site and the staff manual written into
/// folders of their own, so that each can go to its own host (the client site to a public one,
/// the manual to the intranet). Given together, instead of `--output`.
struct SplitOutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Folder for what clients get (handbook/, schedule/), to publish openly. Give --staff-output with it, instead of --output.", valueName: "folder"))
    var clientOutput: String?

    @Option(help: ArgumentHelp("Folder for the staff manual (manual/), to publish on the intranet only. Give --client-output with it.", valueName: "folder"))
    var staffOutput: String?

    /// Whether the pair was given.
    var isGiven: Bool { clientOutput != nil || staffOutput != nil }

    /// Refuses the combinations that cannot mean one thing: one of the pair without the other
    /// (the manual's links depend on where the client files are), or the pair with `--output`.
    func validate(_ program: ProgramOptions) throws {
        guard isGiven else { return }
        if program.outputOption != nil {
            throw ValidationError("--output cannot be combined with --client-output and --staff-output: give --output alone to write everything into one folder, or the two others to write the client site and the staff manual into two")
        }
        if clientOutput == nil || staffOutput == nil {
            throw ValidationError("--client-output and --staff-output go together: give both (the folder of the client site and the folder of the staff manual), or neither and --output for one folder")
        }
    }

    /// Points `options` at the pair's folders, when given.
    func apply(to options: inout Handbook.Options) {
        guard let clientOutput, let staffOutput else { return }
        options.outputDirectory = clientOutput
        options.staffOutputDirectory = staffOutput
    }

    /// The folders written, as messages name them: `Public` or `Site and Intranet`.
    func folders(_ program: ProgramOptions) -> [String] {
        guard let clientOutput, let staffOutput else { return [program.output] }
        return [clientOutput, staffOutput]
    }

    /// The folder that holds `manual/`.
    func manualFolder(_ program: ProgramOptions) -> String {
        staffOutput ?? program.output
    }

    /// The folder that holds everything else.
    func clientFolder(_ program: ProgramOptions) -> String {
        clientOutput ?? program.output
    }
}
