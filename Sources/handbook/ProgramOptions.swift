import ArgumentParser
import Foundation
import HandbookKit

/// The folders every command reads, shared so they are spelled the same everywhere.
struct ProgramOptions: ParsableArguments {
    @Option(help: "Folder with program.yaml, the other data files and pages/. Default: the current folder when it holds program.yaml, else Content.")
    var content: String?

    @Option(help: "Folder with templates and assets/ to use instead of the built-in ones (a program's own templates/ overrides single files of either).")
    var templates: String?

    @Option(name: .customLong("output"), help: ArgumentHelp("Folder the outputs are written into. Default: Public, in the current folder.", valueName: "output"))
    var outputOption: String?

    /// The output folder: as given, else `Public`. Optional underneath, so that `build` can tell
    /// a `--output` given with `--client-output`/`--staff-output` from the default.
    var output: String { outputOption ?? "Public" }

    @Option(help: "Folder with compliance profiles to use instead of the built-in ones (a program's own go in <content>/profiles).")
    var profiles: String?

    /// The content folder: as given, else the current folder when it is a program folder, else
    /// `Content` (this repository's sample program).
    var contentFolder: String {
        content ?? (FileManager.default.fileExists(atPath: "program.yaml") ? "." : "Content")
    }

    func options(outputs: [OutputKind] = OutputKind.allCases, force: Bool = false) -> Handbook.Options {
        Handbook.Options(contentDirectory: contentFolder, templatesDirectory: templates, outputDirectory: output,
                         outputs: outputs, force: force, profilesDirectory: profiles)
    }
}

/// How much a command prints.
struct OutputStyle: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print errors only.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print the time of each stage and the files of each output.")
    var verbose = false

    /// A progress line on standard error, only on a terminal and when not quiet.
    var progress: (@Sendable (String) -> Void)? {
        guard !quiet, isatty(STDERR_FILENO) == 1 else { return nil }
        return { stage in FileHandle.standardError.write(Data("\r\u{1B}[K… \(stage)".utf8)) }
    }

    func clearProgress() {
        if progress != nil { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// Options of the commands that write.
struct WriteOptions: ParsableArguments {
    @Flag(help: "Write into an output folder that holds files the handbook did not write.")
    var force = false
}

/// Options of the commands that check the program (check and build).
struct CheckingOptions: ParsableArguments {
    @Flag(help: "Treat reviews that are overdue, due within 30 days or never done as errors, so the command fails (for scheduled checks). Other warnings stay warnings.")
    var strict = false
}
