import Foundation

/// Reads `translations/<tag>/` of a program folder into a `Translation`, reporting every problem
/// of every file with its location, like the original files.
struct TranslationLoader {
    let program: ProgramFolder
    let defaultLanguage: String

    static let dataFiles = ["program.yaml", "rules.yaml", "faq.yaml", "topics.yaml", "phrases.yaml"]

    static func folderName(_ language: String) -> String { "translations/\(language)" }

    /// Nil when the folder does not exist.
    func load(_ language: String, log: DiagnosticLog) -> Translation? {
        let folder = Self.folderName(language)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: program.directory + "/" + folder, isDirectory: &isDirectory),
              isDirectory.boolValue else { return nil }
        var translation = Translation(language: language, folder: program.path(folder))
        program.warnAboutStrayFiles(in: folder, known: Self.dataFiles, log: log)
        program.readData(folder + "/program.yaml", log: log) { Self.program($0, into: &translation) }
        translation.rules = program.readData(folder + "/rules.yaml", log: log, Self.rules) ?? [:]
        translation.faq = program.readData(folder + "/faq.yaml", log: log, Self.faq) ?? [:]
        translation.topics = program.readData(folder + "/topics.yaml", log: log, Self.topics) ?? [:]
        translation.phrases = program.readData(folder + "/phrases.yaml", log: log) { phrases($0, language: language) } ?? [:]
        translation.pages = pages(folder + "/pages", log: log)
        return translation
    }

    // The readers of the translated data files, one a file.

    static func program(_ r: MappingReader, into translation: inout Translation) {
        translation.name = r.string("name")
        translation.shortName = r.string("short_name")
        translation.register = r.choice("register", as: Register.self) ?? .formal
        translation.sections = readSections(r)
    }

    static func rules(_ r: MappingReader) -> [String: TranslatedEntry] {
        entries(r, list: "rules", noun: "rule", texts: ["title"], markdown: ["text", "consequence", "staff_note"])
    }

    static func faq(_ r: MappingReader) -> [String: TranslatedEntry] {
        entries(r, list: "questions", noun: "question", texts: ["question"], markdown: ["answer"])
    }

    static func topics(_ r: MappingReader) -> [String: TranslatedEntry] {
        entries(r, list: "topics", noun: "topic", texts: ["title"], markdown: ["summary"]) { r, entry in
            guard let guide = r.mapping("guide", noun: "facilitator guide translation") else { return }
            entry.markdown["guide.plan"] = guide.markdown("plan")
            guide.finish()
        }
    }

    private static func readSections(_ r: MappingReader) -> [BuiltInSection: SectionSettings] {
        guard let block = r.mapping("sections", noun: "sections block") else { return [:] }
        defer { block.finish() }
        var result: [BuiltInSection: SectionSettings] = [:]
        for section in BuiltInSection.allCases {
            guard let s = block.mapping(section.rawValue, noun: "'\(section.rawValue)' section translation") else { continue }
            result[section] = SectionSettings(title: s.string("title"), order: nil, intro: s.markdown("intro"))
            s.finish()
        }
        return result
    }

    /// A list of translated entries by id; `more` reads keys beyond the flat ones.
    private static func entries(_ r: MappingReader, list: String, noun: String, texts: [String], markdown: [String],
                         more: (MappingReader, inout TranslatedEntry) -> Void = { _, _ in }) -> [String: TranslatedEntry] {
        var seen: [String: SourceLocation] = [:]
        let read = r.records(list, noun: "\(noun) translation", required: true) { e -> TranslatedEntry? in
            let id = Identifier.read(e, seen: &seen)
            var entry = TranslatedEntry(id: id ?? "", texts: [:], markdown: [:], location: e.location)
            for key in texts { entry.texts[key] = e.string(key) }
            for key in markdown { entry.markdown[key] = e.markdown(key) }
            more(e, &entry)
            return id == nil ? nil : entry
        }
        return Dictionary(read.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private func phrases(_ r: MappingReader, language: String) -> [String: Phrase] {
        var result: [String: Phrase] = [:]
        _ = r.records("phrases", noun: "phrase", required: true) { p -> Void? in
            let hint = "each phrase is two lines: '- \(defaultLanguage): <the original text>' and '  \(language): <its translation>'"
            guard let original = p.string(defaultLanguage, required: true, hint: hint),
                  let translated = p.string(language, required: true, hint: hint) else { return nil }
            let location = p.location(of: defaultLanguage)
            if let first = result[original] {
                p.log.warning(location, "the phrase '\(original)' is translated twice (first at line \(first.location.line))",
                              hint: "keep one of them")
                return nil
            }
            result[original] = Phrase(translation: translated, location: location)
            return ()
        }
        return result
    }

    private func pages(_ folder: String, log: DiagnosticLog) -> [String: TranslatedPage] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: program.directory + "/" + folder)) ?? []
        let pages = program.readPages(names, in: program.path(folder), log: log) { text, file, _, pageLog -> TranslatedPage? in
            guard let (r, front) = PageLoader.header(text: text, file: file, log: pageLog) else { return nil }
            defer { r.finish() }
            guard let title = r.string("title", required: true) else { return nil }
            return TranslatedPage(title: title, summary: r.string("summary"),
                                  body: MarkdownSource(front.body, origin: SourceLocation(file: file, line: front.bodyFirstLine, column: 1)),
                                  location: SourceLocation(file: file, line: 1, column: 1))
        }
        return Dictionary(pages.map { (String($0.name.dropLast(3)), $0.value) }, uniquingKeysWith: { first, _ in first })
    }
}
