import Foundation

/// Refuses output folders where replacing files would destroy someone's work.
public enum OutputSafety {
    public struct UnsafeOutput: Error, CustomStringConvertible {
        public var description: String
    }

    public static func check(_ options: Handbook.Options) throws {
        let output = canonical(options.outputDirectory)
        let forbidden: [(String, String)] = [
            ("/", "the root folder"),
            (canonical(NSHomeDirectory()), "your home folder"),
            (canonical(options.contentDirectory), "the content folder"),
            (canonical(options.templatesDirectory), "the templates folder"),
        ]
        for (path, name) in forbidden where output == path {
            throw UnsafeOutput(description: "\(options.outputDirectory): error: the output folder is \(name); the build would replace files there (choose another --output, such as Public)")
        }
        for (path, name) in forbidden.dropFirst(2) where path.hasPrefix(output + "/") {
            throw UnsafeOutput(description: "\(options.outputDirectory): error: the output folder holds \(name) (choose another --output, such as Public)")
        }
        // An output inside what the build reads would be read back by the next build: its files
        // (the staff manual among them) copied as assets or pages, growing with every run.
        for (path, name) in forbidden.dropFirst(2) where output.hasPrefix(path + "/") {
            throw UnsafeOutput(description: "\(options.outputDirectory): error: the output folder is inside \(name); the next build would read what this one writes, the staff manual included (choose a folder outside it, such as Public)")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: options.outputDirectory)) ?? []
        if !options.force, !entries.isEmpty, !entries.contains(markerName) {
            throw UnsafeOutput(description: "\(options.outputDirectory): error: the output folder already holds files that the handbook did not write (use an empty or new folder, or add --force to write there anyway; files other than handbook/, manual/ and schedule/ are left alone)")
        }
    }

    /// Marks a folder as one the tool writes into, so later builds know they may replace their outputs there.
    public static let markerName = ".handbook-output"

    static func markOutput(_ folder: String) throws {
        let marker = folder + "/" + markerName
        guard !FileManager.default.fileExists(atPath: marker) else { return }
        try Data("This folder is written by `handbook build`; see Public/README.md.\n".utf8).write(to: URL(fileURLWithPath: marker))
    }

    static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let resolved = URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath().path
        return resolved.count > 1 && resolved.hasSuffix("/") ? String(resolved.dropLast()) : resolved
    }
}
