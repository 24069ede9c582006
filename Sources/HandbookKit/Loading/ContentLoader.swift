import Foundation

/// Loads a program's folder into a typed `Content`, collecting every problem of every file.
public struct ContentLoader {
    /// The program's folder, read through its boundary.
    let folder: ProgramFolder

    public init(directory: String) {
        self.init(directory: directory, cache: nil)
    }

    init(directory: String, cache: LoadedFileCache?) {
        folder = ProgramFolder(directory: directory, cache: cache)
    }

    /// The data files a program folder may hold, and whether a program must have them.
    static let dataFiles: [(name: String, required: Bool)] = [
        ("program.yaml", true), ("rules.yaml", false), ("faq.yaml", false), ("topics.yaml", false),
        ("staff.yaml", false), ("schedule.yaml", false),
    ]

    public func load(log: DiagnosticLog) -> Content? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            log.error(SourceLocation(file: folder.displayRoot), "the content folder does not exist",
                      hint: "pass --content with the folder that holds program.yaml, or run 'handbook init'")
            return nil
        }
        folder.warnAboutStrayFiles(in: "", known: Self.dataFiles.map(\.name), log: log)
        let program = folder.readData("program.yaml", required: true, log: log) { ProgramLoader.read($0) } ?? nil
        let rules = folder.readData("rules.yaml", log: log, DataLoaders.rules) ?? []
        let faq = folder.readData("faq.yaml", log: log, DataLoaders.faq) ?? []
        let topics = folder.readData("topics.yaml", log: log, DataLoaders.topics) ?? []
        let staff = folder.readData("staff.yaml", log: log, DataLoaders.staff) ?? []
        let schedule = folder.readData("schedule.yaml", log: log, ScheduleLoader.read)
            ?? Schedule.empty(at: SourceLocation(file: folder.path("schedule.yaml")))
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
        let translationLoader = TranslationLoader(program: folder, defaultLanguage: program.language)
        let translations = program.translations.compactMap { translationLoader.load($0.tag, log: log) }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path("translations"))) ?? []
        for name in names.sorted() where !name.hasPrefix(".") && !program.translations.contains(where: { $0.tag == name }) {
            log.warning(SourceLocation(file: folder.path("translations/" + name)),
                        "this translation is not listed in program.yaml, so it is not built",
                        hint: "add '\(name)' to 'translations:' in program.yaml")
        }
        return translations
    }

    private func loadPages(log: DiagnosticLog) -> [Page] {
        let pages = folder.path("pages")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: pages) else {
            log.error(SourceLocation(file: pages), "the pages folder is missing", hint: "create it and add Markdown pages such as welcome.md")
            return []
        }
        return folder.readPages(names, in: pages, log: log) { text, file, name, pageLog in
            PageLoader.read(text: text, file: file, fileName: name, log: pageLog)
        }.map(\.value)
    }

    /// The editor schemas in `schemas/` (written by `init` or `handbook schema`) that differ from
    /// this version's: an editor would check the files against keys the loader no longer reads.
    func warnAboutOldSchemas(log: DiagnosticLog) {
        let schemas = folder.path("schemas")
        guard FileManager.default.fileExists(atPath: schemas) else { return }
        let quiet = DiagnosticLog()
        let old = EditorSchemas.files().filter { schema in
            guard let text = folder.readText(schemas + "/" + schema.name, log: quiet, required: false) else { return false }
            return text != schema.text
        }
        guard !old.isEmpty else { return }
        log.warning(SourceLocation(file: schemas), "these editor schemas were written by another version of handbook: "
                        + old.map(\.name).joined(separator: ", "),
                    hint: "run 'handbook schema \(schemas)' to bring them up to date, so your editor checks the keys this version reads")
    }
}
