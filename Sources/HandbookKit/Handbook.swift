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
        /// The output folder; when the manual is published apart (`staffOutputDirectory`), the
        /// client folder: `handbook/`, `schedule/` and everything else clients get.
        public var outputDirectory: String
        /// The staff folder, when the manual is published apart from the client site
        /// (`build --client-output … --staff-output …`): `manual/` and the compliance report go
        /// there. Nil: `outputDirectory` holds everything.
        public var staffOutputDirectory: String?
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
        /// Make review findings (overdue, due soon, never reviewed) errors, so the run fails: for
        /// scheduled checks. Other warnings stay warnings.
        public var strict = false
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
        /// The day reviews were checked against: today in the program's time zone, or the day
        /// `SOURCE_DATE_EPOCH` stands for.
        public var today = CalendarDate(year: 1970, month: 1, day: 1)
        /// The languages of the client handbook, the default first.
        public var languages: [LanguageChoice] { languages(of: .handbook) }

        /// The languages one output is written in, the default first, for its language switchers:
        /// a translation of clients' texts only has no manual to switch to.
        public func languages(of kind: OutputKind) -> [LanguageChoice] {
            outputs.filter { $0.kind == kind }.map { output in
                LanguageChoice(tag: output.language, name: output.view.wording.languageName, folder: output.languageFolder)
            }
        }

        /// Where each language's files are inside each output ("" and "es/" ...), for the PDFs.
        var languageFolders: [OutputKind: [String]] {
            Dictionary(uniqueKeysWithValues: OutputKind.allCases.map { kind in (kind, languages(of: kind).map(\.folder)) })
        }
        public var diagnostics: [Diagnostic]
        /// The profile named in program.yaml and how the program meets it; nil without a profile.
        public var compliance: (profile: ComplianceProfile, results: [ComplianceChecker.Result])?
    }
}
