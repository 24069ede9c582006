import Foundation

/// A day of the week, Monday first as in ISO 8601.
public enum Weekday: Int, Sendable, CaseIterable, Comparable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public var name: String {
        switch self {
        case .monday: "Monday"
        case .tuesday: "Tuesday"
        case .wednesday: "Wednesday"
        case .thursday: "Thursday"
        case .friday: "Friday"
        case .saturday: "Saturday"
        case .sunday: "Sunday"
        }
    }

    /// Accepts "Monday", "monday", "Mon".
    public init?(name text: String) {
        let lowered = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard lowered.count >= 3,
              let match = Weekday.allCases.first(where: { $0.name.lowercased().hasPrefix(lowered) })
        else { return nil }
        self = match
    }

    /// The days of one item of a `days` list: "Monday, Wednesday" on one line is two days. Each
    /// part, trimmed, with its day or nil; commas with nothing between them are skipped.
    static func parts(of text: String) -> [(part: String, day: Weekday?)] {
        text.split(separator: ",").map { part in
            (part.trimmingCharacters(in: .whitespaces), Weekday(name: String(part)))
        }
    }

    public static func < (a: Weekday, b: Weekday) -> Bool { a.rawValue < b.rawValue }
}
