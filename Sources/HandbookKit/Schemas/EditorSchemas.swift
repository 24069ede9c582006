import Foundation

/// `handbook schema`: a JSON Schema for each kind of data file, which editors such as VS Code (with
/// its YAML extension) use to check and complete a file while it is typed.
///
/// Each schema is recorded from the reader the loader itself uses for that file, so a key the
/// loader learns is in the schema at once.
public enum EditorSchemas {
    struct Kind: Sendable {
        /// The schema's file name: `rules.schema.json`.
        let name: String
        /// Which files it describes, for the schema's title.
        let describes: String
        /// The page of docs/ that explains the file.
        let documentation: String
        let record: @Sendable (MappingReader) -> Void
    }

    static let kinds: [Kind] = [
        Kind(name: "program", describes: "program.yaml", documentation: "docs/content-model.md") { _ = ProgramLoader.read($0) },
        Kind(name: "rules", describes: "rules.yaml", documentation: "docs/content-model.md") { _ = DataLoaders.rules($0) },
        Kind(name: "faq", describes: "faq.yaml", documentation: "docs/content-model.md") { _ = DataLoaders.faq($0) },
        Kind(name: "topics", describes: "topics.yaml", documentation: "docs/content-model.md") { _ = DataLoaders.topics($0) },
        Kind(name: "staff", describes: "staff.yaml", documentation: "docs/content-model.md") { _ = DataLoaders.staff($0) },
        Kind(name: "schedule", describes: "schedule.yaml", documentation: "docs/schedule.md") { _ = ScheduleLoader.read($0) },
        Kind(name: "translation-program", describes: "translations/<language>/program.yaml", documentation: "docs/translations.md") {
            var translation = Translation(language: "und", folder: "")
            TranslationLoader.program($0, into: &translation)
        },
        Kind(name: "translation-rules", describes: "translations/<language>/rules.yaml", documentation: "docs/translations.md") {
            _ = TranslationLoader.rules($0)
        },
        Kind(name: "translation-faq", describes: "translations/<language>/faq.yaml", documentation: "docs/translations.md") {
            _ = TranslationLoader.faq($0)
        },
        Kind(name: "translation-topics", describes: "translations/<language>/topics.yaml", documentation: "docs/translations.md") {
            _ = TranslationLoader.topics($0)
        },
        Kind(name: "profile", describes: "profiles/<name>.yaml (a compliance profile)", documentation: "docs/compliance.md") {
            _ = ProfileLoader.read($0, id: "profile")
        },
    ]

    /// The schema files by name (`rules.schema.json`), as JSON text.
    public static func files() -> [(name: String, text: String)] { made }

    /// Made once a process: every build of a program with a `schemas/` folder compares with them
    /// (under `serve`, on every rebuild), and `init` names one in each data file.
    private static let made: [(name: String, text: String)] = documents().map { ($0.name + ".schema.json", json($0.schema)) }

    /// Each schema, by kind, before it is written as JSON.
    static func documents() -> [(name: String, schema: [String: Any])] {
        var documents = kinds.map { kind -> (String, [String: Any]) in
            let table = KeyTable(noun: kind.describes)
            kind.record(MappingReader(recording: table))
            return (kind.name, document(SchemaBuilder.object(table), describes: kind.describes, documentation: kind.documentation))
        }
        documents.append(("translation-phrases", document(phrases, describes: "translations/<language>/phrases.yaml",
                                                          documentation: "docs/translations.md")))
        return documents
    }

    /// The schema a data file of a program folder uses, relative to the folder: nil for a file that is not a data file.
    public static func schemaName(forDataFile path: String) -> String? {
        let parts = path.split(separator: "/").map(String.init)
        let base: String
        switch parts.count {
        case 1: base = parts[0]
        case 3 where parts[0] == "translations": base = "translation-" + parts[2]
        case 2 where parts[0] == "profiles": return "profile.schema.json"
        default: return nil
        }
        guard base.hasSuffix(".yaml") else { return nil }
        let name = String(base.dropLast(".yaml".count))
        return files().contains { $0.name == name + ".schema.json" } ? name + ".schema.json" : nil
    }

    /// Writes every schema into `folder`, creating it; returns the paths written.
    public static func write(to folder: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return try files().map { file in
            let path = (folder as NSString).appendingPathComponent(file.name)
            try Data(file.text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            return path
        }
    }

    private static func document(_ object: [String: Any], describes: String, documentation: String) -> [String: Any] {
        var document = object
        document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        document["title"] = "Handbook: " + describes
        document["description"] = "Written by 'handbook schema' (Handbook \(Handbook.version)); \(documentation) explains every key. "
            + "Run 'handbook check' for the checks a schema cannot make, such as ids that refer to each other."
        return document
    }

    /// `phrases.yaml` pairs a text in the default language with its translation, each under its
    /// language tag; which tags depends on the program, so the reader's keys are not fixed names.
    private static var phrases: [String: Any] { [
        "type": "object",
        "properties": ["phrases": [
            "type": "array",
            "description": "Required. Short texts and their translations: each item is two lines, '- en: <the original>' and '  es: <its translation>'.",
            "items": [
                "type": "object",
                "propertyNames": ["pattern": ValuePatterns.languageTag],
                "additionalProperties": SchemaBuilder.value(.text, required: true),
                "minProperties": 2, "maxProperties": 2,
            ] as [String: Any],
        ] as [String: Any]],
        "required": ["phrases"],
        "additionalProperties": false,
    ] }

    /// Sorted keys and two-space indents: the same bytes from every run.
    static func json(_ value: [String: Any]) -> String {
        var text = ""
        SchemaJSON.write(value, indent: 0, into: &text)
        return text + "\n"
    }
}
