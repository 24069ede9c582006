import ArgumentParser
import Foundation
import HandbookKit

struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Work with the built-in templates.",
        subcommands: [Export.self]
    )

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the built-in templates, assets and interface strings into a folder, to start a new look from.",
            discussion: """
            Then either build with --templates FOLDER, or copy only the files you change into your
            program's templates/ folder: those override the built-in ones one by one.

            Example:
              handbook templates export my-look
            """
        )

        @Argument(help: "The folder to write. It must be new or empty.")
        var folder: String

        func run() throws {
            do {
                let written = try BuiltInTemplates.export(to: folder)
                print("Wrote \(written.count) files into \(folder)/. Build with: handbook build --templates \(folder)")
            } catch let error as ProgramScaffold.FolderNotEmpty {
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
                throw ExitCode.failure
            }
        }
    }
}
