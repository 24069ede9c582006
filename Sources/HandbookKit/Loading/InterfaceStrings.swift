import Foundation

/// The interface strings of every language the template folders hold (`strings/<tag>.yaml`),
/// with the program's own files (`<content>/templates/strings/`) overriding single keys.
///
/// A language may also have the strings that differ in its informal register
/// (`strings/<tag>.informal.yaml`: Spanish "tú" where `<tag>.yaml` says "usted"), used when the
/// language's program file says `register: informal`.
public struct InterfaceStrings: Sendable {
    /// Strings by language tag, then by key (the formal register, all folders merged).
    let languages: [String: [String: String]]
    /// The file each language's strings were last read from, for diagnostics.
    let files: [String: String]
    /// Every file's strings in the order they apply: folder by folder, each folder's formal file
    /// before its informal one, so a program's own string beats a built-in one in either register.
    var layers: [Layer] = []

    struct Layer: Sendable {
        let tag: String
        let register: Register
        let strings: [String: String]
    }

    /// The file name's ending of a language's informal strings.
    static let informalSuffix = ".informal"

    static let empty = InterfaceStrings(languages: [:], files: [:])

    /// Reads `strings/*.yaml` of each folder; later folders override earlier ones key by key.
    static func load(from folders: [SourceFolder], log: DiagnosticLog) -> InterfaceStrings {
        var languages: [String: [String: String]] = [:]
        var files: [String: String] = [:]
        var locations: [String: [String: SourceLocation]] = [:]
        var layers: [Layer] = []
        for folder in folders {
            let names = folder.names(in: "strings").filter { $0.hasSuffix(".yaml") }
            // Formal files first: within a folder, the informal strings override them.
            for name in names.filter({ !isInformal($0) }) + names.filter(isInformal) {
                let file = folder.displayPath("strings/" + name)
                let stem = String(name.dropLast(".yaml".count))
                let register: Register = isInformal(name) ? .informal : .formal
                let tag = register == .informal ? String(stem.dropLast(informalSuffix.count)) : stem
                guard let text = folder.readText("strings/" + name, required: true, log: log) else { continue }
                guard let root = YAMLFile.parse(text, file: file, log: log),
                      let reader = MappingReader(root, noun: "strings file", file: file, log: log) else { continue }
                var strings: [String: String] = [:]
                for key in reader.keys {
                    guard let value = reader.string(key) else { continue }
                    strings[key] = value
                    locations[stem, default: [:]][key] = reader.location(of: key)
                }
                reader.finish()
                layers.append(Layer(tag: tag, register: register, strings: strings))
                guard register == .formal else { continue }
                languages[tag, default: [:]].merge(strings) { _, later in later }
                files[tag] = file
            }
        }
        // A key English does not have is used by no template: most likely a misspelt key, whose
        // string then silently falls back to English.
        if let english = languages["en"] {
            for (tag, keys) in locations.sorted(by: { $0.key < $1.key }) where tag != "en" {
                for (key, location) in keys.sorted(by: { $0.value < $1.value }) where english[key] == nil {
                    log.warning(location, "'\(key)' is not an interface string, so this line is not used",
                                hint: Suggestion.hint(for: key, in: english.keys.sorted(), noun: "key"))
                }
            }
        }
        return InterfaceStrings(languages: languages, files: files, layers: layers)
    }

    private static func isInformal(_ name: String) -> Bool { name.hasSuffix(informalSuffix + ".yaml") }

    /// Where a language's strings come from, most specific first: `es-US`, `es`, then the
    /// default language, then English, which the tool always ships.
    static func chain(for language: String, defaultLanguage: String) -> [String] {
        var chain: [String] = []
        for tag in [language, defaultLanguage, "en"] {
            var parts = tag.split(separator: "-").map(String.init)
            while !parts.isEmpty {
                let candidate = parts.joined(separator: "-")
                if !chain.contains(candidate) { chain.append(candidate) }
                parts.removeLast()
            }
        }
        return chain
    }

    func wording(for language: String, defaultLanguage: String, register: Register = .formal,
                 timeFormat: TimeFormat? = nil) -> Wording {
        var strings: [String: String] = [:]
        for tag in Self.chain(for: language, defaultLanguage: defaultLanguage).reversed() {
            for layer in layers where layer.tag == tag && (layer.register == .formal || layer.register == register) {
                strings.merge(layer.strings) { _, specific in specific }
            }
        }
        return Wording(language: language, defaultLanguage: defaultLanguage, strings: strings, timeFormat: timeFormat)
    }

    /// How an output in `language` speaks: the program's time format, and the register the
    /// language's program file sets (`program` is the content's, after translation).
    func wording(for language: String, program: Program) -> Wording {
        wording(for: language, defaultLanguage: program.language, register: program.register, timeFormat: program.timeFormat)
    }

    /// Whether any folder has informal strings for the language or its base language.
    func hasInformal(_ language: String) -> Bool {
        let base = String(language.split(separator: "-").first ?? "")
        return layers.contains { $0.register == .informal && ($0.tag == language || $0.tag == base) }
    }

    /// Keys the language's own files (`es-US`, `es`) lack that the default language or English
    /// has: shown in the fallback language until translated.
    func missingKeys(for language: String, defaultLanguage: String) -> [String] {
        let chain = Self.chain(for: language, defaultLanguage: defaultLanguage)
        let own = chain.prefix { $0 == language || language.hasPrefix($0 + "-") }
        let fallback = chain.dropFirst(own.count)
        let ownKeys = Set(own.flatMap { languages[$0]?.keys.map { $0 } ?? [] })
        let allKeys = Set(fallback.flatMap { languages[$0]?.keys.map { $0 } ?? [] })
        return allKeys.subtracting(ownKeys).sorted()
    }

    /// Whether a strings file exists for the language or its base language (`es` for `es-US`).
    func has(_ language: String) -> Bool {
        let base = String(language.split(separator: "-").first ?? "")
        return languages[language] != nil || languages[base] != nil
    }

    /// A file to name in diagnostics about a language: its own, else where one would go.
    func file(for language: String, folders: [SourceFolder]) -> String {
        files[language] ?? (folders.last?.displayPath("strings/\(language).yaml") ?? "templates/strings/\(language).yaml")
    }
}
