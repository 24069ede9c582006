import Foundation
import PackagePlugin

/// Embeds Templates/, Profiles/ and Starter/ into HandbookKit at build time (see Sources/embed-files).
/// Every file of these folders is an input, so editing a template rebuilds the binary.
@main
struct EmbedDefaults: BuildToolPlugin {
    static let folders = ["Templates", "Profiles", "Starter"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var inputs: [URL] = []
        for folder in Self.folders {
            let base = root.appending(path: folder)
            let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey],
                                                            options: [.skipsHiddenFiles])
            while let url = enumerator?.nextObject() as? URL {
                if (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true { inputs.append(url) }
            }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltInFiles.swift")
        let names = Self.folders.dropLast().joined(separator: ", ") + " and " + Self.folders.last!
        return [.buildCommand(displayName: "Embedding \(names) into the tool",
                              executable: try context.tool(named: "embed-files").url,
                              arguments: [output.path, root.path] + Self.folders,
                              inputFiles: inputs.sorted { $0.path < $1.path }, outputFiles: [output])]
    }
}
