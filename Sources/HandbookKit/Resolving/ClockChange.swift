import Foundation

/// A change of the clocks in the program's time zone: daylight-saving time starting or ending.
/// A week page says so, because a client who forgets comes an hour early or late.
public struct ClockChange: Sendable, Equatable {
    /// The local day the clocks change on.
    public var date: CalendarDate
    /// How far the clocks move: positive forward (spring), negative back (autumn).
    public var minutes: Int

    /// The changes whose local day falls in `week`, from the time zone's own rules (the tz
    /// database, through Foundation), so every build of the week says the same. None for a zone
    /// without daylight-saving time (America/Phoenix) or an unknown one.
    public static func changes(in week: ISOWeek, timeZone identifier: String) -> [ClockChange] {
        guard let zone = TimeZone(identifier: identifier) else { return [] }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        // From before the week's first local midnight in any zone (UTC+14) to after its last
        // (UTC-12); changes on days outside the week are then left out.
        var after = Date(timeIntervalSince1970: TimeInterval(week.monday.dayNumber * 86400 - 14 * 3600 - 1))
        let end = Date(timeIntervalSince1970: TimeInterval((week.monday.dayNumber + 7) * 86400 + 12 * 3600))
        var changes: [ClockChange] = []
        while let moment = zone.nextDaylightSavingTimeTransition(after: after), moment < end {
            let minutes = (zone.secondsFromGMT(for: moment) - zone.secondsFromGMT(for: moment.addingTimeInterval(-1))) / 60
            let day = calendar.dateComponents([.year, .month, .day], from: moment)
            if let year = day.year, let month = day.month, let number = day.day, minutes != 0 {
                let date = CalendarDate(year: year, month: month, day: number)
                if week.contains(date) { changes.append(ClockChange(date: date, minutes: minutes)) }
            }
            after = moment
        }
        return changes
    }
}
