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
    }

    static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let resolved = URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath().path
        return resolved.count > 1 && resolved.hasSuffix("/") ? String(resolved.dropLast()) : resolved
    }
}
