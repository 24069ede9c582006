import Foundation
import PackagePlugin

/// Embeds Templates/ and Profiles/ into HandbookKit at build time (see Sources/embed-files).
/// Every file of both folders is an input, so editing a template rebuilds the binary.
@main
struct EmbedDefaults: BuildToolPlugin {
    static let folders = ["Templates", "Profiles"]

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
        return [.buildCommand(displayName: "Embedding \(Self.folders.joined(separator: " and ")) into the tool",
                              executable: try context.tool(named: "embed-files").url,
                              arguments: [output.path, root.path] + Self.folders,
                              inputFiles: inputs.sorted { $0.path < $1.path }, outputFiles: [output])]
    }
}
