import Foundation
import XCTest
@testable import HandbookKit

/// `handbook check`: one diagnostic per mistake, each at its line, all in one run.
final class CheckTests: XCTestCase {
    func testOneDiagnosticPerMistakeInOneRun() throws {
        var fixture = ProgramFixture()
        fixture.files["faq.yaml"] = "questions:\n  - question: \"Unclosed\n    answer: x\n"          // syntax: line 4
        fixture.files["rules.yaml"] = """
        rules:
          - id: be-kind
            title: Be kind
            txt: Be kind.
            text: Treat everyone with respect.
          - id: be-kind
            title: Again
            text: Twice.
        """                                                                                    // unknown key: 4, duplicate id: 6
        fixture.files["staff.yaml"] = """
        staff:
          - id: ana-ruiz
            name: Ana Ruiz
            role: Counselor
            phone: [555-0111, 555-0112]
        """                                                                                    // wrong type: 5
        fixture.files["topics.yaml"] = """
        topics:
          - id: triggers
            summary: What sets off cravings.
          - id: sleep
            title: Sleep
            summary: Why rest helps.
        """                                                                                    // missing title: 2
        fixture.files["schedule.yaml"] = fixture.files["schedule.yaml"]!
            .replacingOccurrences(of: "facilitator: ana-ruiz", with: "facilitator: ana-ruis") // unknown staff: 19
            .replacingOccurrences(of: "topics: [triggers, sleep]", with: "topics: [sleep]")
        fixture.files["pages/welcome.md"] = """
        ---
        title: Welcome
        order: ten
        ---
        See [rules](rules.md#be-nice) and [attendance](attendance.md).

        ![](images/map.png)
        """                                                                                    // order: 3, anchor: 5, page: 5, image: 7 (missing file, no alt)
        let folder = try temporaryFolder(self)
        let content = try fixture.write(into: folder)
        try write("png", to: content + "/images/map.png")
        let diagnostics: [Diagnostic]
        do {
            _ = try Handbook.check(Handbook.Options(contentDirectory: content, templatesDirectory: defaultTemplates))
            return XCTFail("check should fail")
        } catch let error as DiagnosticsError {
            diagnostics = error.diagnostics
        }
        let found = diagnostics.map { "\(($0.location.file as NSString).lastPathComponent):\($0.location.line) \($0.message)" }
        let expected = [
            "faq.yaml:4": "YAML syntax",
            "rules.yaml:4": "unknown key 'txt' in rule",
            "rules.yaml:6": "the rule id 'be-kind' is used twice (first at line 2)",
            "staff.yaml:5": "'phone' should be text, found a list",
            "topics.yaml:2": "topic is missing 'title'",
            "schedule.yaml:19": "unknown staff member 'ana-ruis'",
            "welcome.md:3": "'order' should be a whole number, found 'ten'",
            "welcome.md:5": "'rules.md#be-nice' links to '#be-nice'",
            "welcome.md:7": "the image 'images/map.png' has no alt text",
        ]
        for (place, message) in expected {
            XCTAssertEqual(found.filter { $0.hasPrefix(place + " ") && $0.contains(message) }.count, 1, "\(place) \(message) in \(found)")
        }
        XCTAssertTrue(found.contains { $0.hasPrefix("welcome.md:5 'attendance.md' links to a page that does not exist") }, "\(found)")
        XCTAssertEqual(diagnostics.count, expected.count + 1, "one diagnostic per mistake: \(found)")

        let json = try JSONSerialization.jsonObject(with: Data(DiagnosticReport.json(diagnostics).utf8)) as? [String: Any]
        XCTAssertEqual(json?["errors"] as? Int, diagnostics.count)
        let first = (json?["diagnostics"] as? [[String: Any]])?.first
        XCTAssertNotNil(first?["line"] as? Int)
        XCTAssertNotNil(first?["hint"] as? String)
    }

    func testReadabilityScores() {
        let simple = ReadabilityChecker.score("Come to group. Be on time. Call us if you are sick.")
        XCTAssertEqual(simple.sentences, 3)
        XCTAssertEqual(simple.words, 12)
        XCTAssertLessThan(simple.grade, 3)
        let dense = ReadabilityChecker.score("Notwithstanding the aforementioned considerations, participants demonstrating persistent noncompliance with established attendance expectations may experience administrative discharge proceedings.")
        XCTAssertGreaterThan(dense.grade, 16)
        XCTAssertEqual(ReadabilityChecker.syllables(in: "table"), 2)
        XCTAssertEqual(ReadabilityChecker.syllables(in: "make"), 1)
        XCTAssertEqual(ReadabilityChecker.syllables(in: "counselor"), 3)
    }

    func testHardPagesGetAReadabilityWarningAboveTheCeiling() throws {
        var fixture = ProgramFixture()
        let hard = String(repeating: "Participants demonstrating persistent noncompliance with established attendance expectations may experience administrative discharge proceedings. ", count: 6)
        fixture.files["pages/hard.md"] = "---\ntitle: Hard\n---\n" + hard + "\n"
        let folder = try temporaryFolder(self)
        let content = try fixture.write(into: folder)
        let diagnostics = try Handbook.check(Handbook.Options(contentDirectory: content, templatesDirectory: defaultTemplates))
        let warning = try XCTUnwrap(diagnostics.first { $0.message.contains("'Hard' reads at grade") })
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertTrue(warning.location.file.hasSuffix("pages/hard.md"))
        XCTAssertFalse(diagnostics.contains { $0.message.contains("'Welcome' reads at grade") })
    }

    func testTheSampleProgramChecksClean() throws {
        // On a fixed day: the sample's policy reviews fall due as real time passes.
        let diagnostics = try Handbook.check(Handbook.Options(contentDirectory: sampleContent, templatesDirectory: defaultTemplates,
                                                              profilesDirectory: packageRoot + "/Profiles"),
                                             environment: fixedClock("2026-12-06"))
        // Only the holiday weeks may fall below the weekly minimum: an accepted step-down.
        XCTAssertEqual(diagnostics.filter { !$0.message.contains("because of closures") }, [])
        XCTAssertEqual(diagnostics.errors, [])
    }

    func testRefusesANonEmptyFolderItDidNotCreateUnlessForced() throws {
        let folder = try temporaryFolder(self)
        let content = try ProgramFixture().write(into: folder)
        let output = folder + "/site"
        try write("someone's work", to: output + "/notes.txt")
        let options = Handbook.Options(contentDirectory: content, templatesDirectory: defaultTemplates, outputDirectory: output)
        XCTAssertThrowsError(try Handbook.build(options)) { error in
            XCTAssertTrue("\(error)".contains("--force"), "\(error)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output), ["notes.txt"])
        var forced = options
        forced.force = true
        _ = try Handbook.build(forced)
        _ = try Handbook.build(options) // the folder is marked now
        XCTAssertEqual(try read(output + "/notes.txt"), "someone's work")
    }
}
