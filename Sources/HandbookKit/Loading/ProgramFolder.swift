import Foundation

/// A program's folder as the loaders read it: every file through the folder's boundary, paths
/// shown as the user wrote them, and, under `serve`, pages kept while they do not change. Shared
/// by `ContentLoader` and `TranslationLoader`, so neither reaches into the other.
struct ProgramFolder {
    let directory: String
    /// How paths are shown in diagnostics: relative to the current folder when the content is under it.
    let displayRoot: String
    /// Keeps pages between builds under `serve`.
    let cache: LoadedFileCache?
    /// Files are read only from inside the content folder.
    let boundary: FolderBoundary

    init(directory: String, cache: LoadedFileCache?) {
        self.directory = directory
        self.displayRoot = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        self.cache = cache
        self.boundary = FolderBoundary(directory, name: "content folder")
    }

    /// A file of the content folder, as read and as shown: `rules.yaml` when run in the program folder.
    func path(_ name: String) -> String { displayRoot == "." ? name : displayRoot + "/" + name }

    /// Reads a YAML data file with `read`; nil when the file is absent or unreadable.
    func readData<T>(_ name: String, required: Bool = false, log: DiagnosticLog,
                             _ read: (MappingReader) -> T) -> T? {
        let file = path(name)
        guard let text = readText(file, log: log, required: required) else { return nil }
        if text.allSatisfy(\.isWhitespace) {
            // An emptied file is more often a mistake than a choice: say what it means.
            if required {
                log.error(SourceLocation(file: file, line: 1, column: 1), "the file is empty",
                          hint: "docs/content-model.md shows what it holds")
            } else {
                log.warning(SourceLocation(file: file, line: 1, column: 1), "the file is empty, so nothing from it is shown",
                            hint: "add its entries (docs/content-model.md shows an example), or delete the file if the program has none")
            }
            return nil
        }
        guard let root = YAMLFile.parse(text, file: file, log: log),
              let reader = MappingReader(root, noun: name, file: file, log: log) else { return nil }
        defer { reader.finish() }
        return read(reader)
    }

    /// The text of a file; logs a missing required file, anything that is not a readable file
    /// inside the content folder (a folder, a pipe, a link out of it) and text that is not UTF-8.
    func readText(_ file: String, log: DiagnosticLog, required: Bool) -> String? {
        boundary.readText(file, required: required, log: log)
    }

    /// Reads the Markdown files of a folder with `read`, on all cores, each with its own log;
    /// under `serve`, a file that did not change is not read again.
    func readPages<T>(_ names: [String], in folder: String, log: DiagnosticLog,
                      _ read: @escaping @Sendable (_ text: String, _ file: String, _ name: String, DiagnosticLog) -> T?)
        -> [(name: String, value: T)] {
        let pageNames = markdownFiles(names, in: folder, log: log)
        let loaded = pageNames.concurrentMap { name -> (T?, [Diagnostic]) in
            let file = folder + "/" + name
            func load() -> (T?, [Diagnostic]) {
                let pageLog = DiagnosticLog()
                guard let text = readText(file, log: pageLog, required: true) else { return (nil, pageLog.diagnostics) }
                return (read(text, file, name, pageLog), pageLog.diagnostics)
            }
            return cache?.loaded(at: file, load: load) ?? load()
        }
        for (_, diagnostics) in loaded { log.append(contentsOf: diagnostics) }
        return zip(pageNames, loaded).compactMap { name, result in
            result.0.map { (name, $0) }
        }
    }

    /// The Markdown pages among a folder's file names, sorted; any other file is reported as ignored.
    func markdownFiles(_ names: [String], in folder: String, log: DiagnosticLog) -> [String] {
        let files = names.sorted().filter { !$0.hasPrefix(".") }
        for name in files where !name.hasSuffix(".md") {
            log.warning(SourceLocation(file: folder + "/" + name), "this file is not a Markdown page and is ignored",
                        hint: "page files end in .md")
        }
        return files.filter { $0.hasSuffix(".md") }
    }

    /// A misspelt data file would be silently ignored: say so instead. `folder` is relative to the
    /// content folder ("" for the content folder itself).
    func warnAboutStrayFiles(in folder: String, known: [String], log: DiagnosticLog) {
        let prefix = folder.isEmpty ? "" : folder + "/"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory + "/" + prefix)) ?? []
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            guard !known.contains(name) else { continue }
            log.warning(SourceLocation(file: path(prefix + name)),
                        folder.isEmpty ? "this data file is not one the handbook reads, so it is ignored"
                            : "this file is not one a translation holds, so it is ignored",
                        hint: Suggestion.hint(for: name, in: known, noun: "file name"))
        }
    }
}
