import Foundation

/// A folder of the tool's own kind of files, templates or compliance profiles: one on disk
/// (`--templates`, a program's `templates/` and `profiles/`), or the defaults built into the
/// binary from this repository's `Templates/` and `Profiles/` (see `BuiltInFiles`), so that an
/// installed `handbook` works on a program folder anywhere.
public enum SourceFolder: Sendable, Hashable {
    /// A templates folder at the path, or the built-in templates when nil.
    case templates(String?)
    /// A profiles folder at the path, or the built-in profiles when nil.
    case profiles(String?)

    /// The folder's path on disk, or nil for built-in files.
    public var diskPath: String? {
        switch self {
        case let .templates(path), let .profiles(path): path
        }
    }

    /// What the folder is, in messages: "templates folder".
    var noun: String {
        if case .templates = self { return "templates folder" }
        return "profiles folder"
    }

    /// How the folder is named in messages.
    public var displayName: String {
        diskPath ?? (self == .templates(nil) ? "(built-in templates)" : "(built-in profiles)")
    }

    /// How a file of the folder is named in messages.
    func displayPath(_ relative: String) -> String { displayName + "/" + relative }

    /// Names of the entries directly inside `subfolder` ("" for the folder itself), sorted, hidden
    /// ones left out; none when there is no such folder.
    func names(in subfolder: String) -> [String] {
        switch diskPath {
        case let path?:
            let folder = subfolder.isEmpty ? path : path + "/" + subfolder
            return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        case nil:
            let prefix = subfolder.isEmpty ? "" : subfolder + "/"
            return Set(builtInFiles.keys.compactMap { path -> String? in
                guard path.hasPrefix(prefix) else { return nil }
                return path.dropFirst(prefix.count).split(separator: "/").first.map(String.init)
            }).sorted()
        }
    }

    /// Paths of every file under `subfolder`, relative to it, sorted, hidden ones left out. On
    /// disk, links and other entries that are not folders are listed too, for `read` to judge.
    func files(under subfolder: String) -> [String] {
        switch diskPath {
        case let path?:
            let base = path + "/" + subfolder
            var found: [String] = []
            let enumerator = FileManager.default.enumerator(atPath: base)
            while let name = enumerator?.nextObject() as? String {
                guard !name.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
                var status = stat()
                if lstat(base + "/" + name, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { continue }
                found.append(name)
            }
            return found.sorted()
        case nil:
            let prefix = subfolder + "/"
            return builtInFiles.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }.sorted()
        }
    }

    /// The bytes of a file; on disk only from really inside the folder (see `FolderBoundary`).
    func read(_ relative: String) -> Result<Data, FolderBoundary.Problem> {
        switch diskPath {
        case let path?:
            return FolderBoundary(path, name: noun).read(path + "/" + relative)
        case nil:
            return builtInFiles[relative].map { .success($0) } ?? .failure(.missing)
        }
    }

    /// The UTF-8 text of a file; nil after logging why there is none (a missing file only when `required`).
    func readText(_ relative: String, required: Bool, log: DiagnosticLog) -> String? {
        switch diskPath {
        case let path?:
            return FolderBoundary(path, name: noun).readText(path + "/" + relative, required: required, log: log)
        case nil:
            return builtInFiles[relative].flatMap { String(data: $0, encoding: .utf8) }
        }
    }

    private var builtInFiles: [String: Data] {
        switch self {
        case .templates(nil): Self.templates
        case .profiles(nil): Self.profiles
        default: [:]
        }
    }

    private static let templates = BuiltInFiles.templates.compactMapValues { Data(base64Encoded: $0) }
    private static let profiles = BuiltInFiles.profiles.compactMapValues { Data(base64Encoded: $0) }
}
