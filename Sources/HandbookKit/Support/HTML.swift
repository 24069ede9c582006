import Mustache

/// HTML escaping, of data values in templates and of text the tool writes outside them.
public enum HTML {
    /// `&`, `<`, `>`, `"` and `'` as character references, wherever they are.
    ///
    /// By bytes, not by `Character`: a quote followed by a combining mark (`"́`) is one
    /// `Character`, unequal to `"`, so escaping by `Character` (as swift-mustache's own escaper
    /// does) let that quote through and end an attribute value. The five are ASCII, and no byte
    /// of a longer UTF-8 sequence is ASCII, so escaping bytes never splits a character.
    public static func escape(_ text: String) -> String {
        // Most values hold none of the five.
        guard text.containsByte(where: needsEscape) else { return text }
        let utf8 = text.utf8
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count + 32)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "&"): result.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): result.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): result.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): result.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): result.append(contentsOf: "&#39;".utf8)
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        default: false
        }
    }

    /// How templates escape `{{value}}`: `escape`, registered as Mustache's "HTML" content type.
    /// swift-mustache starts each template (and each partial) with its own escaper; every
    /// template is given `contentTypeLine` before its text to switch to this one.
    struct MustacheEscaping: MustacheContentType {
        func escapeText(_ text: String) -> String { HTML.escape(text) }
    }

    /// Put before each template's text: the content type registered by `registerEscaping`.
    /// On a line of its own, which Mustache then leaves out (a tag alone on its line), so that the
    /// template's first line is read as before; a parse error's line number is one more.
    static let contentTypeLine = "{{%CONTENT_TYPE:HTML}}\n"

    /// Registers `MustacheEscaping` as the "HTML" content type (once; before templates are parsed).
    static let registerEscaping: Void = MustacheContentTypes.register(MustacheEscaping(), named: "HTML")
}
