import Foundation
import XCTest
@testable import HandbookKit

/// Hostile and broken input: nothing crashes or hangs, and every bad input gets a diagnostic.
final class RobustnessTests: XCTestCase {
    /// A small seeded generator, so a failure can be replayed.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Fails when one input takes longer than a generous bound: a hang, not a speed measurement.
    private func bounded<T>(_ label: String, seconds: Double = 10, _ work: () throws -> T) rethrows -> T {
        let started = Date()
        let result = try work()
        XCTAssertLessThan(Date().timeIntervalSince(started), seconds, "\(label) took too long")
        return result
    }

    /// Random text built from pieces that matter to the parsers, plus random bytes.
    private func randomInput(_ rng: inout SplitMix64) -> String {
        let pieces = ["---\n", "title: ", ": ", "- ", "  ", "\n", "\r\n", "\u{FEFF}", "[", "]", "{", "}", "&a ", "*a", "|",
                      "```staff\n", "```\n", "~~~", "# ", "|---|", "<script>", "](x.md#", "![", "\"", "'", "\t", "é", "\u{0}", "%",
                      "rules:", "id: ", "text: ", "questions:", "> ", "1. ", "**", "_", "\\", "<!--", "-->"]
        var text = ""
        for _ in 0..<Int.random(in: 1...120, using: &rng) {
            if Bool.random(using: &rng) {
                text += pieces.randomElement(using: &rng)!
            } else {
                let bytes = (0..<Int.random(in: 1...8, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
                text += String(decoding: bytes, as: UTF8.self)
            }
        }
        return text
    }

    func testRandomInputNeverCrashesTheFrontMatterSplitterTheLoadersOrTheRenderer() {
        var rng = SplitMix64(state: 20261125)
        for round in 0..<400 {
            let text = randomInput(&rng)
            bounded("round \(round)") {
                let log = DiagnosticLog()
                _ = FrontMatter.split(text)
                _ = PageLoader.read(text: text, file: "pages/fuzz.md", fileName: "fuzz.md", log: log)
                if let root = YAMLFile.parse(text, file: "rules.yaml", log: log),
                   let reader = MappingReader(root, noun: "rules.yaml", file: "rules.yaml", log: log) {
                    _ = DataLoaders.rules(reader)
                    _ = ScheduleLoader.read(reader)
                    reader.finish()
                }
                for audience in Audience.allCases {
                    let document = MarkdownDocument(MarkdownSource(text, origin: SourceLocation(file: "p.md", line: 1, column: 1)),
                                                    audience: audience)
                    _ = document.html(idPrefix: "x--", headingShift: 1) { $0 + "?" }
                    _ = document.plainText
                }
                _ = StaffBlocks.removing(from: MarkdownSource(text, origin: SourceLocation(file: "p.md")))
            }
        }
    }

    func testEveryBadPageGetsADiagnostic() {
        var rng = SplitMix64(state: 7)
        for _ in 0..<200 {
            let text = randomInput(&rng)
            let log = DiagnosticLog()
            if PageLoader.read(text: text, file: "p.md", fileName: "p.md", log: log) == nil {
                XCTAssertTrue(log.hasErrors, "a page that does not load must say why: \(text.debugDescription)")
            }
        }
    }

    func testInvalidUTF8IsReportedNotCrashed() throws {
        var fixture = ProgramFixture()
        fixture.files["faq.yaml"] = nil
        let folder = try temporaryFolder(self)
        let content = try fixture.write(into: folder)
        try Data([0x71, 0x75, 0x65, 0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: content + "/faq.yaml"))
        try Data([0x2D, 0x2D, 0x2D, 0x0A, 0xC3, 0x28]).write(to: URL(fileURLWithPath: content + "/pages/bad.md"))
        let log = DiagnosticLog()
        _ = ContentLoader(directory: content).load(log: log)
        let messages = log.sorted.map { "\(($0.location.file as NSString).lastPathComponent): \($0.message)" }
        XCTAssertTrue(messages.contains("faq.yaml: the file is not UTF-8 text"), "\(messages)")
        XCTAssertTrue(messages.contains("bad.md: the file is not UTF-8 text"), "\(messages)")
    }

    func testByteOrderMarkAndCRLFInDataFiles() throws {
        var fixture = ProgramFixture()
        fixture.files["rules.yaml"] = "\u{FEFF}" + fixture.files["rules.yaml"]!.replacingOccurrences(of: "\n", with: "\r\n")
        fixture.files["pages/welcome.md"] = "\u{FEFF}" + fixture.files["pages/welcome.md"]!.replacingOccurrences(of: "\n", with: "\r\n")
        let (content, diagnostics) = try loadDiagnostics(fixture)
        XCTAssertEqual(diagnostics.errors, [])
        XCTAssertEqual(content?.rules.count, 2)
        XCTAssertEqual(content?.pages.first?.title, "Welcome")
    }

    func testDeepNestingIsRefusedOrRenderedNotCrashed() throws {
        var fixture = ProgramFixture()
        fixture.files["rules.yaml"] = "rules: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
        let (_, diagnostics) = try bounded("deep YAML") { try loadDiagnostics(fixture) }
        XCTAssertTrue(diagnostics.contains { $0.location.file == "rules.yaml" && $0.message.contains("nesting") }, "\(diagnostics)")

        let deepMarkdown = String(repeating: "> ", count: 5_000) + "quote\n\n" + String(repeating: "- ", count: 5_000) + "item\n\n"
            + String(repeating: "*", count: 20_000) + "x" + String(repeating: "[", count: 50_000) + "\n"
        bounded("deep Markdown") {
            let document = MarkdownDocument(MarkdownSource(deepMarkdown, origin: SourceLocation(file: "p.md", line: 1, column: 1)),
                                            audience: .everyone)
            XCTAssertTrue(document.html().contains("item"))
        }
    }

    func testAYAMLAliasBombDoesNotBlowUp() throws {
        var lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
        for (index, name) in "bcdefghi".enumerated() {
            let previous = "abcdefghi".map(String.init)[index]
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]")
        }
        lines.append("questions: *i")
        var fixture = ProgramFixture()
        fixture.files["faq.yaml"] = lines.joined(separator: "\n") + "\n"
        let (_, diagnostics) = try bounded("alias bomb") { try loadDiagnostics(fixture) }
        XCTAssertTrue(diagnostics.contains { $0.location.file == "faq.yaml" && $0.message.contains("unknown key 'a'") })
        XCTAssertTrue(diagnostics.contains { $0.location.file == "faq.yaml" && $0.message.contains("each question should be written as 'key: value' lines") })
    }

    func testAFiveMegabytePageBuilds() throws {
        let paragraph = "Clients come to group three times a week. See the [rules](rules.md) and ~~old~~ new text.\n\n"
        let table = "| Day | Time |\n|---|---|\n| Monday | 9:00 AM |\n\n"
        var body = ""
        var section = 0
        while body.utf8.count < 5_000_000 {
            section += 1
            body += "## Section \(section)\n\n" + String(repeating: paragraph, count: 40) + table
        }
        var fixture = ProgramFixture()
        fixture.files["pages/huge.md"] = "---\ntitle: Huge\n---\n" + body
        let output = try bounded("5 MB page", seconds: 60) { try build(fixture, outputs: [.handbook]) }
        let page = try read(output + "/handbook/huge.html")
        XCTAssertTrue(page.contains("id=\"section-\(section)\""))
    }
}
