import Foundation
import XCTest
@testable import HandbookKit

/// The package's root folder, found from this file's path, so tests can use `Content/` and `Templates/`.
let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

let sampleContent = packageRoot + "/Content"
let defaultTemplates = packageRoot + "/Templates"

/// The tool's English interface strings and formats.
func englishWording() -> Wording {
    TemplateSet.load(from: [.templates(defaultTemplates)], log: DiagnosticLog()).strings.wording(for: "en", defaultLanguage: "en")
}
let fixturesFolder = packageRoot + "/Tests/HandbookKitTests/Fixtures"

/// A fresh temporary folder, removed when the test ends.
func temporaryFolder(_ test: XCTestCase) throws -> String {
    let path = NSTemporaryDirectory() + "handbook-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
    return path
}

func write(_ text: String, to path: String) throws {
    try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                            withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

/// Every file under a folder, by relative path: to compare whole outputs byte for byte.
func snapshot(_ folder: String) -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: folder)
    while let path = enumerator?.nextObject() as? String {
        var isDirectory: ObjCBool = false
        FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
        if !isDirectory.boolValue { files[path] = FileManager.default.contents(atPath: folder + "/" + path) }
    }
    return files
}

/// A file `handbook init` wrote, with every example line in use: "# " at a line's start is an
/// example; "##" is a note and stays, and so does the editor's schema line.
func uncommentingExamples(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
        let indent = line.prefix { $0 == " " }
        let rest = line.dropFirst(indent.count)
        guard rest.hasPrefix("# "), !rest.hasPrefix("# yaml-language-server:") else { return String(line) }
        return String(indent) + rest.dropFirst(2)
    }.joined(separator: "\n")
}

/// The `handbook` executable built beside this test bundle (`make test` builds it first), for
/// the tests that run the command itself.
func builtHandbookCommand() throws -> String {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("handbook").path
    for candidate in [beside, packageRoot + "/.build/debug/handbook"] where FileManager.default.isExecutableFile(atPath: candidate) {
        return candidate
    }
    XCTFail("the handbook command is not built: run 'swift build' first (make test does)")
    throw XCTSkip("no handbook command")
}

/// Runs a program found on the PATH; its exit status and everything it printed, both streams.
func runOnPath(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, output)
}

func read(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
}

/// A small valid program, written file by file so a test can replace any one of them.
struct ProgramFixture {
    var files: [String: String] = [
        "program.yaml": """
        name: Test Harbor Program
        short_name: Test Harbor
        edition: "Edition 1"
        edition_date: 2026-01-05
        time_zone: America/Chicago
        address: |
          1 Test Street
          Testville
        phone: 555-0100
        after_hours_phone: 555-0199
        hours:
          - days: Monday to Friday
            open: "8:00 AM"
            close: "5:00 PM"
        crisis_lines:
          - name: Crisis Lifeline
            number: "988"
            how: Call or text.
          - name: Emergency
            number: "911"
        contacts:
          - name: Front desk
            phone: 555-0100
        """,
        "rules.yaml": """
        rules:
          - id: be-kind
            title: Be kind
            text: Treat everyone with respect.
            consequence: You will talk with your counselor.
          - id: come-sober
            title: Come sober
            text: |
              Do not use before group.
            can_lead_to_discharge: true
            staff_note: Note the time and who saw it.
        """,
        "faq.yaml": """
        questions:
          - question: How long is the program?
            answer: About ten weeks.
        """,
        "topics.yaml": """
        topics:
          - id: triggers
            title: Triggers
            module: Foundations
            summary: What sets off cravings.
            guide:
              objectives: [Name three triggers]
              materials: [Whiteboard]
              plan: Talk, then practise.
              minutes: 60
          - id: sleep
            title: Sleep
            summary: Why rest helps.
        """,
        "staff.yaml": """
        staff:
          - id: ana-ruiz
            name: Ana Ruiz
            display_name: Ana R.
            role: Counselor
            phone: 555-0111
        """,
        "schedule.yaml": """
        rooms:
          - id: room-a
            name: Room A
        series:
          - id: core
            starts: 2026-01-05
            topics: [triggers, sleep]
        tracks:
          - id: day
            name: Day track
            sessions:
              - id: day-group
                days: [Monday, Wednesday, Friday]
                start: "9:00 AM"
                end: "12:00 PM"
                kind: group
                title: Group
                room: room-a
                facilitator: ana-ruiz
                series: core
        """,
        "pages/welcome.md": """
        ---
        title: Welcome
        order: 10
        summary: Start here.
        ---
        Welcome to the program. See the [rules](rules.md#be-kind).

        ## First steps

        Come in and say hello.

        ## Questions

        Ask any of us.
        """,
    ]

    /// Writes the program into `folder` and returns the content folder's path.
    func write(into folder: String) throws -> String {
        let content = folder + "/Content"
        for (name, text) in files {
            try HandbookKitTests.write(text, to: content + "/" + name)
        }
        return content
    }
}

extension XCTestCase {
    /// Loads a program and returns the diagnostics, for loader tests.
    func loadDiagnostics(_ fixture: ProgramFixture) throws -> (Content?, [Diagnostic]) {
        let folder = try temporaryFolder(self)
        let content = try fixture.write(into: folder)
        let log = DiagnosticLog()
        let loaded = ContentLoader(directory: content).load(log: log)
        // Show paths relative to the content folder, so assertions read like what a user sees.
        let diagnostics = log.sorted.map { diagnostic -> Diagnostic in
            var diagnostic = diagnostic
            diagnostic.location.file = diagnostic.location.file.replacingOccurrences(of: content + "/", with: "")
            return diagnostic
        }
        return (loaded, diagnostics)
    }

    /// A copy of the sample program in a fresh folder (`<folder>/Content`), to edit; returns the folder.
    func copyOfSample() throws -> String {
        let folder = try temporaryFolder(self)
        try FileManager.default.copyItem(atPath: sampleContent, toPath: folder + "/Content")
        return folder
    }

    /// Every diagnostic of `check` on a program, whether it throws (errors) or returns (warnings only).
    func everyDiagnostic(_ fixture: ProgramFixture) throws -> [Diagnostic] {
        let content = try fixture.write(into: try temporaryFolder(self))
        do {
            return try Handbook.check(Handbook.Options(contentDirectory: content, templatesDirectory: defaultTemplates))
        } catch let error as DiagnosticsError {
            return error.diagnostics
        }
    }

    /// Builds a program; returns the output folder.
    @discardableResult
    func build(_ fixture: ProgramFixture, in folder: String? = nil, outputs: [OutputKind] = OutputKind.allCases,
               today: String = "2026-01-07", search: Bool = false) throws -> String {
        let folder = try folder ?? temporaryFolder(self)
        let content = try fixture.write(into: folder)
        let output = folder + "/Public"
        var options = Handbook.Options(contentDirectory: content, templatesDirectory: defaultTemplates,
                                       outputDirectory: output, outputs: outputs)
        options.search = search
        _ = try Handbook.build(options, environment: fixedClock(today))
        return output
    }
}

extension Array where Element == Diagnostic {
    var errors: [Diagnostic] { filter { $0.severity == .error } }
}

/// An environment whose `SOURCE_DATE_EPOCH` is noon UTC of a date, so "this week" is fixed in tests.
func fixedClock(_ date: String) -> [String: String] {
    let day = CalendarDate(date)!
    return ["SOURCE_DATE_EPOCH": String(day.dayNumber * 86400 + 12 * 3600)]
}

/// Options for a program at `content` written to `output`, with the tool's templates and
/// profiles; without the search index unless asked, since most tests do not look at it.
func options(_ content: String, _ output: String, search: Bool = false) -> Handbook.Options {
    var options = Handbook.Options(contentDirectory: content, templatesDirectory: defaultTemplates, outputDirectory: output,
                                   profilesDirectory: packageRoot + "/Profiles")
    options.search = search
    return options
}

/// Links between the built files that lead to no file, as "page -> href", pages relative to
/// the output folder: what a link checker run over the published site would find. Shared by the
/// tests of translations and of the two output folders.
func brokenLinks(in output: String) throws -> [String] {
    var broken: [String] = []
    let href = try NSRegularExpression(pattern: "(?:href|src)=\"([^\"]*)\"")
    for (path, data) in snapshot(output).sorted(by: { $0.key < $1.key }) where path.hasSuffix(".html") {
        let page = String(decoding: data, as: UTF8.self)
        let folder = URL(fileURLWithPath: output + "/" + path).deletingLastPathComponent()
        for match in href.matches(in: page, range: NSRange(page.startIndex..., in: page)) {
            let link = String(page[Range(match.range(at: 1), in: page)!])
            // Other sites, phones, mail, and places on the same page are not files here.
            guard !link.isEmpty, !link.hasPrefix("#"), !link.contains(":") else { continue }
            var target = String(link.prefix { $0 != "#" && $0 != "?" })
            if target.isEmpty { continue }
            if target.hasSuffix("/") { target += "index.html" }
            let file = folder.appendingPathComponent(target).standardizedFileURL.path
            if !FileManager.default.fileExists(atPath: file) { broken.append("\(path) -> \(link)") }
        }
    }
    return broken
}

/// Builds the fixture, then changes its welcome text (not yet built); returns the folder, the
/// content folder (holding the changed program) and the output folder (holding the first build).
func oldBuildAndNewContent(_ test: XCTestCase) throws -> (folder: String, content: String, output: String) {
    let folder = try temporaryFolder(test)
    var fixture = ProgramFixture()
    let content = try fixture.write(into: folder)
    let output = folder + "/Public"
    _ = try Handbook.build(options(content, output), environment: fixedClock("2026-01-07"))
    fixture.files["pages/welcome.md"]! += "\nA NEW SENTENCE.\n"
    _ = try fixture.write(into: folder)
    return (folder, content, output)
}
