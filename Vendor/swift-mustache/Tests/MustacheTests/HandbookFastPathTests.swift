//
// Added by Handbook to its copy of swift-mustache 2.1.1 (see ../../README.md).
// SPDX-License-Identifier: Apache-2.0
//

import Mustache
import XCTest

/// The fast paths for `[String: Any]`, `[String: String]`, `String` and `Bool` give what the
/// general code gives: each template is rendered once with plain values and once with the same
/// values behind wrappers that only the general code handles.
final class HandbookFastPathTests: XCTestCase {
    /// A dictionary the fast paths do not know: looked up through `MustacheParent`.
    struct Wrapped: MustacheParent {
        let values: [String: Any]
        func child(named name: String) -> Any? { values[name] }
    }

    /// A text or a flag the fast paths do not know, rendered as the value it wraps.
    struct Opaque: MustacheCustomRepresentation {
        let value: Any
        var representation: Any? { value }
    }

    /// `value` with every dictionary wrapped (and, with `opaque`, every text and flag too).
    func wrapped(_ value: Any, opaque: Bool) -> Any {
        switch value {
        // A `[String: String]` is cast to `[String: Any]` here too.
        case let dictionary as [String: Any]: return Wrapped(values: dictionary.mapValues { wrapped($0, opaque: opaque) })
        case let array as [Any]: return array.map { wrapped($0, opaque: opaque) }
        case is String, is Bool: return opaque ? Opaque(value: value) : value
        default: return value
        }
    }

    func assertSameAsTheGeneralCode(_ text: String, _ context: [String: Any], expected: String,
                                    file: StaticString = #filePath, line: UInt = #line) throws {
        let template = try MustacheTemplate(string: text)
        XCTAssertEqual(template.render(context), expected, "fast paths", file: file, line: line)
        XCTAssertEqual(template.render(wrapped(context, opaque: false)), expected, "wrapped dictionaries", file: file, line: line)
        XCTAssertEqual(template.render(wrapped(context, opaque: true)), expected, "wrapped values", file: file, line: line)
    }

    func testNamesAreFoundUpTheStackAsBefore() throws {
        let context: [String: Any] = [
            "title": "Outer <b>", "ui": ["label": "Label & more", "empty": ""] as [String: String],
            "items": [["name": "one", "flag": true] as [String: Any], ["name": "two", "flag": false, "title": "Inner"]],
        ]
        try assertSameAsTheGeneralCode(
            "{{#items}}[{{name}}|{{title}}|{{ui.label}}|{{{ui.label}}}|{{#flag}}on{{/flag}}{{^flag}}off{{/flag}}|{{missing}}|{{ui.missing}}|{{^ui.missing}}none{{/ui.missing}}]{{/items}}",
            context,
            expected: "[one|Outer &lt;b&gt;|Label &amp; more|Label & more|on|||none][two|Inner|Label &amp; more|Label & more|off|||none]")
    }

    func testEmptyTextsAndFlagsBehaveAsBefore() throws {
        let context: [String: Any] = ["empty": "", "yes": true, "no": false, "labels": ["a": "A"] as [String: String]]
        try assertSameAsTheGeneralCode(
            "{{#empty}}present{{/empty}}{{^empty}}absent{{/empty}}|{{yes}}{{no}}|{{#no}}x{{/no}}{{^no}}y{{/no}}|{{#labels}}{{a}}{{/labels}}|{{.labels.a}}|{{#labels.a}}{{.}}{{/labels.a}}",
            context, expected: "present|truefalse|y|A|A|A")
    }
}
