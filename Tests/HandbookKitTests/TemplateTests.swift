import Mustache
import XCTest
@testable import HandbookKit

final class TemplateTests: XCTestCase {
    /// A copy of the default templates that a test may break.
    private func templatesCopy() throws -> String {
        let folder = try temporaryFolder(self) + "/Templates"
        try FileManager.default.copyItem(atPath: defaultTemplates, toPath: folder)
        return folder
    }

    private func buildErrors(content: String, templates: String) -> [Diagnostic] {
        do {
            _ = try Handbook.prepare(Handbook.Options(contentDirectory: content, templatesDirectory: templates,
                                                      outputDirectory: NSTemporaryDirectory() + "unused"))
            return []
        } catch {
            return (error as? DiagnosticsError)?.diagnostics ?? []
        }
    }

    func testATemplateThatDoesNotParseNamesFileAndLine() throws {
        let templates = try templatesCopy()
        try write("<p>one</p>\n<p>{{#rules}}two</p>\n", to: templates + "/section-rules.mustache")
        let content = try ProgramFixture().write(into: try temporaryFolder(self))
        let errors = buildErrors(content: content, templates: templates)
        let error = try XCTUnwrap(errors.first)
        XCTAssertEqual(error.location.file, templates + "/section-rules.mustache")
        XCTAssertEqual(error.location.line, 3)
        XCTAssertTrue(error.message.contains("never closed"), error.message)
    }

    func testAMissingPartialOrLayoutIsAnError() throws {
        let templates = try templatesCopy()
        let chapter = try read(templates + "/chapter.mustache")
        try write(chapter.replacingOccurrences(of: "{{<layout}}", with: "{{<layuot}}"), to: templates + "/chapter.mustache")
        try FileManager.default.removeItem(atPath: templates + "/footer.mustache")
        let content = try ProgramFixture().write(into: try temporaryFolder(self))
        let messages = buildErrors(content: content, templates: templates).map { "\($0.location.file.split(separator: "/").last!):\($0.location.line): \($0.message) \($0.hint)" }
        XCTAssertTrue(messages.contains("chapter.mustache:1: the template 'chapter' uses 'layuot', which is not a template did you mean 'layout'?"), "\(messages)")
        XCTAssertTrue(messages.contains { $0.hasPrefix("layout.mustache:") && $0.contains("uses 'footer'") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.hasPrefix("footer.mustache:0: the template 'footer.mustache' is missing") }, "\(messages)")
    }

    func testAProgramCanOverrideATemplate() throws {
        var fixture = ProgramFixture()
        fixture.files["templates/footer.mustache"] = "<footer><p>Our own footer for {{programName}}</p></footer>\n"
        let output = try build(fixture)
        XCTAssertTrue(try read(output + "/handbook/index.html").contains("<footer><p>Our own footer for Test Harbor Program</p></footer>"))
    }

    /// A data value is escaped byte by byte: a quote followed by a combining mark (one
    /// `Character`, unequal to a quote) would otherwise end the attribute value it stands in.
    func testAQuoteFollowedByACombiningMarkIsEscapedInAnAttribute() throws {
        XCTAssertEqual(HTML.escape("a\"\u{301}<\u{301}&'>é"), "a&quot;\u{301}&lt;\u{301}&amp;&#39;&gt;é")
        var fixture = ProgramFixture()
        fixture.files["program.yaml"] = fixture.files["program.yaml"]!
            .replacingOccurrences(of: "name: Test Harbor Program", with: "name: 'Harbor\"\u{301} onmouseover=alert(1) x='")
        fixture.files["templates/footer.mustache"] = "<footer title=\"{{programName}}\"></footer>\n"
        let output = try build(fixture)
        let page = try read(output + "/handbook/index.html")
        XCTAssertTrue(page.contains("<footer title=\"Harbor&quot;\u{301} onmouseover=alert(1) x=\"></footer>"), page)
    }

    /// A text value renders as itself (through the fast path of Handbook's copy of swift-mustache):
    /// escaped in `{{name}}`, as written in `{{{name}}}`, and present in a section even when
    /// empty, as a template written for swift-mustache's own handling of text expects.
    func testATextValueRendersAsItselfInEveryKindOfTag() throws {
        _ = HTML.registerEscaping
        let template = try MustacheTemplate(string: HTML.contentTypeLine
            + "[{{text}}][{{{text}}}][{{#text}}{{.}}{{/text}}][{{#empty}}present{{/empty}}][{{^empty}}absent{{/empty}}][{{^missing}}absent{{/missing}}]")
        XCTAssertEqual(template.render(["text": "<b>\"Tom & Jerry\"</b>", "empty": ""]),
                       "[&lt;b&gt;&quot;Tom &amp; Jerry&quot;&lt;/b&gt;][<b>\"Tom & Jerry\"</b>][&lt;b&gt;&quot;Tom &amp; Jerry&quot;&lt;/b&gt;][present][][absent]")
    }

    /// A template is parsed with a line before its text (`HTML.contentTypeLine`); an error on its
    /// first line still names that line and the column in the file.
    func testAnErrorOnTheFirstLineNamesTheColumnInTheFile() throws {
        let templates = try templatesCopy()
        let text = "<p>one</p> {{/rules}}\n"
        try write(text, to: templates + "/section-rules.mustache")
        let content = try ProgramFixture().write(into: try temporaryFolder(self))
        let error = try XCTUnwrap(buildErrors(content: content, templates: templates).first)
        XCTAssertEqual(error.location.line, 1)
        XCTAssertThrowsError(try MustacheTemplate(string: text)) { parseError in
            XCTAssertEqual(error.location.column, (parseError as? MustacheTemplate.ParserError)?.context.columnNumber)
        }
    }

    func testPartialReferencesAreFoundWithTheirPosition() {
        let references = TemplateSet.references(in: "a\n  {{> nav}} {{<layout}}{{name}}\n")
        XCTAssertEqual(references.map(\.name), ["nav", "layout"])
        XCTAssertEqual(references.map(\.line), [2, 2])
        XCTAssertEqual(references.map(\.column), [3, 13])

        // Columns count characters; a tag not closed on its line is no tag; `{{{` keeps its brace.
        let tags = TemplateSet.tags(in: "é🙂 {{ui.a}}{{{body}}}\n{{open\n}} {{#list}}x{{/list}}{{\n{{> last }}")
        XCTAssertEqual(tags.map(\.tag), ["ui.a", "{body", "#list", "/list", "> last "])
        XCTAssertEqual(tags.map(\.line), [1, 1, 3, 3, 4])
        XCTAssertEqual(tags.map(\.column), [4, 12, 4, 14, 1])
        XCTAssertEqual(TemplateSet.stringReferences(in: "é {{ui.chapters}} {{#ui.x_1}}").map(\.key), ["chapters", "x_1"])
    }
}
