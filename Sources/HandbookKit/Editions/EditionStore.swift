import Foundation

/// The saved editions of a program: `<content>/editions/<edition_date>.json`, meant to be kept
/// with the program's files (and in git), so that each build can tell readers what changed.
public enum EditionStore {
    public static let folderName = "editions"

    public static func folder(_ contentDirectory: String) -> String {
        (contentDirectory as NSString).appendingPathComponent(folderName)
    }

    public static func path(for date: CalendarDate, in contentDirectory: String) -> String {
        (folder(contentDirectory) as NSString).appendingPathComponent("\(date).json")
    }

    /// Every saved edition, oldest first. A file that cannot be read is an error at its path:
    /// a build must not quietly compare against the wrong edition.
    static func load(_ contentDirectory: String, log: DiagnosticLog) -> [SavedEdition] {
        let folder = folder(contentDirectory)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var editions: [SavedEdition] = []
        for name in names.sorted() where name.hasSuffix(".json") {
            let path = (folder as NSString).appendingPathComponent(name)
            let location = SourceLocation(file: path, line: 1, column: 1)
            do {
                let edition = try JSONDecoder().decode(SavedEdition.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
                if edition.format > SavedEdition.currentFormat {
                    log.error(location, "this edition was saved by a newer version of handbook",
                              hint: "update handbook to the version the program's other editors use")
                    continue
                }
                if name != "\(edition.editionDate).json" {
                    log.error(location, "the file holds the edition of \(edition.editionDate), but its name says otherwise",
                              hint: "rename it to '\(edition.editionDate).json'")
                    continue
                }
                editions.append(edition)
            } catch {
                log.error(location, "this saved edition cannot be read (\(Self.reason(error)))",
                          hint: "restore the file from your copy or from git; saved editions are written by 'handbook edition save' and are not edited by hand")
            }
        }
        return editions.sorted { $0.editionDate < $1.editionDate }
    }

    /// Writes `edition` as sorted, indented JSON, so that the same edition is the same bytes and
    /// a change to it reads well in git. Refuses to replace a saved edition.
    static func save(_ edition: SavedEdition, in contentDirectory: String) throws -> String {
        let path = path(for: edition.editionDate, in: contentDirectory)
        if FileManager.default.fileExists(atPath: path) { throw EditionSaveError.alreadySaved(path: path) }
        try FileManager.default.createDirectory(atPath: folder(contentDirectory), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(edition)
        data.append(UInt8(ascii: "\n"))
        // Written beside and renamed into place: an interrupted save leaves no half file.
        let partial = path + ".partial"
        try data.write(to: URL(fileURLWithPath: partial))
        guard rename(partial, path) == 0 else {
            try? FileManager.default.removeItem(atPath: partial)
            throw EditionSaveError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        return path
    }

    private static func reason(_ error: Error) -> String {
        switch error {
        case let DecodingError.dataCorrupted(context): context.debugDescription
        case let DecodingError.keyNotFound(key, _): "'\(key.stringValue)' is missing"
        case let DecodingError.typeMismatch(_, context): context.debugDescription
        case let DecodingError.valueNotFound(_, context): context.debugDescription
        default: error.localizedDescription
        }
    }
}

public enum EditionSaveError: Error, CustomStringConvertible {
    case alreadySaved(path: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .alreadySaved(path):
            "\(path): error: this edition is already saved; a saved edition is what readers were given and is never replaced\n"
                + "  hint: to save a new edition, set a later 'edition_date' (and a new 'edition') in program.yaml first"
        case let .cannotWrite(path, reason): "\(path): error: cannot write the edition: \(reason)"
        }
    }
}
