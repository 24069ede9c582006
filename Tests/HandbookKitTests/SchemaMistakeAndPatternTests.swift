import Foundation
import XCTest
import Yams
@testable import HandbookKit

// The schemas agree with the loader: on the mistakes `handbook check` reports, and on the values
// its parsers accept. `checkJSONSchema` is in SchemaTests.swift.

/// Mistakes that `handbook check` reports, made in the `init` program: the schema rejects each too.
final class SchemaMistakeTests: XCTestCase {
    struct Mistake {
        let file: String
        let find: String
        let replace: String
    }

    static let mistakes: [Mistake] = [
        Mistake(file: "rules.yaml", find: "    title: Be on time", replace: "    titel: Be on time"),
        Mistake(file: "rules.yaml", find: "can_lead_to_discharge: true", replace: "can_lead_to_discharge: maybe"),
        Mistake(file: "rules.yaml", find: "- id: be-on-time", replace: "- id: Be on time"),
        Mistake(file: "schedule.yaml", find: "start: \"10:15 AM\"", replace: "start: \"25:15\""),
        Mistake(file: "schedule.yaml", find: "days: [Monday, Wednesday, Friday]\n        start: \"10:00 AM\"",
                replace: "days: [Monday, Funday, Friday]\n        start: \"10:00 AM\""),
        Mistake(file: "schedule.yaml", find: "kind: group\n", replace: "kind: lecture\n"),
        Mistake(file: "schedule.yaml", find: "capacity: 12                     # STAFF ONLY: seats", replace: "capacity: 0"),
        Mistake(file: "schedule.yaml", find: "longest_gap_minutes: 30", replace: "longest_gap_minutes: half an hour"),
        Mistake(file: "program.yaml", find: "edition_date: 2026-01-05", replace: "edition_date: 2026-13-05"),
        Mistake(file: "program.yaml", find: "language: en ", replace: "language: English "),
        Mistake(file: "program.yaml", find: "phone: 555-0100                      # required: main phone\n", replace: ""),
        Mistake(file: "program.yaml", find: "time_zone: America/Chicago", replace: "time_zone: Central Time"),
        Mistake(file: "program.yaml", find: "    close: \"5:00 PM\"", replace: "    close: 5 o'clock"),
        Mistake(file: "faq.yaml", find: "answer: |                        # required: Markdown\n      Most people take part for eight to twelve weeks.",
                replace: "answer:\n      - Most people take part for eight to twelve weeks."),
        Mistake(file: "topics.yaml", find: "minutes: 60", replace: "minutes: 900"),
        Mistake(file: "staff.yaml", find: "\nstaff:\n", replace: "\npeople:\n"),
    ]

    func testEachMistakeIsReportedByCheckAndRejectedByTheSchema() throws {
        XCTAssertGreaterThanOrEqual(Self.mistakes.count, 10)
        for mistake in Self.mistakes {
            let folder = try temporaryFolder(self) + "/program"
            try ProgramScaffold.write(to: folder, programName: "Test")
            let path = folder + "/" + mistake.file
            let original = try read(path)
            XCTAssertTrue(original.contains(mistake.find), "the init program has no '\(mistake.find)' in \(mistake.file)")
            try write(original.replacingOccurrences(of: mistake.find, with: mistake.replace), to: path)

            let log = DiagnosticLog()
            _ = ContentLoader(directory: folder).load(log: log)
            XCTAssertFalse(log.sorted.errors.isEmpty, "check accepts the mistake '\(mistake.replace)' in \(mistake.file)")

            let schema = folder + "/schemas/" + mistake.file.replacingOccurrences(of: ".yaml", with: ".schema.json")
            XCTAssertEqual(try checkJSONSchema(["--schemafile", schema, path]).status, 1,
                           "the schema accepts the mistake '\(mistake.replace)' in \(mistake.file)")
        }
    }
}

/// The schemas' patterns accept exactly what the loader's parsers accept, on many inputs.
final class SchemaPatternTests: XCTestCase {
    private func matches(_ pattern: String, _ text: String) -> Bool {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    private func assertAgree(_ pattern: String, _ inputs: [String], parser: (String) -> Bool,
                             file: StaticString = #filePath, line: UInt = #line) {
        var accepted = 0
        for input in inputs {
            let parsed = parser(input)
            if parsed { accepted += 1 }
            XCTAssertEqual(matches(pattern, input), parsed, "'\(input)'", file: file, line: line)
        }
        // Both answers must occur, or the comparison says nothing.
        XCTAssertGreaterThan(accepted, 10, file: file, line: line)
        XCTAssertLessThan(accepted, inputs.count - 10, file: file, line: line)
    }

    func testTimes() {
        var inputs: [String] = []
        for hour in ["0", "00", "1", "09", "9", "12", "13", "19", "23", "24", "123", "", "x"] {
            for minute in ["", ":00", ":30", ":5", ":59", ":60", ":", ":005"] {
                for suffix in ["", " AM", "am", " p.m.", "PM ", " a.m", " pm.", " Am"] {
                    inputs.append(hour + minute + suffix)
                    inputs.append(" " + hour + minute + suffix + " ")
                }
            }
        }
        assertAgree(ValuePatterns.time, inputs + ["+9 AM", "٩:00", "9:3O"]) { TimeOfDay($0) != nil }
    }

    func testDays() {
        var inputs: [String] = []
        for day in Weekday.allCases.map(\.name) + ["Funday", "Mo", "T", ""] {
            for length in [2, 3, 5, day.count] where length <= day.count {
                let prefix = String(day.prefix(length))
                inputs += [prefix, prefix.uppercased(), prefix.lowercased(), " \(prefix) ", "\(prefix)s"]
                inputs += ["\(prefix), Friday", "Monday,\(prefix)", "\(prefix),,Tue,", "\(prefix), ,Tue"]
            }
        }
        assertAgree(ValuePatterns.weekdays, inputs) { text in
            let parts = Weekday.parts(of: text)
            return !parts.isEmpty && parts.allSatisfy { $0.day != nil }
        }
    }

    func testDates() {
        var inputs = ["2026-+1-01", "2026/01/01", "２０２６-01-01", ""]
        for year in ["2026", "2024", "226", "20266"] {
            for month in ["01", "02", "1", "09", "11", "12", "13", "00"] {
                for day in ["01", "1", "09", "10", "28", "29", "30", "31", "32", "00"] { inputs.append("\(year)-\(month)-\(day)") }
            }
        }
        var accepted = 0
        for text in inputs {
            let parsed = CalendarDate(text) != nil
            if parsed { accepted += 1 }
            // The pattern cannot know the length of each month (2026-02-30): check says that.
            let impossibleDay = text.hasSuffix("-29") || text.hasSuffix("-30") || text.hasSuffix("-31")
            if parsed || !impossibleDay { XCTAssertEqual(matches(ValuePatterns.date, text), parsed, text) }
        }
        XCTAssertGreaterThan(accepted, 40)
    }

    func testIdsAndLanguageTags() {
        let words = ["a", "ab", "come-sober", "Come", "-a", "a-", "a--b", "a_b", "a b", "é", "9", "es", "es-US", "zh-Hans",
                     "english", "e", "es-", "es-u", "es-419", "ES", "vi", "abcd", "es-abcdefghi", "es-US-x1"]
        assertAgree(ValuePatterns.identifier, words + words.map { $0 + "1" } + ["", "1-2", "ü"]) { Identifier.isValid($0) }
        assertAgree(ValuePatterns.languageTag, words + words.map { $0 + "-CA" }) { ProgramLoader.isLanguageTag($0) }
    }

    func testTrueAndFalse() {
        let words = ["true", "True", "TRUE", "tRuE", "yes", "on", "ON", "false", "no", "off", "Off", "y", "1", "truth", "nope", ""]
        let reader = { (text: String) -> Bool in
            let log = DiagnosticLog()
            let node = Node.mapping(Node.Mapping([(Node("key"), Node(text))]))
            return MappingReader(node, noun: "test", file: "test.yaml", log: log)?.bool("key") != nil
        }
        for word in words { XCTAssertEqual(matches(ValuePatterns.trueFalseWords, word), reader(word), word) }
    }
}
