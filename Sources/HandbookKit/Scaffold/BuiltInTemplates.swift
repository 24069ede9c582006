import Foundation

/// `handbook templates export`: the built-in templates, assets and interface strings written out
/// as files, to start a new look from (then `--templates FOLDER`, or single files copied into a
/// program's `templates/`).
public enum BuiltInTemplates {
    /// Every file of the built-in templates, by path inside the templates folder.
    public static var paths: [String] {
        let folder = SourceFolder.templates(nil)
        return folder.names(in: "").flatMap { name -> [String] in
            let inside = folder.files(under: name)
            return inside.isEmpty ? [name] : inside.map { name + "/" + $0 }
        }.sorted()
    }

    /// Writes them into `folder`, which must be new or empty; returns the paths written.
    @discardableResult
    public static func export(to folder: String) throws -> [String] {
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: folder), !entries.isEmpty {
            throw ProgramScaffold.FolderNotEmpty(description: "\(folder): error: the folder is not empty (choose a new folder name; export never overwrites files)")
        }
        for path in paths {
            guard case let .success(data) = SourceFolder.templates(nil).read(path) else { continue }
            let target = folder + "/" + path
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: target))
        }
        return paths
    }
}
