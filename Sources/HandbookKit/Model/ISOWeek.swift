import Foundation

/// An ISO 8601 week, such as 2026-W49: Monday to Sunday, week 1 being the week with 4 January.
public struct ISOWeek: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var week: Int

    /// Nil when the week does not exist (2027-W53 does not; 2026-W53 does).
    public init?(year: Int, week: Int) {
        guard (1...ISOWeek.weeks(in: year)).contains(week) else { return nil }
        self.year = year
        self.week = week
    }

    /// Parses `2026-W49` (also `2026W49` and lowercase `w`).
    public init?(_ text: String) {
        let upper = text.uppercased().replacingOccurrences(of: "-W", with: "W")
        let parts = upper.split(separator: "W")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let week = Int(parts[1]),
              parts[1].count <= 2 else { return nil }
        self.init(year: year, week: week)
    }

    /// Why a week written in the right form does not exist: "2027 has 52 weeks, so there is no
    /// 2027-W53". Nil when the text is not of the form, or the week exists.
    public static func problem(with text: String) -> String? {
        let upper = text.uppercased().replacingOccurrences(of: "-W", with: "W")
        let parts = upper.split(separator: "W")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let week = Int(parts[1]),
              parts[1].count <= 2, ISOWeek(year: year, week: week) == nil else { return nil }
        let count = weeks(in: year)
        return week == 0 ? "weeks are numbered from 1: the first week of \(year) is \(year)-W01"
            : "\(year) has \(count) weeks, so there is no \(year)-W\(String(format: "%02d", week)) (the last week is \(year)-W\(count))"
    }

    /// The week a date falls in.
    public init(containing date: CalendarDate) {
        let monday = date.adding(days: -(date.weekday.rawValue - 1))
        let thursday = monday.adding(days: 3)
        let firstMonday = ISOWeek.mondayOfWeekOne(thursday.year)
        self.year = thursday.year
        self.week = (monday.dayNumber - firstMonday.dayNumber) / 7 + 1
    }

    public var monday: CalendarDate { ISOWeek.mondayOfWeekOne(year).adding(days: (week - 1) * 7) }
    public var days: [CalendarDate] { (0..<7).map { monday.adding(days: $0) } }
    public var next: ISOWeek { ISOWeek(containing: monday.adding(days: 7)) }
    public func contains(_ date: CalendarDate) -> Bool { days.first! <= date && date <= days.last! }

    /// The week `count` weeks later (earlier when negative).
    public func adding(weeks count: Int) -> ISOWeek { ISOWeek(containing: monday.adding(days: 7 * count)) }

    /// `2026-W49`.
    public var description: String { String(format: "%04d-W%02d", year, week) }

    public static func < (a: ISOWeek, b: ISOWeek) -> Bool { (a.year, a.week) < (b.year, b.week) }

    static func mondayOfWeekOne(_ year: Int) -> CalendarDate {
        let january4 = CalendarDate(year: year, month: 1, day: 4)
        return january4.adding(days: -(january4.weekday.rawValue - 1))
    }

    /// 53 when the year starts on a Thursday, or is a leap year starting on a Wednesday.
    static func weeks(in year: Int) -> Int {
        let january1 = CalendarDate(year: year, month: 1, day: 1).weekday
        let leap = CalendarDate.daysIn(month: 2, year: year) == 29
        return january1 == .thursday || (leap && january1 == .wednesday) ? 53 : 52
    }
}

extension CalendarDate {
    /// Today in a time zone; `SOURCE_DATE_EPOCH`, when set, stands for now so builds can be repeated.
    public static func today(in timeZone: TimeZone, environment: [String: String] = ProcessInfo.processInfo.environment) -> CalendarDate {
        let now = environment["SOURCE_DATE_EPOCH"].flatMap(Double.init).map(Date.init(timeIntervalSince1970:)) ?? Date()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    /// "Monday, November 30".
    public var longName: String {
        "\(weekday.name), \(CalendarDate.monthNames[month - 1]) \(day)"
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]
}
