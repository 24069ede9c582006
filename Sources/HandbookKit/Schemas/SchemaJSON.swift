import Foundation

/// Writes a schema as JSON byte for byte as Foundation's `JSONSerialization` does with
/// `.prettyPrinted, .sortedKeys, .withoutEscapingSlashes`, which wrote the schema files programs
/// already have. Every build of a program with a `schemas/` folder compares its files with this
/// version's, and Foundation's writer (through its bridging to `NSDictionary`) took a tenth of
/// the sample program's build; this takes a few milliseconds. `SchemaTests` compares the two.
enum SchemaJSON {
    /// A schema holds texts, whole numbers, true/false, lists and objects.
    static func write(_ value: Any, indent: Int, into text: inout String) {
        let inner = String(repeating: "  ", count: indent + 1)
        switch value {
        case let string as String:
            writeString(string, into: &text)
        case let flag as Bool where type(of: value) == Bool.self:
            text += flag ? "true" : "false"
        case let number as Int:
            text += String(number)
        case let object as [String: Any]:
            text += "{\n"
            for (index, key) in object.keys.sorted(by: keyOrder).enumerated() {
                text += index == 0 ? inner : ",\n" + inner
                writeString(key, into: &text)
                text += " : "
                write(object[key]!, indent: indent + 1, into: &text)
            }
            text += "\n" + String(repeating: "  ", count: indent) + "}"
        case let list as [Any]:
            text += "[\n"
            for (index, item) in list.enumerated() {
                text += index == 0 ? inner : ",\n" + inner
                write(item, indent: indent + 1, into: &text)
            }
            text += "\n" + String(repeating: "  ", count: indent) + "]"
        default:
            preconditionFailure("a schema holds only texts, numbers, true/false, lists and objects, not \(type(of: value))")
        }
    }

    /// Quotes and backslashes escaped, control characters as `\n` or `\u00XX`; slashes and
    /// every other character as they are.
    private static func writeString(_ string: String, into text: inout String) {
        text += "\""
        // Nearly every text needs no escape: appended whole, not one scalar at a time (which was
        // half of making the schemas, and every build of a program with `schemas/` makes them).
        if !string.containsByte(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }) {
            text += string
            text += "\""
            return
        }
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{8}": text += "\\b"
            case "\u{C}": text += "\\f"
            case let control where control.value < 0x20:
                text += "\\u00" + (control.value < 0x10 ? "0" : "") + String(control.value, radix: 16)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }

    /// Foundation's order for sorted keys: ignoring case, runs of digits by their value
    /// ("item2" before "item10"); of two names that differ only in case, the lower case first.
    static func keyOrder(_ first: String, _ second: String) -> Bool {
        let a = Array(first.utf8), b = Array(second.utf8)
        var i = 0, j = 0
        var caseTieBreak: Bool?
        while i < a.count, j < b.count {
            if isDigit(a[i]), isDigit(b[j]) {
                var endA = i, endB = j
                while endA < a.count, isDigit(a[endA]) { endA += 1 }
                while endB < b.count, isDigit(b[endB]) { endB += 1 }
                let numberA = a[i..<endA].drop { $0 == UInt8(ascii: "0") }, numberB = b[j..<endB].drop { $0 == UInt8(ascii: "0") }
                if numberA.count != numberB.count { return numberA.count < numberB.count }
                if !numberA.elementsEqual(numberB) { return numberA.lexicographicallyPrecedes(numberB) }
                i = endA
                j = endB
                continue
            }
            let lowerA = lowercase(a[i]), lowerB = lowercase(b[j])
            if lowerA != lowerB { return lowerA < lowerB }
            if caseTieBreak == nil, a[i] != b[j] { caseTieBreak = a[i] > b[j] }
            i += 1
            j += 1
        }
        if (a.count - i) != (b.count - j) { return (a.count - i) < (b.count - j) }
        return caseTieBreak ?? false
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    private static func lowercase(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
