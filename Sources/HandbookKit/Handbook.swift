import Foundation

/// The library's entry points: `check` and `build`, each a pipeline of named steps,
/// load → check → resolve → render → write.
public enum Handbook {
    public struct Options: Sendable {
        public var contentDirectory: String
        public var templatesDirectory: String
        public var outputDirectory: String
        public var outputs: [OutputKind]

        public init(contentDirectory: String = "Content", templatesDirectory: String = "Templates",
                    outputDirectory: String = "Public", outputs: [OutputKind] = OutputKind.allCases) {
            self.contentDirectory = contentDirectory
            self.templatesDirectory = templatesDirectory
            self.outputDirectory = outputDirectory
            self.outputs = outputs
        }

        /// The tool's templates, then the program's own overrides in `<content>/templates`.
        var templateFolders: [String] { [templatesDirectory, contentDirectory + "/templates"] }
    }

    public struct Report: Sendable {
        /// Files written per output folder.
        public var filesWritten: [(output: String, pages: Int, files: Int)]
        /// Warnings found on the way (a build with errors throws instead).
        public var warnings: [Diagnostic]
        public var seconds: Double
    }

    /// Everything a build would render, checked, without writing: what `handbook check` runs.
    public struct Prepared {
        public var content: Content
        public var templates: TemplateSet
        public var outputs: [(kind: OutputKind, edition: Edition, links: LinkResolver)]
        public var diagnostics: [Diagnostic]
    }

    /// Loads, checks and resolves; throws `DiagnosticsError` listing every problem when there are errors.
    public static func prepare(_ options: Options) throws -> Prepared {
        let log = DiagnosticLog()
        let content = ContentLoader(directory: options.contentDirectory).load(log: log)
        let templates = TemplateSet.load(from: options.templateFolders, log: log)
        guard let content, let templates else { throw DiagnosticsError(log.sorted) }
        ReferenceChecker.check(content, log: log)

        // Both editions are checked even when one is built: a broken link in the manual is still broken.
        let clientContent = AudienceResolver.resolve(content, for: .everyone)
        let clientSlugs = Set(clientContent.pages.map(\.slug))
        var outputs: [(kind: OutputKind, edition: Edition, links: LinkResolver)] = []
        for kind in OutputKind.allCases {
            let edition = Edition(kind == .handbook ? clientContent : AudienceResolver.resolve(content, for: .staff),
                                  audience: kind.audience)
            let hidden = kind == .handbook ? Set(content.pages.map(\.slug)).subtracting(clientSlugs) : []
            let links = LinkResolver(outline: Outline(edition), hiddenChapters: hidden,
                                     contentDirectory: options.contentDirectory)
            LinkChecker.check(edition, resolver: links, log: log)
            outputs.append((kind, edition, links))
        }
        guard !log.hasErrors else { throw DiagnosticsError(log.sorted) }
        return Prepared(content: content, templates: templates, outputs: outputs, diagnostics: log.sorted)
    }

    /// Builds the requested outputs into the output folder. On any error nothing there changes.
    public static func build(_ options: Options, writer: OutputWriter? = nil) throws -> Report {
        let started = Date()
        try OutputSafety.check(options)
        let prepared = try prepare(options)
        var rendered: [(name: String, files: [OutputFile])] = []
        var counts: [(output: String, pages: Int, files: Int)] = []
        for output in prepared.outputs where options.outputs.contains(output.kind) {
            let files = SiteRenderer(edition: output.edition, templates: prepared.templates, kind: output.kind,
                                     links: output.links).render()
            rendered.append((output.kind.rawValue, files))
            counts.append((output.kind.rawValue, files.filter { $0.path.hasSuffix(".html") }.count, files.count))
        }
        try (writer ?? OutputWriter(root: options.outputDirectory)).replace(rendered)
        return Report(filesWritten: counts, warnings: prepared.diagnostics, seconds: Date().timeIntervalSince(started))
    }
}
