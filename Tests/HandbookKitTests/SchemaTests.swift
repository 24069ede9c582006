import Foundation
import XCTest
@testable import HandbookKit

/// Runs PyPI's `check-jsonschema` (a validator we did not write): status 0 when every file
/// validates, 1 when one does not.
func checkJSONSchema(_ arguments: [String]) throws -> (status: Int32, report: String) {
    let (status, report) = try runOnPath(["python3", "-m", "check_jsonschema"] + arguments)
    if report.contains("No module named check_jsonschema") {
        XCTFail("check-jsonschema is not installed: scripts/install-system-deps installs it")
    }
    return (status, report)
}

/// `handbook schema` and the schema lines `init` writes: the schemas are checked with a validator
/// we did not write (PyPI `check-jsonschema`), on the sample program, on the `init` program, and on
/// mistakes that `handbook check` reports.
final class SchemaTests: XCTestCase {
    private func assertValid(_ files: [String], against schema: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try checkJSONSchema(["--schemafile", schema] + files)
        XCTAssertEqual(result.status, 0, result.report, file: file, line: line)
    }

    private func writeSchemas() throws -> String {
        let folder = try temporaryFolder(self) + "/schemas"
        XCTAssertEqual(try EditorSchemas.write(to: folder).count, 12)
        return folder
    }

    func testEverySchemaIsValidJSONSchema() throws {
        let folder = try writeSchemas()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        let result = try checkJSONSchema(["--check-metaschema"] + names.map { folder + "/" + $0 })
        XCTAssertEqual(result.status, 0, result.report)
        for name in names {
            let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))) as? [String: Any]
            XCTAssertEqual(schema?["$schema"] as? String, "https://json-schema.org/draft/2020-12/schema", name)
        }
    }

    /// The schemas are written without Foundation's JSON writer (too slow for a check made by
    /// every build), in its exact format, so that the files programs have still match.
    func testSchemasAreWrittenByteForByteAsFoundationWritesThem() throws {
        func foundation(_ value: [String: Any]) throws -> String {
            let data = try JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self) + "\n"
        }
        let documents = EditorSchemas.documents()
        XCTAssertEqual(documents.count, EditorSchemas.files().count)
        for (name, schema) in documents {
            XCTAssertEqual(EditorSchemas.json(schema), try foundation(schema), name)
        }
        let awkward: [String: Any] = [
            "a_b": 1, "aB": 2, "ab2": 3, "ab10": 4, "Ab": 5, "$s": 6, "item007": 7, "item7x": 8, "ab": -9,
            "empty": [Any](), "none": [String: Any](), "flag": false, "nested": ["z": [true, "two", 3], "Y": ["x": "y"]] as [String: Any],
            "text": "a/b \"quoted\" back\\slash\nnew\ttab\r\u{1}\u{1F} é ✓ 🙂",
        ]
        XCTAssertEqual(EditorSchemas.json(awkward), try foundation(awkward))
    }

    func testTheSchemasAreTheSameBytesOnEveryRun() {
        XCTAssertEqual(EditorSchemas.files().map(\.text), EditorSchemas.files().map(\.text))
    }

    func testTheSampleProgramsSchemasAreThoseThisVersionWrites() throws {
        for schema in EditorSchemas.files() {
            XCTAssertEqual(try read(sampleContent + "/schemas/" + schema.name), schema.text,
                           "run: swift run handbook schema Content/schemas")
        }
    }

    func testTheSampleProgramValidates() throws {
        let schemas = try writeSchemas()
        for name in ["program", "rules", "faq", "topics", "staff", "schedule"] {
            try assertValid([sampleContent + "/\(name).yaml"], against: schemas + "/\(name).schema.json")
        }
        let translations = sampleContent + "/translations/es"
        for name in ["program", "rules", "faq", "topics", "phrases"] {
            try assertValid([translations + "/\(name).yaml"], against: schemas + "/translation-\(name).schema.json")
        }
        let profiles = try FileManager.default.contentsOfDirectory(atPath: packageRoot + "/Profiles").filter { $0.hasSuffix(".yaml") }
        XCTAssertFalse(profiles.isEmpty)
        try assertValid(profiles.map { packageRoot + "/Profiles/" + $0 }, against: schemas + "/profile.schema.json")
    }

    /// Every key in the docs' key tables is in the schema of its file, and every key of every
    /// schema is explained somewhere in docs/.
    func testEveryDocumentedKeyIsInItsSchemaAndEverySchemaKeyIsDocumented() throws {
        var schemaKeys: [String: Set<String>] = [:]
        for file in EditorSchemas.files() {
            let json = try JSONSerialization.jsonObject(with: Data(file.text.utf8))
            schemaKeys[String(file.name.dropLast(".schema.json".count))] = propertyNames(json)
        }
        var documented: [(schema: String, key: String)] = []
        // docs/content-model.md: under "## rules.yaml", the tables whose header starts "| Key".
        var section = "", inKeyTable = false
        for line in try read(packageRoot + "/docs/content-model.md").split(separator: "\n") {
            if line.hasPrefix("## ") { section = String(line.dropFirst(3)) }
            if line.hasPrefix("| Key") { inKeyTable = true; continue }
            if !line.hasPrefix("|") { inKeyTable = false }
            guard inKeyTable, section.hasSuffix(".yaml"), let key = firstCodeSpan(line.split(separator: "|").first ?? "") else { continue }
            documented.append((String(section.dropLast(".yaml".count)), key))
        }
        // docs/translations.md: "| `rules.yaml` (under `rules:`) | `id`, `title`, ... |".
        for line in try read(packageRoot + "/docs/translations.md").split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2, cells[0].contains("(under"), let file = firstCodeSpan(Substring(cells[0])) else { continue }
            for key in codeSpans(cells[1]) {
                documented.append(("translation-" + file.replacingOccurrences(of: ".yaml", with: ""), key.replacingOccurrences(of: ":", with: "")))
            }
        }
        XCTAssertGreaterThan(documented.count, 80)
        for (schema, key) in documented {
            XCTAssertTrue(schemaKeys[schema]?.contains(key) ?? false, "'\(key)' is documented for \(schema).yaml but is not in its schema")
        }
        let docs = try FileManager.default.contentsOfDirectory(atPath: packageRoot + "/docs")
            .map { try read(packageRoot + "/docs/" + $0) }.joined()
        for (schema, keys) in schemaKeys {
            for key in keys.sorted() where !docs.contains("`\(key)") {
                XCTFail("'\(key)' of \(schema).schema.json is not explained in docs/")
            }
        }
    }

    private func propertyNames(_ json: Any) -> Set<String> {
        var names: Set<String> = []
        if let object = json as? [String: Any] {
            if let properties = object["properties"] as? [String: Any] { names.formUnion(properties.keys) }
            for value in object.values { names.formUnion(propertyNames(value)) }
        } else if let array = json as? [Any] {
            for value in array { names.formUnion(propertyNames(value)) }
        }
        return names
    }

    private func codeSpans(_ text: String) -> [String] {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    private func firstCodeSpan(_ text: Substring) -> String? { codeSpans(String(text)).first }

    func testInitWritesTheSchemasAndNamesOneOnTheFirstLineOfEachDataFile() throws {
        let folder = try temporaryFolder(self) + "/program"
        try ProgramScaffold.write(to: folder, programName: "Test")
        for name in ["program", "rules", "faq", "topics", "staff", "schedule"] {
            let text = try read(folder + "/\(name).yaml")
            XCTAssertTrue(text.hasPrefix("# yaml-language-server: $schema=schemas/\(name).schema.json\n"), name)
            XCTAssertEqual(try read(folder + "/schemas/\(name).schema.json"),
                           EditorSchemas.files().first { $0.name == "\(name).schema.json" }?.text)
        }
        XCTAssertEqual(ProgramScaffold.schemaLine(for: "translations/es/rules.yaml"),
                       "# yaml-language-server: $schema=../../schemas/translation-rules.schema.json\n")
        XCTAssertEqual(ProgramScaffold.schemaLine(for: "profiles/state.yaml"),
                       "# yaml-language-server: $schema=../schemas/profile.schema.json\n")
        XCTAssertTrue(try read(folder + "/.vscode/extensions.json").contains("redhat.vscode-yaml"))
    }

    func testCheckSaysWhenTheProgramsSchemasAreFromAnotherVersion() throws {
        let folder = try temporaryFolder(self) + "/program"
        try ProgramScaffold.write(to: folder, programName: "Test")
        let schema = folder + "/schemas/rules.schema.json"
        try write(try read(schema).replacingOccurrences(of: "\"titel\"", with: "\"title\"")
            .replacingOccurrences(of: "\"title\" :", with: "\"titel\" :"), to: schema)
        let log = DiagnosticLog()
        _ = ContentLoader(directory: folder).load(log: log)
        XCTAssertEqual(log.sorted.map(\.message), ["these editor schemas were written by another version of handbook: rules.schema.json"])
        XCTAssertEqual(log.sorted.first?.location.file, folder + "/schemas")

        _ = try EditorSchemas.write(to: folder + "/schemas")
        let again = DiagnosticLog()
        _ = ContentLoader(directory: folder).load(log: again)
        XCTAssertEqual(again.sorted, [])
    }

    func testTheInitProgramValidatesAsWrittenAndWithEveryExampleInUse() throws {
        let folder = try temporaryFolder(self) + "/program"
        try ProgramScaffold.write(to: folder, programName: "Test")
        for name in ["program", "rules", "faq", "topics", "staff", "schedule"] {
            try assertValid([folder + "/\(name).yaml"], against: folder + "/schemas/\(name).schema.json")
            try write(uncommentingExamples(try read(folder + "/\(name).yaml")), to: folder + "/\(name).yaml")
            try assertValid([folder + "/\(name).yaml"], against: folder + "/schemas/\(name).schema.json")
        }
    }
}
