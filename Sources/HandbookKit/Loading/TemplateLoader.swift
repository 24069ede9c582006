import Foundation
import Mustache

/// Reads the templates, their assets and the interface strings: the templates folder (built in,
/// or `--templates`) with the program's own `templates/` on top.
extension TemplateSet {
    /// Reads every `.mustache` file of `folders` (later folders override earlier ones), reporting
    /// each template that does not parse and each partial or layout that does not exist.
    ///
    /// A set is returned even when there are errors (without the templates that failed), so the
    /// rest of the checks still run on the content and one run reports every problem; a build
    /// with errors never renders.
    public static func load(from folders: [SourceFolder], log: DiagnosticLog) -> TemplateSet {
        // Judge the templates by their own problems, not by those the content already had.
        let own = DiagnosticLog()
        defer { log.append(contentsOf: own.diagnostics) }
        let log = own
        var texts: [String: (text: String, file: String)] = [:]
        var assets: [String: Data] = [:]
        for folder in folders {
            // On disk, nothing is read through a link that leaves the templates folder.
            for name in folder.names(in: "") where name.hasSuffix(".mustache") {
                guard let text = folder.readText(name, required: true, log: log) else { continue }
                texts[String(name.dropLast(".mustache".count))] = (text, folder.displayPath(name))
            }
            for name in folder.files(under: "assets") {
                let file = folder.displayPath("assets/" + name)
                switch folder.read("assets/" + name) {
                case let .success(data) where isAsset(name):
                    assets[name] = data
                case .success:
                    log.warning(SourceLocation(file: file), "this file is not copied into the outputs: only style sheets, scripts, fonts, pictures, sound and video are",
                                hint: "keep other files out of the assets folder; allowed: \(assetExtensions.sorted().joined(separator: ", "))")
                case .failure(.folder):
                    continue
                case let .failure(problem):
                    let (message, hint) = problem.message(folderName: folder.noun)
                    log.error(SourceLocation(file: file), message, hint: hint)
                }
            }
        }
        let main = folders.first ?? .templates(nil)
        if texts.isEmpty {
            log.error(SourceLocation(file: main.displayName), "no templates found",
                      hint: "pass --templates with the folder holding layout.mustache and the other templates")
        }
        var templates: [String: MustacheTemplate] = [:]
        _ = HTML.registerEscaping
        for (name, source) in texts.sorted(by: { $0.key < $1.key }) {
            do {
                templates[name] = try MustacheTemplate(string: HTML.contentTypeLine + source.text)
            } catch let error as MustacheTemplate.ParserError {
                // The line in the template's own text, after `contentTypeLine`.
                log.error(SourceLocation(file: source.file, line: error.context.lineNumber - 1, column: error.context.columnNumber),
                          "the template does not parse: \(describe(error.error))",
                          hint: "check that every {{#section}} has a matching {{/section}} and every tag is closed with }}")
            } catch {
                log.error(SourceLocation(file: source.file), "the template does not parse: \(error)")
            }
        }
        for (name, source) in texts.sorted(by: { $0.key < $1.key }) {
            for reference in references(in: source.text) where texts[reference.name] == nil {
                log.error(SourceLocation(file: source.file, line: reference.line, column: reference.column),
                          "the template '\(name)' uses '\(reference.name)', which is not a template",
                          hint: Suggestion.hint(for: reference.name, in: texts.keys.sorted(), noun: "template"))
            }
        }
        for name in required where texts[name] == nil {
            log.error(SourceLocation(file: main.displayPath(name + ".mustache")),
                      "the template '\(name).mustache' is missing",
                      hint: "'handbook templates export FOLDER' writes the built-in templates, this one among them")
        }
        let strings = InterfaceStrings.load(from: folders, log: log)
        if strings.languages["en"] == nil {
            log.error(SourceLocation(file: main.displayPath("strings/en.yaml")),
                      "the interface strings 'strings/en.yaml' are missing",
                      hint: "'handbook templates export FOLDER' writes the built-in templates, these strings among them")
        }
        if let english = strings.languages["en"] {
            for (name, source) in texts.sorted(by: { $0.key < $1.key }) {
                for reference in stringReferences(in: source.text) where english[reference.key] == nil {
                    log.error(SourceLocation(file: source.file, line: reference.line, column: reference.column),
                              "the template '\(name)' uses the interface string '\(reference.key)', which strings/en.yaml does not have",
                              hint: Suggestion.hint(for: reference.key, in: english.keys.sorted(), noun: "string"))
                }
            }
        }
        var hasher = Hasher()
        for (tag, values) in strings.languages.sorted(by: { $0.key < $1.key }) {
            hasher.combine(tag)
            for (key, value) in values.sorted(by: { $0.key < $1.key }) { hasher.combine(key); hasher.combine(value) }
        }
        for (name, source) in texts.sorted(by: { $0.key < $1.key }) { hasher.combine(name); hasher.combine(source.text) }
        for (name, data) in assets.sorted(by: { $0.key < $1.key }) { hasher.combine(name); hasher.combine(data) }
        return TemplateSet(library: MustacheLibrary(templates: templates), assets: assets, strings: strings,
                           sources: texts.mapValues(\.file), signature: hasher.finalize())
    }

    private static func isAsset(_ name: String) -> Bool {
        assetExtensions.contains((name as NSString).pathExtension.lowercased())
    }

    /// Every `{{…}}` tag of a template, with its line and column, for the checks below. A tag
    /// ends on its own line. (Byte by byte: Foundation's search, line by line, was a fifth of
    /// loading the templates.)
    static func tags(in text: String) -> [(tag: Substring, line: Int, column: Int)] {
        let brace = UInt8(ascii: "{"), closing = UInt8(ascii: "}"), newline = UInt8(ascii: "\n")
        let bytes = text.utf8
        var result: [(Substring, Int, Int)] = []
        var line = 1, lineStart = bytes.startIndex, index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == newline {
                line += 1
                index = bytes.index(after: index)
                lineStart = index
                continue
            }
            let next = bytes.index(after: index)
            guard byte == brace, next < bytes.endIndex, bytes[next] == brace else {
                index = next
                continue
            }
            let start = bytes.index(after: next)
            var end = start
            while end < bytes.endIndex, bytes[end] != newline,
                  !(bytes[end] == closing && bytes.index(after: end) < bytes.endIndex && bytes[bytes.index(after: end)] == closing) {
                end = bytes.index(after: end)
            }
            guard end < bytes.endIndex, bytes[end] == closing else {
                // No "}}" on this line: nothing more on it is a tag.
                index = end
                continue
            }
            result.append((text[start..<end], line, text[lineStart..<index].count + 1))
            index = bytes.index(end, offsetBy: 2)
        }
        return result
    }

    /// Partials (`{{> name}}`) and parents (`{{< name}}`) a template refers to.
    static func references(in text: String) -> [(name: String, line: Int, column: Int)] {
        tags(in: text).compactMap { tag, line, column in
            let trimmed = String(tag).trimmedOfWhitespace()
            guard let first = trimmed.first, first == ">" || first == "<" else { return nil }
            let name = String(trimmed.dropFirst()).trimmedOfWhitespace()
            return name.isEmpty || name.hasPrefix("*") ? nil : (name, line, column)
        }
    }

    /// Interface strings (`{{ui.key}}`) a template shows, so that a misspelt key is an error
    /// rather than an empty place on the page.
    static func stringReferences(in text: String) -> [(key: String, line: Int, column: Int)] {
        tags(in: text).compactMap { tag, line, column in
            let name = tag.drop { "{#^/& ".contains($0) }
            guard name.hasPrefix("ui.") else { return nil }
            return (String(name.dropFirst(3).prefix { $0.isLetter || $0.isNumber || $0 == "_" }), line, column)
        }
    }

    private static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a closing tag {{/...}} does not match the section it closes"
        case .unfinishedName: return "a tag is not closed with }}"
        case .expectedSectionEnd: return "a section {{#...}} is never closed with {{/...}}"
        case .invalidSetDelimiter: return "a delimiter change {{=...=}} is malformed"
        default: return "\(error)"
        }
    }
}
