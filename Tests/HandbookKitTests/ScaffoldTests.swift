import XCTest
@testable import HandbookKit

final class ScaffoldTests: XCTestCase {
    func testANewProgramChecksCleanAndBuilds() throws {
        let folder = try temporaryFolder(self)
        try ProgramScaffold.write(to: folder + "/program", programName: "Riverside \"Hope\" IOP")
        let options = Handbook.Options(contentDirectory: folder + "/program", templatesDirectory: defaultTemplates,
                                       outputDirectory: folder + "/Public", profilesDirectory: packageRoot + "/Profiles")
        XCTAssertEqual(try Handbook.check(options), [], "a new program has no errors and no warnings")
        var building = options
        building.search = false
        _ = try Handbook.build(building, environment: fixedClock("2026-01-07"))
        XCTAssertTrue(try read(folder + "/Public/handbook/index.html").contains("Riverside &quot;Hope&quot; IOP"))
        XCTAssertFalse(try read(folder + "/Public/handbook/welcome.html").contains("staff manual only"))
        XCTAssertTrue(try read(folder + "/Public/manual/welcome.html").contains("staff manual only"))
    }

    func testANameThatWouldNotCheckIsRefusedAndNothingIsWritten() throws {
        let folder = try temporaryFolder(self)
        for name in ["", "   ", "Two\nlines", "Tab\there"] {
            XCTAssertThrowsError(try ProgramScaffold.write(to: folder + "/program", programName: name), name)
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/program"), name)
        }
        try ProgramScaffold.write(to: folder + "/program", programName: "Ünïcode: Recovery # 1 'IOP'")
        let options = Handbook.Options(contentDirectory: folder + "/program", templatesDirectory: defaultTemplates,
                                       outputDirectory: folder + "/Public", profilesDirectory: packageRoot + "/Profiles")
        XCTAssertEqual(try Handbook.check(options), [])
    }

    func testEveryOptionalFieldHasACommentedExampleThatLoads() throws {
        // Uncommenting every example line must give a valid program: the examples are real.
        let folder = try temporaryFolder(self)
        try ProgramScaffold.write(to: folder + "/program", programName: "Test")
        for name in ["program.yaml", "rules.yaml", "faq.yaml", "staff.yaml", "schedule.yaml"] {
            let path = folder + "/program/" + name
            try write(uncommentingExamples(try read(path)), to: path)
        }
        let log = DiagnosticLog()
        let content = ContentLoader(directory: folder + "/program").load(log: log)
        XCTAssertNotNil(content)
        XCTAssertEqual(log.sorted.errors.filter { !$0.message.contains("is not a requirement") }, [], "\(log.sorted)")
        XCTAssertEqual(content?.program.compliance?.profile, "asam-2.1-adult")
        XCTAssertEqual(content?.schedule.changes.first?.substitute, "sam-lee")
    }

    func testInitRefusesAFolderThatIsNotEmpty() throws {
        let folder = try temporaryFolder(self)
        try write("mine", to: folder + "/notes.txt")
        XCTAssertThrowsError(try ProgramScaffold.write(to: folder, programName: "X"))
        XCTAssertEqual(try read(folder + "/notes.txt"), "mine")
    }
}
