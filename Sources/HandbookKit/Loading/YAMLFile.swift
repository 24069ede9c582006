import Foundation
import Yams

/// Parses YAML text into a node tree, turning Yams' errors into diagnostics with line and column.
enum YAMLFile {
    /// The root node, or nil after logging why there is none.
    static func parse(_ text: String, file: String, lineOffset: Int = 0, log: DiagnosticLog) -> Node? {
        do {
            // No tags resolved: the readers look at each value's text and style themselves
            // (`MappingReader`), and Yams' default resolver tries up to seven patterns on every
            // value, which was half the time of reading the interface strings. The encoding is
            // given because Yams' default is computed anew at every call from a copy of the
            // whole environment (1 % of a 10,000-page build); UTF-8 is what it computes.
            return try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            let (message, mark) = describe(error)
            let location = SourceLocation(file: file, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
            log.error(location, message, hint: hint(for: message))
        } catch {
            log.error(SourceLocation(file: file, line: 1 + lineOffset, column: 1), "cannot read YAML: \(error)")
        }
        return nil
    }

    private static func describe(_ error: YamlError) -> (String, Mark?) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var message = "YAML syntax: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line))" }
            return (message, mark)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return ("the key \(keys) appears twice in the same block", context.mark)
        case let .reader(problem, _, _, _):
            return ("the file is not readable text: \(problem)", nil)
        case .dataCouldNotBeDecoded:
            return ("the file is not UTF-8 text", nil)
        default:
            return ("cannot read YAML: \(error)", nil)
        }
    }

    /// Plain-language advice for libyaml's most common complaints.
    private static func hint(for message: String) -> String {
        if message.contains("mapping values are not allowed") {
            return "a value that contains ': ' must be put in quotes, or written on the next lines after '|'"
        }
        if message.contains("tab") {
            return "indent with spaces, not tabs"
        }
        if message.contains("did not find expected key") || message.contains("block end") {
            return "check that this line is indented like the lines of the same block above it"
        }
        if message.contains("appears twice") {
            return "remove or rename one of them"
        }
        if message.contains("could not find expected ':'") {
            return "each line of a block needs 'key: value'; long text belongs after 'key: |' on indented lines"
        }
        return ""
    }
}

extension Node {
    /// Where the node starts in its file.
    func location(in file: String, lineOffset: Int = 0) -> SourceLocation {
        let mark = self.mark
        return SourceLocation(file: file, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    /// A YAML null (`key:` with nothing after it, or `~`).
    var isNull: Bool {
        if case let .scalar(scalar) = self {
            return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        }
        return false
    }

    /// "text", "a list" or "a block of keys", for error messages.
    var kindDescription: String {
        switch self {
        case .scalar: "a single value"
        case .sequence: "a list"
        case .mapping: "a block of keys"
        case .alias: "an alias"
        }
    }
}
