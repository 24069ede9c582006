import Foundation

/// The steps that run on a written output before it is swapped into place: the search index
/// (Pagefind) and the PDFs (Chromium). A missing tool is a warning that says how to install it.
struct OutputFinisher {
    let pagefind: ExternalTool?
    let chromium: ExternalTool?
    let week: ISOWeek
    let warnings: [Diagnostic]
    let timer: StageTimer

    init(options: Handbook.Options, week: ISOWeek, timer: StageTimer) {
        self.week = week
        self.timer = timer
        let output = SourceLocation(file: options.outputDirectory)
        var warnings: [Diagnostic] = []
        pagefind = options.search ? ExternalTool.pagefind : nil
        if options.search && pagefind == nil {
            warnings.append(Diagnostic(.warning, output, "search was not built: Pagefind is not installed",
                                       hint: "python3 -m pip install pagefind-bin, then build again"))
        }
        chromium = options.pdf ? ExternalTool.chromium : nil
        if options.pdf && chromium == nil {
            warnings.append(Diagnostic(.warning, output, "no PDF was written: headless Chromium is not installed",
                                       hint: "apt-get install chromium, then build again with --pdf"))
        }
        self.warnings = warnings
    }

    func finish(_ name: String, _ folder: String) throws {
        switch name {
        case "handbook", "manual":
            if let pagefind { try timer.measure("search index (\(name))") { try SearchIndex.build(in: folder, tool: pagefind) } }
            if let chromium {
                timer.announce?("PDF (\(name))")
                try PDFPrinter.print(folder + "/print.html", to: "\(folder)/\(name).pdf", tool: chromium)
                let staffWeek = "\(folder)/schedule/\(week)"
                if name == "manual", FileManager.default.fileExists(atPath: staffWeek + "/index.html") {
                    try PDFPrinter.print(staffWeek + "/index.html", to: "\(staffWeek)/\(week)-staff.pdf", tool: chromium)
                }
            }
        case "schedule/\(week)":
            if let chromium { try PDFPrinter.print(folder + "/index.html", to: "\(folder)/\(week).pdf", tool: chromium) }
        case "manual/schedule/\(week)":
            if let chromium { try PDFPrinter.print(folder + "/index.html", to: "\(folder)/\(week)-staff.pdf", tool: chromium) }
        default:
            break
        }
    }
}
