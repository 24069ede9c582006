import ArgumentParser
import Foundation
import HandbookKit

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Write the JSON Schemas that let an editor check and complete the data files as you type.",
        discussion: """
        One schema for each kind of data file (program.schema.json, rules.schema.json ...). A file \
        uses one when its first line names it, as the files 'handbook init' writes do:
          # yaml-language-server: $schema=schemas/rules.schema.json
        VS Code with the YAML extension (by Red Hat) then marks mistakes and offers keys as you \
        type. Run this again after installing a new version of handbook; it replaces the schema \
        files and leaves anything else in the folder alone. docs/editors.md says more.

        Examples:
          handbook schema schemas
        """
    )

    @Argument(help: "The folder to write the schemas into; created when missing.")
    var folder = "schemas"

    func run() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), !isDirectory.boolValue {
            FileHandle.standardError.write(Data("\(folder): error: this is a file, not a folder (name a folder for the schemas)\n".utf8))
            throw ExitCode.failure
        }
        do {
            let written = try EditorSchemas.write(to: folder)
            print("Wrote \(written.count) schemas into \(folder)/.")
        } catch {
            FileHandle.standardError.write(Data("\(folder): error: could not write the schemas: \(error.localizedDescription)\n".utf8))
            throw ExitCode.failure
        }
    }
}
