import Foundation
import XCTest
@testable import HandbookKit

/// The code to scan on the printed week (issue 18, point 4): with `site_url`, each track's page
/// of the client week carries a QR code of that track's calendar feed, which a real reader
/// (Debian's zbarimg) decodes from Chromium's print to exactly the feed's address, written under
/// it too. Without `site_url` nothing of it; without segno the address alone and one warning.
final class FeedCodeTests: XCTestCase {
    /// 2026-12-02, a Wednesday of 2026-W49, which has a cancelled session.
    private let clock = fixedClock("2026-12-02")
    private let site = "https://example.org/iop/"
    private let tracks = ["day", "evening"]

    /// A copy of the sample (two tracks, English and Spanish) published at `site`; returns the content folder.
    private func sampleWithSiteURL() throws -> String {
        let folder = try copyOfSample()
        let program = folder + "/Content/program.yaml"
        // Ours in place of any the sample sets.
        let others = try read(program).split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("site_url:") }
        try write(others.joined(separator: "\n") + "\nsite_url: \(site)\n", to: program)
        return folder + "/Content"
    }

    /// The feed address each track's code must hold, in the program's language or in Spanish.
    private func feedAddresses(spanish: Bool) -> [String] {
        tracks.map { "webcal://example.org/iop/schedule/calendar/" + (spanish ? "es/" : "") + $0 + ".ics" }
    }

    // MARK: - Scanned from paper

    func testEachPrintedTrackPageCarriesACodeThatScansToItsFeedAddress() throws {
        try Browser.pythonModule("segno")
        let output = try temporaryFolder(self) + "/Public"
        let report = try Handbook.build(options(try sampleWithSiteURL(), output), environment: clock)
        XCTAssertFalse(report.warnings.contains { $0.message.contains("code to scan") }, "\(report.warnings)")
        for spanish in [false, true] {
            let page = output + "/schedule/2026-W49/" + (spanish ? "es/" : "") + "index.html"
            for paper in [Paper.letter, .a4] {
                let sheet = try printed(page, on: paper)
                XCTAssertEqual(sheet.pages, tracks.count, "one page per track on \(paper)")
                XCTAssertTrue(sheet.landscape, "\(page) on \(paper) is landscape")
                XCTAssertEqual(sheet.scanned, feedAddresses(spanish: spanish), "\(page) on \(paper)")
                for address in feedAddresses(spanish: spanish) {
                    XCTAssertTrue(sheet.text.contains(address), "\(address) is written on the page too")
                }
            }
        }
    }

    /// What a printed page gives: its pages, whether they are landscape, each page's decoded
    /// code(s) and its text without spaces or line breaks (a long address may wrap).
    private enum Paper: String { case letter = "Letter", a4 = "A4" }

    private func printed(_ page: String, on paper: Paper) throws -> (pages: Int, landscape: Bool, scanned: [String], text: String) {
        _ = try Browser.tool("chromium")
        let pdftoppm = try Browser.tool("pdftoppm"), pdftotext = try Browser.tool("pdftotext"), zbarimg = try Browser.tool("zbarimg")
        var source = page
        if paper == .a4 {
            // As a printer set to A4 prints it (WeekPrintTests does the same).
            source = page.replacingOccurrences(of: "index.html", with: "a4.html")
            try write(try read(page).replacingOccurrences(of: "</head>", with: "<style>@page { size: A4 landscape; }</style>\n</head>"), to: source)
        }
        let pdf = source.replacingOccurrences(of: ".html", with: ".pdf")
        try PDFPrinter.print(source, to: pdf, tool: try XCTUnwrap(ExternalTool.chromium))
        let info = try Browser.pdfInfo(pdf)
        let landscape = paper == .letter ? info.size.hasPrefix("792 x 612") : info.size.hasPrefix("841")
        // 150 dots per inch, about what a phone's camera sees of a page on the wall.
        let images = try temporaryFolder(self)
        try Browser.run(pdftoppm, ["-png", "-r", "150", pdf, images + "/page"])
        let pngs = try FileManager.default.contentsOfDirectory(atPath: images).filter { $0.hasSuffix(".png") }.sorted()
        let scanned = try pngs.map { png in
            try Browser.run(zbarimg, ["--raw", "-q", images + "/" + png]).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let text = try Browser.run(pdftotext, [pdf, "-"]).filter { !$0.isWhitespace }
        return (info.pages, landscape, scanned, text)
    }

    // MARK: - The page

    func testTheCodeIsAnInlineImageWithANameAndTheAddressUnderItOnTheClientCopyOnly() throws {
        try Browser.pythonModule("segno")
        let output = try temporaryFolder(self) + "/Public"
        _ = try Handbook.build(options(try sampleWithSiteURL(), output), environment: clock)
        let english = try read(output + "/schedule/2026-W49/index.html")
        let figures = english.matches(of: /<figure class="feed-code">(<svg [^>]*>).*?<\/svg><figcaption>([^<]*) <span class="feed-address">([^<]*)<\/span><\/figcaption><\/figure>/)
        XCTAssertEqual(figures.map { String($0.3) }, feedAddresses(spanish: false), "a code, then the address under it, per track")
        XCTAssertEqual(figures.map { String($0.2) }, ["Scan to add Day track to your calendar", "Scan to add Evening track to your calendar"])
        for figure in figures {
            XCTAssertTrue(figure.1.hasPrefix("<svg role=\"img\" aria-label=\"QR code of this calendar address\""), String(figure.1))
        }
        XCTAssertFalse(english.contains("<?xml"), "no XML declaration inside HTML")
        let spanish = try read(output + "/schedule/2026-W49/es/index.html")
        XCTAssertTrue(spanish.contains("aria-label=\"Código QR de esta dirección de calendario\""))
        XCTAssertTrue(spanish.contains("Escanee para agregar Turno de día a su calendario"))
        for staffPage in ["manual/schedule/2026-W49/index.html", "manual/schedule/2026-W49/es/index.html"] {
            XCTAssertFalse(try read(output + "/" + staffPage).contains("feed-code"), "the staff copy has no code: \(staffPage)")
        }
    }

    func testTheSameProgramGivesTheSameBytes() throws {
        try Browser.pythonModule("segno")
        let content = try sampleWithSiteURL()
        let folder = try temporaryFolder(self)
        for output in ["/one", "/two"] { _ = try Handbook.build(options(content, folder + output), environment: clock) }
        let one = snapshot(folder + "/one/schedule"), two = snapshot(folder + "/two/schedule")
        XCTAssertTrue(String(decoding: try XCTUnwrap(one["2026-W49/index.html"]), as: UTF8.self).contains("<svg "))
        XCTAssertEqual(one, two)
    }

    func testWithoutASiteURLThereIsNoCodeNoAddressAndNoEncoderRun() throws {
        let output = try build(ProgramFixture(), today: "2026-01-07")
        let page = try read(output + "/schedule/2026-W02/index.html")
        XCTAssertFalse(page.contains("feed-code"), page)
        XCTAssertFalse(page.contains("webcal:"), page)
        XCTAssertFalse(page.contains("<svg"), page)

        let content = try XCTUnwrap(ContentLoader(directory: try ProgramFixture().write(into: try temporaryFolder(self))).load(log: DiagnosticLog()))
        let codes = FeedCodes(warningsAt: SourceLocation(file: "program.yaml"), encoder: {
            XCTFail("the encoder is not even looked for")
            return nil
        }())
        XCTAssertEqual(FeedCodes.addresses(of: content), [])
        codes.prepare(FeedCodes.addresses(of: content))
        XCTAssertTrue(codes.warnings.isEmpty)
    }

    // MARK: - The encoder, as the installed command finds it

    /// A `python3` first on the PATH, as `handbook build` runs: `script` is its body.
    private func buildWithPython(_ script: String, content: String, output: String) throws -> (status: Int32, errors: String) {
        let fakeBin = try temporaryFolder(self)
        try write("#!/bin/sh\n" + script + "\n", to: fakeBin + "/python3")
        XCTAssertEqual(chmod(fakeBin + "/python3", 0o755), 0)
        let build = Process()
        build.executableURL = URL(fileURLWithPath: try builtHandbookCommand())
        build.arguments = ["build", "--content", content, "--templates", defaultTemplates, "--profiles", packageRoot + "/Profiles",
                           "--output", output, "--no-search"]
        build.environment = ProcessInfo.processInfo.environment.merging(clock) { $1 }
            .merging(["PATH": fakeBin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")]) { $1 }
        let errors = Pipe()
        build.standardOutput = FileHandle.nullDevice
        build.standardError = errors
        try build.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        build.waitUntilExit()
        return (build.terminationStatus, text)
    }

    func testWithoutSegnoTheWeekShowsTheAddressAloneAndTheBuildWarnsOnce() throws {
        let folder = try temporaryFolder(self)
        let content = try sampleWithSiteURL()
        let result = try buildWithPython("echo \"ModuleNotFoundError: No module named 'segno'\" >&2; exit 1",
                                         content: content, output: folder + "/Public")
        XCTAssertEqual(result.status, 0, result.errors)
        let warnings = result.errors.split(separator: "\n").filter { $0.contains("segno is not installed") }
        XCTAssertEqual(warnings.count, 1, result.errors)
        XCTAssertTrue(warnings.first?.contains("python3 -m pip install segno") == true, result.errors)
        for spanish in [false, true] {
            let page = try read(folder + "/Public/schedule/2026-W49/" + (spanish ? "es/" : "") + "index.html")
            XCTAssertFalse(page.contains("<svg"), page)
            let addresses = page.matches(of: /<figure class="feed-code address-only"><figcaption>[^<]*: <span class="feed-address">([^<]*)<\/span>/)
            XCTAssertEqual(addresses.map { String($0.1) }, feedAddresses(spanish: spanish))
        }
    }

    /// Every address of the build goes to one run of the encoder, each once, whatever the number
    /// of languages and copies; a program without `site_url` never starts Python.
    func testEachAddressIsEncodedOnceInOneRunAndNoneWithoutASiteURL() throws {
        try Browser.pythonModule("segno")
        let real = try runOnPath(["python3", "-c", "import sys; print(sys.executable)"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let folder = try temporaryFolder(self)
        let log = folder + "/python-runs.log"
        // Logs each run as its addresses on one line ("" for the check), then runs the real Python.
        let logging = """
        [ "$1" = "-c" ] && { program="$2"; shift 2; echo "run:$*" >> "\(log)"; exec "\(real)" -c "$program" "$@"; }
        echo "run:other" >> "\(log)"; exec "\(real)" "$@"
        """
        let result = try buildWithPython(logging, content: try sampleWithSiteURL(), output: folder + "/Public")
        XCTAssertEqual(result.status, 0, result.errors)
        let runs = try read(log).split(separator: "\n").map { $0.dropFirst("run:".count) }.filter { !$0.isEmpty }
        XCTAssertEqual(runs.map { $0.split(separator: " ").map(String.init).sorted() },
                       [(feedAddresses(spanish: false) + feedAddresses(spanish: true)).sorted()])
        XCTAssertTrue(try read(folder + "/Public/schedule/2026-W49/es/index.html").contains("<svg role=\"img\""))

        try FileManager.default.removeItem(atPath: log)
        let plain = try ProgramFixture().write(into: folder + "/plain")
        XCTAssertEqual(try buildWithPython(logging, content: plain, output: folder + "/plain/Public").status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: log), "no Python run at all: \((try? read(log)) ?? "")")
    }
}
