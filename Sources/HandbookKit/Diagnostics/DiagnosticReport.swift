import Foundation

/// Machine-readable diagnostics for editors and CI: `handbook check --format json`.
public enum DiagnosticReport {
    struct Entry: Encodable {
        var severity: String
        var file: String
        var line: Int
        var column: Int
        var message: String
        var hint: String
    }

    struct Document: Encodable {
        var errors: Int
        var warnings: Int
        var diagnostics: [Entry]
    }

    public static func json(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let document = Document(errors: errors, warnings: diagnostics.count - errors, diagnostics: diagnostics.map {
            Entry(severity: $0.severity.rawValue, file: $0.location.file, line: $0.location.line,
                  column: $0.location.column, message: $0.message, hint: $0.hint)
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(document)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
