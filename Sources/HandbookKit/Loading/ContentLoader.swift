import Foundation

/// Loads a program's folder into a typed `Content`, collecting every problem of every file.
public struct ContentLoader {
    public var directory: String
    /// How paths are shown in diagnostics: relative to the current folder when the content is under it.
    var displayRoot: String

    /// Keeps pages between builds under `serve`.
    var cache: LoadedFileCache?

    /// Files are read only from inside the content folder.
    let boundary: FolderBoundary

    public init(directory: String) {
        self.init(directory: directory, cache: nil)
    }

    init(directory: String, cache: LoadedFileCache?) {
        self.cache = cache
        self.directory = directory
        self.displayRoot = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        self.boundary = FolderBoundary(directory, name: "content folder")
    }

    /// The data files a program folder may hold, and whether a program must have them.
    static let dataFiles: [(name: String, required: Bool)] = [
        ("program.yaml", true), ("rules.yaml", false), ("faq.yaml", false), ("topics.yaml", false),
        ("staff.yaml", false), ("schedule.yaml", false),
    ]

    public func load(log: DiagnosticLog) -> Content? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            log.error(SourceLocation(file: displayRoot), "the content folder does not exist",
                      hint: "pass --content with the folder that holds program.yaml, or run 'handbook init'")
            return nil
        }
        warnAboutStrayFiles(in: "", known: Self.dataFiles.map(\.name), log: log)
        let program = readData("program.yaml", required: true, log: log) { ProgramLoader.read($0) } ?? nil
        let rules = readData("rules.yaml", log: log, DataLoaders.rules) ?? []
        let faq = readData("faq.yaml", log: log, DataLoaders.faq) ?? []
        let topics = readData("topics.yaml", log: log, DataLoaders.topics) ?? []
        let staff = readData("staff.yaml", log: log, DataLoaders.staff) ?? []
        let schedule = readData("schedule.yaml", log: log, ScheduleLoader.read)
            ?? Schedule.empty(at: SourceLocation(file: path("schedule.yaml")))
        let pages = loadPages(log: log)
        warnAboutOldSchemas(log: log)
        guard let program else { return nil }
        var content = Content(program: program, rules: rules, faq: faq, topics: topics, staff: staff,
                              schedule: schedule, pages: pages)
        content.language = program.language
        content.translations = loadTranslations(of: program, log: log)
        return content
    }

    /// The translations `program.yaml` lists; a `translations/` folder it does not list is reported.
    private func loadTranslations(of program: Program, log: DiagnosticLog) -> [Translation] {
        let translationLoader = TranslationLoader(loader: self, defaultLanguage: program.language)
        let translations = program.translations.compactMap { translationLoader.load($0.tag, log: log) }
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: path("translations"))) ?? []
        for folder in folders.sorted() where !folder.hasPrefix(".") && !program.translations.contains(where: { $0.tag == folder }) {
            log.warning(SourceLocation(file: path("translations/" + folder)),
                        "this translation is not listed in program.yaml, so it is not built",
                        hint: "add '\(folder)' to 'translations:' in program.yaml")
        }
        return translations
    }

    /// A file of the content folder, as read and as shown: `rules.yaml` when run in the program folder.
    func path(_ name: String) -> String { displayRoot == "." ? name : displayRoot + "/" + name }

    /// Reads a YAML data file with `read`; nil when the file is absent or unreadable.
    func readData<T>(_ name: String, required: Bool = false, log: DiagnosticLog,
                             _ read: (MappingReader) -> T) -> T? {
        let file = path(name)
        guard let text = readText(file, log: log, required: required) else { return nil }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
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

    private func loadPages(log: DiagnosticLog) -> [Page] {
        let folder = path("pages")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            log.error(SourceLocation(file: folder), "the pages folder is missing", hint: "create it and add Markdown pages such as welcome.md")
            return []
        }
        return readPages(names, in: folder, log: log) { text, file, name, pageLog in
            PageLoader.read(text: text, file: file, fileName: name, log: pageLog)
        }.map(\.value)
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

    /// The editor schemas in `schemas/` (written by `init` or `handbook schema`) that differ from
    /// this version's: an editor would check the files against keys the loader no longer reads.
    func warnAboutOldSchemas(log: DiagnosticLog) {
        let folder = path("schemas")
        guard FileManager.default.fileExists(atPath: folder) else { return }
        let quiet = DiagnosticLog()
        let old = EditorSchemas.files().filter { schema in
            guard let text = readText(folder + "/" + schema.name, log: quiet, required: false) else { return false }
            return text != schema.text
        }
        guard !old.isEmpty else { return }
        log.warning(SourceLocation(file: folder), "these editor schemas were written by another version of handbook: "
                        + old.map(\.name).joined(separator: ", "),
                    hint: "run 'handbook schema \(folder)' to bring them up to date, so your editor checks the keys this version reads")
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
