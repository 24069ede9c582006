/// One problem found in a program's files, with where it is and how to fix it.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    public var severity: Severity
    public var location: SourceLocation
    /// What is wrong, in words a coordinator understands.
    public var message: String
    /// How to fix it; may be empty.
    public var hint: String

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String, hint: String = "") {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// `path:line:column: error: message. hint` — the form compilers use, so editors can jump to it.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if !hint.isEmpty { text += " (\(hint))" }
        return text
    }
}

/// Collects diagnostics while a step runs, so that one run reports every problem.
///
/// A reference type because loaders pass it down through many small readers; it is used from one
/// thread at a time.
public final class DiagnosticLog {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public func error(_ location: SourceLocation, _ message: String, hint: String = "") {
        diagnostics.append(Diagnostic(.error, location, message, hint: hint))
    }

    public func warning(_ location: SourceLocation, _ message: String, hint: String = "") {
        diagnostics.append(Diagnostic(.warning, location, message, hint: hint))
    }

    public func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Sorted by file and position, duplicates removed: stable output for tests and users. A
    /// problem found twice (once per output, with hints that differ) is reported once.
    public var sorted: [Diagnostic] {
        var seen = Set<String>()
        return diagnostics.filter { seen.insert("\($0.severity) \($0.location) \($0.message)").inserted }.sorted {
            ($0.location, $0.message) < ($1.location, $1.message)
        }
    }
}

/// Thrown when a step found errors; carries every diagnostic of the run, warnings included.
public struct DiagnosticsError: Error, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
