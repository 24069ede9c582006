import Foundation

/// Refuses output folders where replacing files would destroy someone's work.
public enum OutputSafety {
    public struct UnsafeOutput: Error, CustomStringConvertible {
        public var description: String
    }

    public static func check(_ options: Handbook.Options) throws {
        guard let staff = options.staffOutputDirectory else {
            return try check(options.outputDirectory, option: "--output", holding: "handbook/, manual/ and schedule/", options)
        }
        try check(options.outputDirectory, option: "--client-output", holding: "handbook/ and schedule/", options)
        try check(staff, option: "--staff-output", holding: "manual/ and compliance-report.html", options)
        try checkApart(client: options.outputDirectory, staff: staff)
    }

    /// The client and staff folders are published apart, so neither may hold the other: a staff
    /// folder inside the client folder would be copied to the public host with it.
    private static func checkApart(client: String, staff: String) throws {
        let clientPath = canonical(client), staffPath = canonical(staff)
        if clientPath == staffPath {
            throw UnsafeOutput(description: "\(staff): error: the staff folder is the client folder; the manual would be published with the client site (give --staff-output a folder of its own, such as Intranet, or use --output alone for one folder)")
        }
        if staffPath.hasPrefix(clientPath + "/") {
            throw UnsafeOutput(description: "\(staff): error: the staff folder is inside the client folder \(client); the manual would be published with the client site (choose a --staff-output outside it, such as Intranet)")
        }
        if clientPath.hasPrefix(staffPath + "/") {
            throw UnsafeOutput(description: "\(client): error: the client folder is inside the staff folder \(staff) (choose a --client-output outside it, such as Site)")
        }
    }

    /// Checks one output folder; `option` is how the user named it, `holding` what the build
    /// replaces there.
    private static func check(_ folder: String, option: String, holding: String, _ options: Handbook.Options) throws {
        let output = canonical(folder)
        let forbidden: [(String, String)] = [
            ("/", "the root folder"),
            (canonical(NSHomeDirectory()), "your home folder"),
            (canonical(options.contentDirectory), "the content folder"),
        ] + (options.templatesDirectory.map { [(canonical($0), "the templates folder")] } ?? [])
        for (path, name) in forbidden where output == path {
            throw UnsafeOutput(description: "\(folder): error: the output folder is \(name); the build would replace files there (choose another \(option), such as Public)")
        }
        for (path, name) in forbidden.dropFirst(2) where path.hasPrefix(output + "/") {
            throw UnsafeOutput(description: "\(folder): error: the output folder holds \(name) (choose another \(option), such as Public)")
        }
        // An output inside what the build reads would be read back by the next build: its files
        // (the staff manual among them) copied as assets or pages, growing with every run. A
        // program folder may hold its output (`my-program/Public`), since the build reads only
        // named files and folders there, and links into the output are refused (`LinkResolver`).
        let content = canonical(options.contentDirectory)
        for (path, name) in forbidden.dropFirst(2) where output.hasPrefix(path + "/") {
            if path == content, let first = output.dropFirst(path.count + 1).split(separator: "/").first,
               !readFolders.contains(String(first)) { continue }
            throw UnsafeOutput(description: "\(folder): error: the output folder is inside \(name)\(path == content ? "'s \(readFolders.joined(separator: ", ")) folders" : ""); the next build would read what this one writes, the staff manual included (choose a folder outside it, such as Public)")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        if !options.force, !entries.isEmpty, !entries.contains(markerName) {
            throw UnsafeOutput(description: "\(folder): error: the output folder already holds files that the handbook did not write (use an empty or new folder, or add --force to write there anyway; files other than \(holding) are left alone)")
        }
    }

    /// The folders of a program folder that the build reads as a whole.
    static let readFolders = ["pages", "translations", "templates", "profiles"]

    /// The paths inside the content folder ("Public") of the output folders that are there: the
    /// client and the staff folder, when the manual is written apart.
    static func outputInsideContent(_ options: Handbook.Options) -> [String] {
        let content = canonical(options.contentDirectory)
        return options.outputRoots.map(canonical).filter { $0.hasPrefix(content + "/") }.map { String($0.dropFirst(content.count + 1)) }
    }

    /// Marks a folder as one the tool writes into, so later builds know they may replace their outputs there.
    public static let markerName = ".handbook-output"

    static func markOutput(_ folder: String) throws {
        let marker = folder + "/" + markerName
        guard !FileManager.default.fileExists(atPath: marker) else { return }
        try Data("This folder is written by `handbook build`; see Public/README.md.\n".utf8).write(to: URL(fileURLWithPath: marker))
    }

    /// The absolute path with `.`, `..` and links resolved: how two names of one folder compare equal.
    public static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let resolved = URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath().path
        return resolved.count > 1 && resolved.hasSuffix("/") ? String(resolved.dropLast()) : resolved
    }
}
