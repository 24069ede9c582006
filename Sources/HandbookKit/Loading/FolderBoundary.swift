import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder a build reads a kind of file from (the content folder, a templates folder), and
/// the only place such files may really be.
///
/// A symbolic link is followed only when its real path stays inside the folder: a picture named
/// `images/map.png` that links to `/etc/passwd`, or to `../rules.yaml`, would otherwise be read
/// and published as if it were the picture. Every file the build reads or copies goes through
/// here, so that each wrong kind of path (a link out, a folder, a named pipe) gets its own
/// message instead of "the file is missing".
struct FolderBoundary: Sendable {
    /// The folder as given, for messages.
    let root: String
    /// What to call it in messages: "content folder", "templates folder".
    let name: String
    /// Its real path, links resolved; nil when it does not exist.
    let realRoot: String?

    init(_ root: String, name: String) {
        self.root = root
        self.name = name
        self.realRoot = Self.realPath(root)
    }

    enum Problem: Error, Equatable {
        case missing
        case folder
        /// A named pipe, socket or device: reading it could block the build or read a device.
        case special(String)
        case unreadable(String)
        /// A link whose real path leaves the folder.
        case outside(realPath: String)
        case brokenLink
    }

    /// The file's bytes, or why it cannot be read.
    func read(_ path: String) -> Result<Data, Problem> {
        if let problem = problem(with: path) { return .failure(problem) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(.unreadable(String(cString: strerror(access(path, R_OK) == 0 ? EIO : errno))))
        }
        return .success(data)
    }

    /// The file's UTF-8 text; nil after logging why there is none. A missing file is an error
    /// only when `required`.
    func readText(_ path: String, required: Bool, log: DiagnosticLog) -> String? {
        let data: Data
        switch read(path) {
        case let .success(bytes):
            data = bytes
        case .failure(.missing) where !required:
            return nil
        case let .failure(problem):
            let (message, hint) = problem.message(folderName: name)
            log.error(SourceLocation(file: path), message, hint: hint)
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            log.error(SourceLocation(file: path, line: 1, column: 1), "the file is not UTF-8 text",
                      hint: "save it as UTF-8 in your editor")
            return nil
        }
        return text
    }

    /// Nil when `path` is a regular file really inside the folder.
    func problem(with path: String) -> Problem? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return .missing }
        guard let real = Self.realPath(path) else { return .brokenLink }
        if let realRoot, real != realRoot, !real.hasPrefix(realRoot == "/" ? "/" : realRoot + "/") {
            return .outside(realPath: real)
        }
        guard stat(path, &status) == 0 else { return .brokenLink }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return .folder
        case S_IFIFO: return .special("a named pipe (FIFO)")
        case S_IFSOCK: return .special("a socket")
        default: return .special("a device")
        }
    }

    /// The real path of a file, every link resolved: where it really is.
    func realPath(of path: String) -> String? { Self.realPath(path) }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

extension FolderBoundary.Problem {
    /// What is wrong, said of the file: "<path>: error: <message> (<hint>)".
    func message(folderName: String) -> (message: String, hint: String) {
        switch self {
        case .missing:
            ("the file is missing", "create it; docs/content-model.md shows an example")
        case .folder:
            ("this is a folder, where a file belongs", "rename or remove the folder, and put the file here instead")
        case let .special(kind):
            ("this is \(kind), not a file, so it is not read", "replace it with an ordinary file")
        case let .unreadable(reason):
            ("the file cannot be read: \(reason)", "check its permissions, e.g. chmod a+r")
        case let .outside(realPath):
            ("this is a link to '\(realPath)', which is outside the \(folderName); files are read only from inside it",
             "copy the file into the \(folderName) instead of linking to it")
        case .brokenLink:
            ("this is a link to a file that does not exist", "remove the link, or copy the file here")
        }
    }
}
