import ArgumentParser
import Foundation
import HandbookKit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new program: every data file with commented examples, and a few pages.",
        discussion: """
        The new folder passes 'handbook check' and builds at once. Edit its files, then run \
        'handbook serve' in it to see the result as you go.

        Examples:
          handbook init my-program
          handbook init my-program --name "Riverside Recovery IOP"
        """
    )

    @Argument(help: "The folder to create. It must be new or empty.")
    var folder: String

    @Option(help: "The program's name.")
    var name = "New Intensive Outpatient Program"

    func validate() throws {
        if let problem = ProgramScaffold.problem(withName: name) { throw ValidationError(problem) }
    }

    func run() throws {
        do {
            try ProgramScaffold.write(to: folder, programName: name)
        } catch let error as ProgramScaffold.FolderNotEmpty {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode.failure
        }
        print("Created \(folder)/. Next: cd \(folder), then handbook check, then handbook serve")
    }
}
