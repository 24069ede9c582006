import Foundation
import XCTest
@testable import HandbookKit

/// The mistakes real folders make: symbolic links out of the program, folders and pipes where a
/// file belongs, empty files, an output folder inside what the build reads. None may publish a
/// file from elsewhere, and each gets its own message at its own path.
final class FolderMistakeTests: XCTestCase {
    /// Writes the fixture, lets `arrange` add links and files, builds; returns the diagnostics
    /// (nil when the build succeeded) and the output folder.
    private func buildArranged(_ fixture: ProgramFixture, arrange: (_ folder: String, _ content: String) throws -> Void)
        throws -> (diagnostics: [Diagnostic]?, output: String) {
        let folder = try temporaryFolder(self)
        let content = try fixture.write(into: folder)
        try arrange(folder, content)
        let output = folder + "/Public"
        do {
            _ = try Handbook.build(options(content, output), environment: fixedClock("2026-01-07"))
            return (nil, output)
        } catch let error as DiagnosticsError {
            return (error.diagnostics, output)
        }
    }

    private func link(_ path: String, to target: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
    }

    private func welcome(showing markdown: String) -> ProgramFixture {
        var fixture = ProgramFixture()
        fixture.files["pages/welcome.md"] = "---\ntitle: Welcome\n---\nHello.\n\n\(markdown)\n"
        return fixture
    }

    /// No byte of any file under the folder contains `text`.
    private func assertNowhere(_ text: String, in folder: String, file: StaticString = #filePath, line: UInt = #line) {
        for (path, data) in snapshot(folder) where String(decoding: data, as: UTF8.self).contains(text) {
            XCTFail("'\(text)' reached \(path)", file: file, line: line)
        }
    }

    func testAPictureLinkedToAFileOutsideTheContentFolderIsAnError() throws {
        let secret = try temporaryFolder(self) + "/secret.png"
        try write("OUTSIDE-SECRET", to: secret)
        let (diagnostics, output) = try buildArranged(welcome(showing: "![Map](images/map.png)")) { _, content in
            try self.link(content + "/images/map.png", to: secret)
        }
        let error = try XCTUnwrap(diagnostics?.errors.first { $0.message.contains("outside the content folder") })
        XCTAssertTrue(error.location.file.hasSuffix("pages/welcome.md"))
        XCTAssertTrue(error.message.contains("images/map.png"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/handbook"))
    }

    func testAPictureLinkedToADataFileInsideTheFolderIsNotPublished() throws {
        let (diagnostics, output) = try buildArranged(welcome(showing: "![Rules](images/r.png)")) { _, content in
            try self.link(content + "/images/r.png", to: "../rules.yaml")
        }
        XCTAssertTrue(try XCTUnwrap(diagnostics).errors.contains { $0.message.contains("not a picture or a document") })
        assertNowhere("Note the time and who saw it", in: output)
    }

    func testALinkedFolderOfPicturesLeavingTheContentFolderIsAnError() throws {
        let elsewhere = try temporaryFolder(self)
        try write("OUTSIDE-PICTURE", to: elsewhere + "/map.png")
        let (diagnostics, _) = try buildArranged(welcome(showing: "![Map](images/map.png)")) { _, content in
            try self.link(content + "/images", to: elsewhere)
        }
        XCTAssertTrue(try XCTUnwrap(diagnostics).errors.contains { $0.message.contains("outside the content folder") })
    }

    func testAPictureLinkedInsideTheContentFolderIsPublished() throws {
        let (diagnostics, output) = try buildArranged(welcome(showing: "![Map](images/alias.png)")) { _, content in
            try write("A PICTURE", to: content + "/images/map.png")
            try self.link(content + "/images/alias.png", to: "map.png")
        }
        XCTAssertNil(diagnostics)
        XCTAssertEqual(FileManager.default.contents(atPath: output + "/handbook/images/alias.png"), Data("A PICTURE".utf8))
    }

    func testAPageLinkedFromOutsideTheContentFolderIsAnErrorAtThePage() throws {
        let outside = try temporaryFolder(self) + "/other.md"
        try write("---\ntitle: Other\n---\nOTHER-PROGRAM-TEXT\n", to: outside)
        let (diagnostics, output) = try buildArranged(ProgramFixture()) { _, content in
            try self.link(content + "/pages/other.md", to: outside)
        }
        let error = try XCTUnwrap(diagnostics?.errors.first { $0.location.file.hasSuffix("pages/other.md") })
        XCTAssertTrue(error.message.contains("outside the content folder"), error.message)
        assertNowhere("OTHER-PROGRAM-TEXT", in: output)
    }

    func testATemplateAssetLinkedOutOfTheTemplatesFolderIsAnError() throws {
        let (diagnostics, output) = try buildArranged(ProgramFixture()) { _, content in
            try self.link(content + "/templates/assets/extra.css", to: "../../rules.yaml")
        }
        let error = try XCTUnwrap(diagnostics?.errors.first { $0.location.file.hasSuffix("templates/assets/extra.css") })
        XCTAssertTrue(error.message.contains("outside the templates folder"), error.message)
        assertNowhere("Note the time and who saw it", in: output)
    }

    func testATemplateAssetThatIsNotAnAssetIsNotCopied() throws {
        let (diagnostics, output) = try buildArranged(ProgramFixture()) { _, content in
            try write("notes: private", to: content + "/templates/assets/notes.yaml")
        }
        XCTAssertNil(diagnostics)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/handbook/assets/notes.yaml"))
    }

    func testAFolderOrAPipeWhereAFileBelongsSaysWhatItIs() throws {
        let (diagnostics, _) = try buildArranged(ProgramFixture()) { _, content in
            try FileManager.default.removeItem(atPath: content + "/rules.yaml")
            try FileManager.default.createDirectory(atPath: content + "/rules.yaml", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: content + "/pages/folder.md", withIntermediateDirectories: true)
            try FileManager.default.removeItem(atPath: content + "/faq.yaml")
            XCTAssertEqual(mkfifo(content + "/faq.yaml", 0o644), 0)
        }
        let errors = try XCTUnwrap(diagnostics).errors
        XCTAssertTrue(errors.contains { $0.location.file.hasSuffix("/rules.yaml") && $0.message.contains("is a folder") })
        XCTAssertTrue(errors.contains { $0.location.file.hasSuffix("pages/folder.md") && $0.message.contains("is a folder") })
        XCTAssertTrue(errors.contains { $0.location.file.hasSuffix("/faq.yaml") && $0.message.contains("named pipe") })
    }

    func testAnEmptyDataFileIsNotSilentlyAbsent() throws {
        var fixture = ProgramFixture()
        fixture.files["rules.yaml"] = "\n"
        let (_, diagnostics) = try loadDiagnostics(fixture)
        XCTAssertTrue(diagnostics.contains { $0.location.file == "rules.yaml" && $0.message.contains("the file is empty") })
    }

    func testTheOutputMayNotBeInsideTheTemplatesOrAFolderTheBuildReads() throws {
        let folder = try temporaryFolder(self)
        let content = try ProgramFixture().write(into: folder)
        for output in [content + "/pages/pub", content + "/translations/pub", content + "/templates/assets/pub",
                       content + "/profiles/pub", folder + "/Templates/assets/pub"] {
            var options = options(content, output)
            options.templatesDirectory = folder + "/Templates"
            try FileManager.default.createDirectory(atPath: folder + "/Templates", withIntermediateDirectories: true)
            XCTAssertThrowsError(try Handbook.build(options)) { error in
                XCTAssertTrue("\(error)".contains("inside the"), "\(error)")
            }
            XCTAssertFalse(FileManager.default.fileExists(atPath: output))
        }
    }

    func testDangerousLinkSchemesAreNamed() throws {
        var fixture = welcome(showing: "[Click](javascript:alert(1)) and [data](data:text/html,hi) and [ok](tel:555-0100)")
        fixture.files["faq.yaml"] = "questions:\n  - question: Q?\n    answer: \"[x](VBScript:msgbox)\"\n"
        let folder = try temporaryFolder(self)
        let content = try fixture.write(into: folder)
        let warnings = try Handbook.check(options(content, folder + "/Public")).filter { $0.message.contains("removed") }
        XCTAssertEqual(warnings.map(\.location.line).sorted(), [6, 6, 3].sorted())
        XCTAssertEqual(warnings.count, 3)
    }

    /// The schemes cmark-gfm empties are found in any letter case, after spaces, and only there;
    /// the quick answer for ordinary links does not hide them.
    func testDangerousSchemesAreFoundWhateverTheirCaseAndOnlyThere() {
        let named = [" JavaScript:alert(1)": "javascript:", "\tvbscript:x": "vbscript:", "File:///etc/passwd": "file:",
                     "DATA:text/html,hi": "data:", "\u{00A0}javascript:x": "javascript:"]
        for (destination, scheme) in named {
            XCTAssertEqual(LinkChecker.dangerousScheme(destination), scheme, destination)
        }
        for safe in ["data:image/png;base64,AAAA", "faq.html", "dates.html#top", "https://example.org", "#top", "/rules.html",
                     "tel:555-0100", "videos/welcome.html", "jobs.html", ""] {
            XCTAssertNil(LinkChecker.dangerousScheme(safe), safe)
        }
    }

    /// A program folder may hold its output (`my-program/Public`, the default there): the build
    /// reads only named files and folders of it, and nothing is published from the output.
    func testAnOutputInsideTheProgramFolderIsNeverReadBack() throws {
        var fixture = welcome(showing: "[The manual](Public/manual/manual.pdf)")
        let folder = try temporaryFolder(self)
        let content = try fixture.write(into: folder)
        try write("%PDF staff manual", to: content + "/Public/manual/manual.pdf")
        try write("", to: content + "/Public/" + OutputSafety.markerName)
        XCTAssertThrowsError(try Handbook.build(options(content, content + "/Public"))) { error in
            let errors = (error as? DiagnosticsError)?.diagnostics.errors ?? []
            XCTAssertTrue(errors.contains { $0.message.contains("inside the output folder") }, "\(errors)")
        }
        fixture = ProgramFixture()
        _ = try fixture.write(into: folder)
        _ = try Handbook.build(options(content, content + "/Public"))
        _ = try Handbook.build(options(content, content + "/Public"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: content + "/Public/handbook/index.html"))
    }
}
