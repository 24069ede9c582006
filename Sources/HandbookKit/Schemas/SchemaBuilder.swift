/// Turns a `KeyTable` recorded from a reader into JSON Schema (draft 2020-12), as a JSON value.
///
/// The schema accepts what the loader accepts, as closely as JSON Schema can say it: a text may
/// be written as a number (`phone: 5550142`), a list of one as the value alone, true/false as
/// `yes` or `off`, and an optional key may be left empty (`key:`), which the loader reads as absent.
enum SchemaBuilder {
    static func object(_ table: KeyTable) -> [String: Any] {
        var properties: [String: Any] = [:]
        for entry in table.entries {
            var schema = value(entry.kind, required: entry.required)
            if !entry.required { schema = nullable(schema) }
            schema["description"] = (entry.required ? "Required. " : "") + description(entry.kind)
            properties[entry.key] = schema
        }
        var object: [String: Any] = ["type": "object", "properties": properties, "additionalProperties": false]
        let required = table.entries.filter(\.required).map(\.key)
        if !required.isEmpty { object["required"] = required }
        return object
    }

    static func value(_ kind: ValueKind, required: Bool) -> [String: Any] {
        switch kind {
        case .text, .markdown:
            // Something must be written where a text is required: '""' is reported as empty.
            var text: [String: Any] = ["type": ["string", "number", "boolean"]]
            if required { text["pattern"] = "\\S" }
            return text
        case .identifier:
            return ["type": ["string", "integer"], "pattern": ValuePatterns.identifier, "minimum": 0]
        case let .wholeNumber(range):
            var number: [String: Any] = ["type": "integer"]
            if let range {
                number["minimum"] = range.lowerBound
                number["maximum"] = range.upperBound
            }
            return number
        case .number:
            return ["type": "number"]
        case .trueFalse:
            return ["anyOf": [["type": "boolean"], ["type": "string", "pattern": ValuePatterns.trueFalseWords]]]
        case .date:
            return ["type": "string", "pattern": ValuePatterns.date]
        case .time:
            return ["type": "string", "pattern": ValuePatterns.time]
        case .interval:
            return ["type": "string", "pattern": ValuePatterns.interval, "examples": ["12 months", "6 months", "2 years"]]
        case let .choice(values):
            // The loader ignores case; the enum is what editors offer as completions.
            let anyCase = "^(" + values.map(ValuePatterns.caseInsensitive).joined(separator: "|") + ")$"
            return ["anyOf": [["enum": values], ["type": "string", "pattern": anyCase]]]
        case .languageTag:
            return ["type": "string", "pattern": ValuePatterns.languageTag, "examples": ["en", "es", "es-US", "vi", "zh-Hans"]]
        case .timeZone:
            return ["type": "string", "pattern": ValuePatterns.timeZone,
                    "examples": ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
                                 "America/Phoenix", "America/Anchorage", "Pacific/Honolulu"]]
        case .weekdays:
            return ["type": "string", "pattern": ValuePatterns.weekdays]
        case let .list(item):
            let one = value(item, required: true)
            var list: [String: Any] = ["type": "array", "items": one]
            if required { list["minItems"] = 1 }
            return ["anyOf": [one, list]]
        case let .records(table):
            var list: [String: Any] = ["type": "array", "items": object(table)]
            if required { list["minItems"] = 1 }
            return list
        case let .block(table):
            return object(table)
        case let .valueOrBlock(item, table):
            return ["anyOf": [value(item, required: true), object(table)]]
        }
    }

    /// Also accepts an empty value, which the loader reads as if the key were not there.
    static func nullable(_ schema: [String: Any]) -> [String: Any] {
        var schema = schema
        if let type = schema["type"] as? String {
            schema["type"] = [type, "null"]
        } else if let types = schema["type"] as? [String] {
            schema["type"] = types + ["null"]
        } else if let choices = schema["anyOf"] as? [[String: Any]] {
            schema["anyOf"] = choices + [["type": "null"]]
        }
        return schema
    }

    /// How to write a value of the kind: shown when an editor's pointer rests on the key.
    static func description(_ kind: ValueKind) -> String {
        switch kind {
        case .text: "Text, on one line, or on indented lines after '|'."
        case .markdown: "Markdown text: write '|' and the text on the indented lines below."
        case .identifier: "An id: lowercase letters, digits and dashes, such as come-sober."
        case let .wholeNumber(range): "A whole number" + (range.map { ", \($0.lowerBound) to \($0.upperBound)" } ?? "") + "."
        case .number: "A number, such as 9 or 7.5."
        case .trueFalse: "true or false (yes/no and on/off work too)."
        case .date: "A date written YYYY-MM-DD, such as 2026-01-05."
        case .time: "A time of day in quotes, such as \"9:00 AM\", \"6:30 PM\" or \"18:30\"."
        case .interval: "A number of months or years, such as 12 months, 6 months or 2 years."
        case let .choice(values): "One of: " + values.joined(separator: ", ") + "."
        case .languageTag: "A language tag, such as en or es."
        case .timeZone: "A time zone name, such as America/Chicago."
        case .weekdays: "Days of the week, such as Monday or Mon."
        case let .list(item): "A list (lines starting with '- ', or [a, b]); each item: " + description(item)
        case let .records(table): "A list of \(table.noun) entries, each starting with '- '."
        case let .block(table): "A block of keys (the \(table.noun)), indented below this line."
        case let .valueOrBlock(item, table): String(description(item).dropLast()) + ", or a block of keys (the \(table.noun)) written {key: value, ...}."
        }
    }
}
