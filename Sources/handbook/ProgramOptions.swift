import ArgumentParser
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

/// Options of the commands that write.
struct WriteOptions: ParsableArguments {
    @Flag(help: "Write into an output folder that holds files the handbook did not write.")
    var force = false
}
