import ArgumentParser
import Foundation
import HandbookKit

/// The folders every command reads, shared so they are spelled the same everywhere.
struct ProgramOptions: ParsableArguments {
    @Option(help: "Folder with program.yaml, the other data files and pages/.")
    var content = "Content"

    @Option(help: "Folder with the Mustache templates and assets/.")
    var templates = "Templates"

    @Option(help: "Folder the outputs are written into.")
    var output = "Public"

    @Option(help: "Folder with the compliance profiles (a program's own go in <content>/profiles).")
    var profiles = "Profiles"

    func options(outputs: [OutputKind] = OutputKind.allCases, force: Bool = false) -> Handbook.Options {
        Handbook.Options(contentDirectory: content, templatesDirectory: templates, outputDirectory: output,
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
