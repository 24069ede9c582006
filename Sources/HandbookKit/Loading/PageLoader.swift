import Foundation

/// Reads `pages/*.md`: front matter and Markdown body.
enum PageLoader {
    /// File names the tool writes itself, so a page may not take them.
    static let reservedSlugs: Set<String> = Set(BuiltInSection.allCases.map(\.rawValue))
        .union(["index", "print", "staff", "search", "assets", "pagefind", "schedule-week"])

    static func read(text: String, file: String, fileName: String, log: DiagnosticLog) -> Page? {
        let slug = String(fileName.dropLast(3))
        let fileLocation = SourceLocation(file: file, line: 1, column: 1)
        if !Identifier.isValid(slug) {
            log.error(fileLocation, "the page file name '\(fileName)' may only hold lowercase letters, digits and dashes",
                      hint: "rename it to '\(Slug.make(slug)).md'")
            return nil
        }
        if reservedSlugs.contains(slug) {
            log.error(fileLocation, "the page name '\(slug)' is used by the handbook itself", hint: "rename the file, e.g. '\(slug)-page.md'")
            return nil
        }
        guard let (r, front) = header(text: text, file: file, log: log) else { return nil }
        defer { r.finish() }
        let title = r.string("title", required: true)
        let order = r.int("order") ?? 100
        let summary = r.string("summary")
        let audience = r.audience()
        let covers = r.strings("covers")?.map(\.0) ?? []
        // A page's findings point at its first line, as the page's other problems do.
        var review = r.review()
        review?.location = fileLocation
        guard let title else { return nil }
        var page = Page(slug: slug, title: title, order: order, summary: summary, audience: audience, covers: covers,
                        body: MarkdownSource(front.body, origin: SourceLocation(file: file, line: front.bodyFirstLine, column: 1)),
                        location: fileLocation)
        page.review = review
        return page
    }

    /// The front matter of a page file as a reader of its keys, and the split file; nil after
    /// logging when the front matter is missing, unclosed, empty or not YAML.
    static func header(text: String, file: String, log: DiagnosticLog) -> (MappingReader, FrontMatter)? {
        let fileLocation = SourceLocation(file: file, line: 1, column: 1)
        let front: FrontMatter
        switch FrontMatter.split(text) {
        case let .success(value): front = value
        case .failure(.missing):
            log.error(fileLocation, "the page does not start with front matter",
                      hint: "start the file with a line '---', then 'title: ...', then a line '---'")
            return nil
        case .failure(.unterminated):
            log.error(fileLocation, "the front matter is not closed", hint: "add a line '---' after the title, order and summary")
            return nil
        }
        let yamlOffset = front.yamlFirstLine - 1
        let headerNode = front.yaml.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            ? nil : YAMLFile.parse(front.yaml, file: file, lineOffset: yamlOffset, log: log)
        guard let headerNode else {
            if !log.hasErrors || front.yaml.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                log.error(fileLocation, "the front matter is empty", hint: "add 'title: ...' between the '---' lines")
            }
            return nil
        }
        guard let r = MappingReader(headerNode, noun: "page front matter", file: file, lineOffset: yamlOffset, log: log)
        else { return nil }
        return (r, front)
    }
}
