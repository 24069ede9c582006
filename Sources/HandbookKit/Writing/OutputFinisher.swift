import Foundation

/// The steps that run on a written output before it is swapped into place: the search index
/// (Pagefind) and the PDFs (Chromium; poppler's `pdfinfo` for the page numbers of their Contents).
/// A missing tool is a warning that says how to install it.
struct OutputFinisher {
    let pagefind: ExternalTool?
    let chromium: ExternalTool?
    /// Without it the handbook and manual PDFs are printed once, with no page numbers in Contents.
    var pdfinfo: ExternalTool? = ExternalTool.pdfinfo
    let week: ISOWeek
    let timer: StageTimer
    /// Where the outputs go, for the warnings to name the final PDFs, not the staging folder.
    let outputDirectory: String
    /// The folder of `manual/`: the staff folder, when the manual is written apart.
    let manualRoot: String
    /// Warnings known before anything is finished.
    private let toolWarnings: [Diagnostic]
    /// Warnings about the PDFs printed so far. A reference, since the build hands `finish` on as
    /// a closure, which holds its own copy of the finisher.
    private let printing = DiagnosticLog()
    var warnings: [Diagnostic] { toolWarnings + printing.sorted }
    /// Where each language's files are inside each output: "" and, per translation, "es/" ...
    /// A translation of clients' texts only has none in the manual.
    var languageFolders: [OutputKind: [String]] = [:]
    private func languageFolders(of kind: OutputKind) -> [String] { languageFolders[kind] ?? [""] }

    init(options: Handbook.Options, week: ISOWeek, timer: StageTimer) {
        self.week = week
        self.timer = timer
        outputDirectory = options.outputDirectory
        manualRoot = options.manualRoot
        let output = SourceLocation(file: options.outputDirectory)
        var warnings: [Diagnostic] = []
        pagefind = options.search ? ExternalTool.pagefind : nil
        if options.search && pagefind == nil {
            warnings.append(Diagnostic(.warning, output, "search was not built: Pagefind is not installed",
                                       hint: "python3 -m pip install pagefind-bin, or put the pagefind program on the PATH (README: Install), then build again"))
        }
        chromium = options.pdf ? ExternalTool.chromium : nil
        if options.pdf && chromium == nil {
            warnings.append(Diagnostic(.warning, output, "no PDF was written: headless Chromium is not installed",
                                       hint: "apt-get install chromium, then build again with --pdf"))
        }
        toolWarnings = warnings
    }

    /// The search indexes, when Pagefind is there: started once the handbook and the manual are
    /// written, and waited for before anything is swapped in.
    func search(size: SearchParts.Size) -> SearchIndexing? { pagefind.map { SearchIndexing(tool: $0, size: size) } }

    /// The PDFs, printed per language.
    func finish(_ name: String, _ folder: String) throws {
        switch name {
        case "handbook", "manual":
            guard let chromium else { return }
            for language in languageFolders(of: name == "manual" ? .manual : .handbook) {
                let root = folder + "/" + language
                timer.announce?("PDF (\(language)\(name))")
                try printWholeOutput(root + "print.html", to: "\(root)\(name).pdf",
                                     named: "\(name)/\(language)\(name).pdf", chromium: chromium)
                let staffWeek = "\(folder)/schedule/\(week)/\(language)"
                if name == "manual", FileManager.default.fileExists(atPath: staffWeek + "index.html") {
                    try PDFPrinter.print(staffWeek + "index.html", to: "\(staffWeek)\(week)-staff.pdf", tool: chromium)
                }
            }
        case "schedule/\(week)", "manual/schedule/\(week)":
            guard let chromium else { return }
            let suffix = name.hasPrefix("manual/") ? "-staff" : ""
            for language in languageFolders(of: name.hasPrefix("manual/") ? .manual : .handbook)
                where FileManager.default.fileExists(atPath: "\(folder)/\(language)index.html") {
                try PDFPrinter.print("\(folder)/\(language)index.html", to: "\(folder)/\(language)\(week)\(suffix).pdf", tool: chromium)
            }
        default:
            break
        }
    }

    /// The handbook or manual PDF, with page numbers in its Contents when `pdfinfo` is there to
    /// read them from a first print. `named` is the PDF's path inside the output folder.
    private func printWholeOutput(_ page: String, to pdf: String, named: String, chromium: ExternalTool) throws {
        guard let pdfinfo else {
            printing.warning(SourceLocation(file: outputDirectory), "the Contents of the PDFs has no page numbers: pdfinfo (poppler-utils) is not installed",
                             hint: "apt-get install poppler-utils, then build again with --pdf")
            try PDFPrinter.print(page, to: pdf, tool: chromium)
            return
        }
        let pdfLocation = SourceLocation(file: (Handbook.Options.isManual(named) ? manualRoot : outputDirectory) + "/" + named)
        switch try PDFPrinter.printNumberingContents(page, to: pdf, chromium: chromium, pdfinfo: pdfinfo) {
        case .numbered, .nothingToNumber:
            break
        case let .unsettled(shown, actual):
            let off = Set(shown.keys).union(actual.keys).sorted().filter { shown[$0] != actual[$0] }
                .map { "'#\($0)' says page \(shown[$0].map(String.init) ?? "none"), starts on \(actual[$0].map(String.init) ?? "?")" }
            printing.warning(pdfLocation, "the page numbers in Contents did not settle after \(PDFPrinter.numberedPrints) numbered prints: \(off.joined(separator: "; "))",
                             hint: "shorten the chapter titles that fill their line in Contents, then build again with --pdf")
        case let .unchecked(reason):
            printing.warning(pdfLocation, "the page numbers in Contents could not be checked: \(reason)",
                             hint: "check that pdfinfo -dests works (Debian's poppler-utils), then build again with --pdf")
        }
    }
}
