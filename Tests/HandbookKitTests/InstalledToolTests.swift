import Foundation
import XCTest
@testable import HandbookKit

/// The tool works on a program folder anywhere: templates, interface strings and compliance
/// profiles are built into it, and a program overrides single ones.
final class InstalledToolTests: XCTestCase {
    /// Options with nothing from this repository: the built-in templates and profiles.
    private func standalone(_ content: String, _ output: String) -> Handbook.Options {
        var options = Handbook.Options(contentDirectory: content, outputDirectory: output)
        options.search = false
        return options
    }

    func testAnInitProgramChecksAndBuildsWithNothingButTheTool() throws {
        let folder = try temporaryFolder(self)
        try ProgramScaffold.write(to: folder + "/program", programName: "Riverside IOP")
        XCTAssertEqual(try Handbook.check(standalone(folder + "/program", folder + "/program/Public")), [])
        _ = try Handbook.build(standalone(folder + "/program", folder + "/program/Public"), environment: fixedClock("2026-01-07"))
        XCTAssertTrue(try read(folder + "/program/Public/handbook/index.html").contains("Riverside IOP"))
        XCTAssertEqual(try read(folder + "/program/.gitignore"), "/Public/\n")
    }

    func testTheSampleChecksWithTheBuiltInProfile() throws {
        let folder = try copyOfSample()
        let prepared = try Handbook.prepare(standalone(folder + "/Content", folder + "/Public"))
        XCTAssertEqual(prepared.compliance?.profile.id, "asam-2.1-adult")
    }

    /// The built-in templates are this repository's Templates/, every byte: the embedding at
    /// build time is complete and up to date.
    func testTemplatesExportWritesExactlyTheRepositorysTemplates() throws {
        let folder = try temporaryFolder(self) + "/look"
        try BuiltInTemplates.export(to: folder)
        XCTAssertEqual(snapshot(folder), snapshot(defaultTemplates))
        XCTAssertThrowsError(try BuiltInTemplates.export(to: folder), "export never overwrites")
    }

    func testAProgramOverridingOneTemplateAndOneProfileUsesItsOwnAndTheBuiltInRest() throws {
        let folder = try copyOfSample()
        let content = folder + "/Content"
        let footer = try read(defaultTemplates + "/footer.mustache")
        try write(footer.replacingOccurrences(of: "<footer", with: "<footer data-own=\"OWN-FOOTER\""),
                  to: content + "/templates/footer.mustache")
        let profile = try read(packageRoot + "/Profiles/asam-2.1-adult.yaml")
        let renamed = profile.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasPrefix("name:") ? "name: Our own reading of ASAM 2.1" : String($0)
        }.joined(separator: "\n")
        try write(renamed, to: content + "/profiles/asam-2.1-adult.yaml")
        let options = standalone(content, folder + "/Public")
        XCTAssertEqual(try Handbook.prepare(options).compliance?.profile.name, "Our own reading of ASAM 2.1")
        _ = try Handbook.build(options, environment: fixedClock("2026-01-07"))
        let page = try read(folder + "/Public/handbook/rules.html")
        XCTAssertTrue(page.contains("OWN-FOOTER"), "the program's footer")
        let builtInHeader = try read(defaultTemplates + "/header.mustache")
        XCTAssertTrue(builtInHeader.contains("crisis"), "the test looks for the built-in header's crisis strip")
        XCTAssertTrue(page.contains("crisis"), "the built-in header")
    }
}
