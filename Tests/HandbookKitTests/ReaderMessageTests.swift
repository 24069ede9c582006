import XCTest
import Yams
@testable import HandbookKit

/// What a coordinator reads when a key is missing or misspelt, for every kind of block of every
/// data file: the key tables the editor schemas are made from say which keys each block has.
final class ReaderMessageTests: XCTestCase {
    /// A block with every key `table` knows, each holding a valid value; in the block `target`,
    /// without the key `omitted`.
    private func sample(_ table: KeyTable, omitting omitted: String? = nil, in target: KeyTable? = nil,
                        renaming newName: String? = nil) -> Node {
        var pairs: [(Node, Node)] = []
        for entry in table.entries {
            var key = entry.key
            if table === target && entry.key == omitted {
                guard let newName else { continue }
                key = newName
            }
            let value: Node
            switch entry.kind {
            case let .records(child): value = .sequence(Node.Sequence([sample(child, omitting: omitted, in: target, renaming: newName)]))
            case let .block(child): value = sample(child, omitting: omitted, in: target, renaming: newName)
            default: value = entry.kind.sample
            }
            pairs.append((Node(key), value))
        }
        return .mapping(Node.Mapping(pairs))
    }

    private func requiredKeys(_ table: KeyTable) -> [(table: KeyTable, key: String)] {
        table.entries.flatMap { entry -> [(table: KeyTable, key: String)] in
            var found = entry.required ? [(table, entry.key)] : []
            switch entry.kind {
            case let .records(child), let .block(child): found += requiredKeys(child)
            default: break
            }
            return found
        }
    }

    /// Reads `node` with the reader of `kind`, as the loader does; the messages it logs.
    private func messages(reading node: Node, as kind: EditorSchemas.Kind) -> [String] {
        let log = DiagnosticLog()
        let reader = MappingReader(node, noun: kind.describes, file: "test.yaml", log: log)!
        kind.record(reader)
        reader.finish()
        return log.diagnostics.map { $0.message + " (" + $0.hint + ")" }
    }

    func testLeavingOutARequiredKeyNamesItAndCallsNoOtherKeyUnknown() {
        var cases = 0
        for kind in EditorSchemas.kinds {
            let table = KeyTable(noun: kind.describes)
            kind.record(MappingReader(recording: table))
            XCTAssertFalse(messages(reading: sample(table), as: kind).contains { $0.contains("unknown key") }, kind.name)
            for (target, key) in requiredKeys(table) {
                let found = messages(reading: sample(table, omitting: key, in: target), as: kind)
                XCTAssertTrue(found.contains { $0.contains("is missing '\(key)'") }, "\(kind.name): \(key): \(found)")
                XCTAssertFalse(found.contains { $0.contains("unknown key") }, "\(kind.name): without \(key): \(found)")
                cases += 1
            }
        }
        XCTAssertGreaterThan(cases, 40)
    }

    func testAKeyWrittenShortOrMisspeltSuggestsTheMissingKeyItStandsFor() {
        let faq = EditorSchemas.kinds.first { $0.name == "faq" }!
        let table = KeyTable(noun: faq.describes)
        faq.record(MappingReader(recording: table))
        guard case let .records(question)? = table.entries.first(where: { $0.key == "questions" })?.kind else {
            return XCTFail("faq.yaml has no questions")
        }
        for (written, meant) in [("q", "question"), ("a", "answer"), ("answr", "answer"), ("Question", "question")] {
            let found = messages(reading: sample(table, omitting: meant, in: question, renaming: written), as: faq)
            XCTAssertTrue(found.contains("unknown key '\(written)' in question (did you mean '\(meant)'?)"), "\(written): \(found)")
        }
    }

    func testSuggestionsAndTheListOfAllowedKeys() {
        XCTAssertNil(Suggestion.closest(to: "q", in: ["id", "question", "quiet"]))
        XCTAssertEqual(Suggestion.closest(to: "q", in: ["id", "question"]), "question")
        XCTAssertEqual(Suggestion.closest(to: "phoen", in: ["phone", "name"]), "phone")
        let keys = (1...30).map { "key\($0)" }
        XCTAssertTrue(Suggestion.hint(for: "zzzzzz", in: keys).hasSuffix(" and 6 more"))
        let program = ["name", "short_name", "edition", "edition_date", "language", "translations", "time_zone", "address",
                       "phone", "after_hours_phone", "email", "website", "hours", "crisis_lines", "contacts",
                       "allow_raw_html", "reading_grade_limit", "compliance", "sections"]
        let hint = Suggestion.hint(for: "zzzzzz", in: program)
        for key in program { XCTAssertTrue(hint.contains("'\(key)'"), key) }
    }
}

/// Messages and links a coordinator meets outside the data files' keys.
final class CoordinatorMessageTests: XCTestCase {
    func testABlockWrittenAsAValueSaysHowToWriteIt() {
        let log = DiagnosticLog()
        let node = Node.mapping(Node.Mapping([(Node("hours"), .sequence(Node.Sequence([Node("Monday 9 to 5")])))]))
        let reader = MappingReader(node, noun: "program.yaml", file: "program.yaml", log: log)!
        _ = ProgramLoader.read(reader)
        XCTAssertTrue(log.diagnostics.map(\.message).contains("each hours entry should be written as 'key: value' lines, but this is a single value"))
    }

    func testATitleRepeatedAsTheFirstHeadingIsToBeDeletedNotMovedDown() throws {
        var fixture = ProgramFixture()
        fixture.files["pages/welcome.md"] = "---\ntitle: Welcome\n---\n\n# Welcome\n\nHello.\n\n# Other part\n\nMore.\n"
        let output = try temporaryFolder(self)
        let content = try fixture.write(into: output)
        let diagnostics = try Handbook.check(options(content, output + "/Public"))
        let hints = diagnostics.filter { $0.message.contains("is a top-level heading") }.map(\.hint)
        XCTAssertEqual(hints, ["delete this line: the title from the front matter ('title: Welcome') is already shown at the top of the page",
                               "use '## Other part' (it is shown as a second-level heading)"])
    }

    func testAWeekThatDoesNotExistSaysWhy() {
        XCTAssertEqual(ISOWeek.problem(with: "2027-W53"), "2027 has 52 weeks, so there is no 2027-W53 (the last week is 2027-W52)")
        XCTAssertNil(ISOWeek.problem(with: "2026-W53"))
        XCTAssertNil(ISOWeek.problem(with: "next week"))
        XCTAssertNotNil(ISOWeek("2026-W53"))
    }

    func testAPhoneExtensionIsDialledAfterAPauseNotRunIntoTheNumber() {
        XCTAssertEqual(SiteContext.tel("555-0199 ext. 12"), "tel:5550199,12")
        XCTAssertEqual(SiteContext.tel("555-0199 x12"), "tel:5550199,12")
        XCTAssertEqual(SiteContext.tel("+1 (555) 0199 extension 7"), "tel:+15550199,7")
        XCTAssertEqual(SiteContext.tel("988"), "tel:988")
        XCTAssertEqual(SiteContext.tel("Text 988"), "tel:988")
        XCTAssertEqual(SiteContext.tel("555-0100"), "tel:5550100")
    }
}
