import Foundation

/// The library's entry points: `check` and `build`, each a pipeline of named steps,
/// load → check → resolve → render → write.
public enum Handbook {
    /// The tool's version, printed by `handbook --version` and written into the Debian package.
    public static let version = "0.9.0"

    public struct Options: Sendable {
        public var contentDirectory: String
        /// A folder that replaces the built-in templates; nil for the built-in ones. A program's
        /// own, in `<content>/templates`, override single files of either.
        public var templatesDirectory: String?
        public var outputDirectory: String
        public var outputs: [OutputKind]
        /// A folder that replaces the built-in compliance profiles; nil for the built-in ones. A
        /// program's own are in `<content>/profiles`.
        public var profilesDirectory: String?
        /// Write into a non-empty output folder the tool did not create.
        public var force: Bool
        /// Build the Pagefind search index of each output (when Pagefind is installed).
        public var search = true
        /// Print the handbook, the manual and the week's schedule to PDF with headless Chromium.
        public var pdf = false
        /// Told the name of each stage as it starts, for a progress line.
        public var progress: (@Sendable (String) -> Void)?

        public init(contentDirectory: String = "Content", templatesDirectory: String? = nil,
                    outputDirectory: String = "Public", outputs: [OutputKind] = OutputKind.allCases, force: Bool = false,
                    profilesDirectory: String? = nil) {
            self.profilesDirectory = profilesDirectory
            self.contentDirectory = contentDirectory
            self.templatesDirectory = templatesDirectory
            self.outputDirectory = outputDirectory
            self.outputs = outputs
            self.force = force
        }

        /// The tool's templates, then the program's own overrides in `<content>/templates`.
        var templateFolders: [SourceFolder] { [.templates(templatesDirectory), .templates(contentDirectory + "/templates")] }
        /// The tool's profiles, then the program's own in `<content>/profiles`.
        var profileFolders: [SourceFolder] { [.profiles(profilesDirectory), .profiles(contentDirectory + "/profiles")] }
    }

    public struct Report: Sendable {
        /// Files written per output folder.
        public var filesWritten: [(output: String, pages: Int, files: Int)]
        /// Warnings found on the way (a build with errors throws instead).
        public var warnings: [Diagnostic]
        public var seconds: Double
        /// Seconds per pipeline stage, in order: load, check, resolve, render, write (the search
        /// index, inside write, also listed on its own).
        public var stages: [(name: String, seconds: Double)] = []
        /// Under `serve`, after the first build: how many files were written because they changed.
        public var filesRewritten: Int?
    }

    /// Everything a build would render, checked, without writing: what `handbook check` runs.
    public struct Prepared {
        public var content: Content
        public var templates: TemplateSet
        /// Every output in every language, the default language first.
        public var outputs: [PreparedOutput]
        /// The week whose printable schedule was checked.
        public var week: ISOWeek
        /// The languages of the outputs, the default first, for language switchers.
        public var languages: [LanguageChoice] {
            outputs.filter { $0.kind == .handbook }.map { output in
                LanguageChoice(tag: output.language, name: output.view.wording.languageName, folder: output.languageFolder)
            }
        }
        public var diagnostics: [Diagnostic]
        /// The profile named in program.yaml and how the program meets it; nil without a profile.
        public var compliance: (profile: ComplianceProfile, results: [ComplianceChecker.Result])?
    }
}
