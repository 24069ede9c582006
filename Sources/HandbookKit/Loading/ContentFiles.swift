import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every file of the content folder that a page may link to (pictures, PDFs, sound, video,
/// fonts, style sheets), read while loading, so that no later stage looks at the disk: the link
/// resolver asks here whether a linked file exists and may be published, and the renderer takes
/// its bytes from here.
///
/// The symbolic-link rule of `FolderBoundary` is applied as the folder is walked: a file whose
/// real path leaves the folder, or whose real name is not a kind that is published (a link named
/// `map.png` to `../rules.yaml`), is recorded with its problem and never read.
public struct ContentFiles: Sendable {
    enum Entry: Sendable {
        case file(Data)
        case problem(FolderBoundary.Problem)
        /// A link, inside the folder, to a file of a kind that is not published.
        case linkToUnpublishable(realPath: String)
    }

    /// By path relative to the content folder: `images/map.png`.
    private(set) var entries: [String: Entry] = [:]
    /// Linked folders whose real path is outside the content folder, by relative path, with
    /// that real path: nothing under them is read.
    private(set) var foldersOutside: [String: String] = [:]

    static let none = ContentFiles()

    /// What is at `path` (relative, normalized): nil when there is nothing there.
    func entry(at path: String) -> Entry? {
        if let entry = entries[path] { return entry }
        var folder = path
        while let slash = folder.lastIndex(of: "/") {
            folder = String(folder[..<slash])
            if let real = foldersOutside[folder] {
                return .problem(.outside(realPath: real + path.dropFirst(folder.count)))
            }
        }
        return nil
    }

    /// Walks `directory`, leaving out hidden files and folders and the output folders (`skipping`,
    /// relative), following linked folders that stay inside it, each real folder once.
    static func read(_ directory: String, skipping outputs: [String], cache: LoadedFileCache?) -> ContentFiles {
        let boundary = FolderBoundary(directory, name: "content folder")
        var files = ContentFiles()
        var visited: Set<String> = []
        func walk(_ relative: String) {
            let full = relative.isEmpty ? directory : directory + "/" + relative
            guard let real = boundary.realPath(of: full), visited.insert(real).inserted,
                  let names = try? FileManager.default.contentsOfDirectory(atPath: full) else { return }
            for name in names.sorted() where !name.hasPrefix(".") {
                let path = relative.isEmpty ? name : relative + "/" + name
                guard !outputs.contains(path) else { continue }
                if LinkResolver.publishableExtensions.contains((name as NSString).pathExtension.lowercased()) {
                    files.entries[path] = entry(directory + "/" + path, boundary: boundary, cache: cache)
                } else if !textFileExtensions.contains((name as NSString).pathExtension.lowercased()),
                          isFolder(directory + "/" + path) {
                    switch boundary.problem(with: directory + "/" + path) {
                    case let .outside(realPath)?: files.foldersOutside[path] = realPath
                    case .folder?: walk(path)
                    default: continue
                    }
                }
            }
        }
        walk("")
        return files
    }

    private static func entry(_ file: String, boundary: FolderBoundary, cache: LoadedFileCache?) -> Entry {
        if let problem = boundary.problem(with: file) { return .problem(problem) }
        // A link inside the folder may still point at a data file: what is published is judged
        // by what is really there.
        if let real = boundary.realPath(of: file),
           !LinkResolver.publishableExtensions.contains((real as NSString).pathExtension.lowercased()) {
            return .linkToUnpublishable(realPath: real)
        }
        // Under `serve`, a file that did not change is not read again.
        let read = { () -> (Entry, [Diagnostic]) in
            switch boundary.read(file) {
            case let .success(data): (.file(data), [])
            case let .failure(problem): (.problem(problem), [])
            }
        }
        return (cache?.loaded(at: file, load: read) ?? read()).0
    }

    /// Names that are files, not folders, in any program: not looked at, since a program has
    /// thousands of pages.
    private static let textFileExtensions: Set<String> = ["md", "yaml", "yml", "json", "mustache"]

    /// A folder, or a link to one (followed), as `stat` sees it.
    private static func isFolder(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }
}
