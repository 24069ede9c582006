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

    public static func < (a: Weekday, b: Weekday) -> Bool { a.rawValue < b.rawValue }
}
