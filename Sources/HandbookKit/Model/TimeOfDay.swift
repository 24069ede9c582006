import Foundation

/// A wall-clock time in the program's time zone, to the minute.
public struct TimeOfDay: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Minutes after midnight, 0..<1440.
    public var minutes: Int

    public init(minutes: Int) { self.minutes = minutes }
    public init(hour: Int, minute: Int) { self.minutes = hour * 60 + minute }

    public var hour: Int { minutes / 60 }
    public var minute: Int { minutes % 60 }

    /// Parses "9:00 AM", "9 AM", "6:30 pm", "18:30", "09:00". Nil for impossible times.
    public init?(_ text: String) {
        var body = text.trimmingCharacters(in: .whitespaces).uppercased()
        var meridiem: String?
        for suffix in ["AM", "PM", "A.M.", "P.M."] where body.hasSuffix(suffix) {
            meridiem = String(suffix.prefix(1))
            body = String(body.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        let parts = body.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              var hour = Int(parts[0]), (parts[0].count <= 2) else { return nil }
        var minute = 0
        if parts.count == 2 {
            guard parts[1].count == 2, let m = Int(parts[1]) else { return nil }
            minute = m
        }
        guard (0...59).contains(minute) else { return nil }
        if let meridiem {
            guard (1...12).contains(hour) else { return nil }
            if meridiem == "A" && hour == 12 { hour = 0 }
            if meridiem == "P" && hour != 12 { hour += 12 }
        } else {
            guard parts.count == 2, (0...23).contains(hour) else { return nil }
        }
        self.init(hour: hour, minute: minute)
    }

    /// "9:00 AM": how US clients read times.
    public var description: String {
        let h12 = hour % 12 == 0 ? 12 : hour % 12
        return String(format: "%d:%02d %@", h12, minute, hour < 12 ? "AM" : "PM")
    }

    /// "09:00", for machine formats.
    public var iso: String { String(format: "%02d:%02d", hour, minute) }

    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.minutes < b.minutes }
}
