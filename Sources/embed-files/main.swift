import Foundation

// Writes a Swift source file that holds every file of the given folders, so that the default
// templates, interface strings, compliance profiles and the starter program of `handbook init`
// are part of the `handbook` binary and a program folder anywhere builds with nothing else
// installed. Run by the EmbedDefaults build plugin at build time; Templates/, Profiles/ and
// Starter/ stay the files to edit.
//
// Usage: embed-files OUTPUT.swift PACKAGE_ROOT FOLDER...
// Each folder becomes `BuiltInFiles.<lowercased folder>`: relative path → base64 of its bytes
// (base64 keeps any byte, and one long literal per file compiles quickly).

let arguments = CommandLine.arguments
guard arguments.count >= 4 else {
    FileHandle.standardError.write(Data("usage: embed-files OUTPUT.swift PACKAGE_ROOT FOLDER...\n".utf8))
    exit(64)
}
let output = arguments[1], root = arguments[2], folders = Array(arguments[3...])
var source = "// Generated at build time by embed-files (Plugins/EmbedDefaults) from \(folders.joined(separator: ", ")). Do not edit.\n\n"
source += "/// The files of the tool's own folders, by path inside each, as base64.\nenum BuiltInFiles {\n"
for folder in folders {
    let base = root + "/" + folder
    var paths: [String] = []
    let enumerator = FileManager.default.enumerator(atPath: base)
    while let path = enumerator?.nextObject() as? String {
        var isDirectory: ObjCBool = false
        guard !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
              FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
        paths.append(path)
    }
    source += "    static let \(folder.lowercased()): [String: String] = [\n"
    for path in paths.sorted() {
        guard let data = FileManager.default.contents(atPath: base + "/" + path) else {
            FileHandle.standardError.write(Data("embed-files: cannot read \(base)/\(path)\n".utf8))
            exit(1)
        }
        source += "        \"\(path)\": \"\(data.base64EncodedString())\",\n"
    }
    source += "    ]\n"
}
source += "}\n"
do {
    try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
} catch {
    FileHandle.standardError.write(Data("embed-files: cannot write \(output): \(error)\n".utf8))
    exit(1)
}
