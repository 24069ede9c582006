import Foundation

/// `handbook init`: a new program folder with every data file, an example of every field (the
/// optional ones commented out), and a few pages. It passes `handbook check` as written.
public enum ProgramScaffold {
    public struct FolderNotEmpty: Error, CustomStringConvertible {
        public var description: String
    }

    public struct InvalidName: Error, CustomStringConvertible {
        public var description: String
    }

    /// Why a program cannot be called `name`, or nil: a new folder must pass `handbook check`,
    /// which needs a name, and YAML cannot hold control characters.
    public static func problem(withName name: String) -> String? {
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return "the program's name cannot be empty: give it with --name, e.g. --name \"Riverside Recovery IOP\""
        }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "the program's name cannot hold line breaks, tabs or other control characters"
        }
        return nil
    }

    /// Writes the program into `folder`, which must be new or empty.
    public static func write(to folder: String, programName: String) throws {
        if let problem = problem(withName: programName) { throw InvalidName(description: problem) }
        let fileManager = FileManager.default
        if let entries = try? fileManager.contentsOfDirectory(atPath: folder), !entries.isEmpty {
            throw FolderNotEmpty(description: "\(folder): error: the folder is not empty (choose a new folder name; init never overwrites files)")
        }
        for (name, text) in files(programName: programName).sorted(by: { $0.key < $1.key }) {
            let path = folder + "/" + name
            try fileManager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
    }

    static func files(programName: String) -> [String: String] {
        let quotedName = "\"" + programName.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        var files = [
            // The build writes into Public/ here; it is made again by every build.
            ".gitignore": "/Public/\n",
            // VS Code offers to install the YAML extension, which reads the schema lines below.
            ".vscode/extensions.json": "{\n  \"recommendations\": [\"redhat.vscode-yaml\"]\n}\n",
        ]
        for (name, text) in starter where name != headerFile {
            if isDataFile(name) {
                let filled = name == "program.yaml" ? text.replacingOccurrences(of: "{{NAME}}", with: quotedName) : text
                files[name] = schemaLine(for: name) + header + filled
            } else {
                files[name] = text
            }
        }
        for schema in EditorSchemas.files() {
            files["schemas/" + schema.name] = schema.text
        }
        return files
    }

    /// The starter program's files, by path inside `Starter/`, built into the binary (see
    /// `BuiltInFiles`): the data files, pages and templates/README.md, as text.
    static let starter = BuiltInFiles.starter.compactMapValues { Data(base64Encoded: $0).map { String(decoding: $0, as: UTF8.self) } }

    /// The notes on how to edit a data file, put at the top of each (under its schema line).
    static let headerFile = "data-file-header.txt"
    static var header: String { starter[headerFile] ?? "" }

    /// The YAML files beside program.yaml; pages and templates/ are written as they are.
    static func isDataFile(_ name: String) -> Bool { !name.contains("/") && name.hasSuffix(".yaml") }

    /// The first line of a data file: which schema an editor checks it against.
    static func schemaLine(for dataFile: String) -> String {
        guard let schema = EditorSchemas.schemaName(forDataFile: dataFile) else { return "" }
        let up = String(repeating: "../", count: dataFile.split(separator: "/").count - 1)
        return "# yaml-language-server: $schema=\(up)schemas/\(schema)\n"
    }
}
