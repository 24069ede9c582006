import Foundation

/// The steps that run on a written output before it is swapped into place: the search index
/// (Pagefind) and the PDFs (Chromium). A missing tool is a warning that says how to install it.
struct OutputFinisher {
    let pagefind: ExternalTool?
    let chromium: ExternalTool?
    let week: ISOWeek
    let warnings: [Diagnostic]
    let timer: StageTimer
    /// Where each language's files are inside an output: "" and, per translation, "es/" ...
    var languageFolders: [String] = [""]

    init(options: Handbook.Options, week: ISOWeek, timer: StageTimer) {
        self.week = week
        self.timer = timer
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
        self.warnings = warnings
    }

    /// The search index covers every language of an output at once (Pagefind keeps one index per
    /// `lang`); the PDFs are printed per language.
    func finish(_ name: String, _ folder: String) throws {
        switch name {
        case "handbook", "manual":
            if let pagefind { try timer.measure("search index (\(name))") { try SearchIndex.build(in: folder, tool: pagefind) } }
            guard let chromium else { return }
            for language in languageFolders {
                let root = folder + "/" + language
                timer.announce?("PDF (\(language)\(name))")
                try PDFPrinter.print(root + "print.html", to: "\(root)\(name).pdf", tool: chromium)
                let staffWeek = "\(folder)/schedule/\(week)/\(language)"
                if name == "manual", FileManager.default.fileExists(atPath: staffWeek + "index.html") {
                    try PDFPrinter.print(staffWeek + "index.html", to: "\(staffWeek)\(week)-staff.pdf", tool: chromium)
                }
            }
        case "schedule/\(week)", "manual/schedule/\(week)":
            guard let chromium else { return }
            let suffix = name.hasPrefix("manual/") ? "-staff" : ""
            for language in languageFolders where FileManager.default.fileExists(atPath: "\(folder)/\(language)index.html") {
                try PDFPrinter.print("\(folder)/\(language)index.html", to: "\(folder)/\(language)\(week)\(suffix).pdf", tool: chromium)
            }
        default:
            break
        }
    }
}
