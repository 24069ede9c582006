/// What a week's pages announce above the grid: the program's dated notices and the clocks' changes.
extension WeekResolver {
    /// The notices with a day in the week, in file order, for every track.
    public func notices(in week: ISOWeek) -> [ScheduleNotice] {
        content.schedule.notices.filter { $0.overlaps(week) }
    }

    /// The days the clocks change in the week, in the program's time zone; none when
    /// `daylight_saving_notices: false`.
    public func clockChanges(in week: ISOWeek) -> [ClockChange] {
        guard content.schedule.daylightSavingNotices else { return [] }
        return ClockChange.changes(in: week, timeZone: content.program.timeZone)
    }
}
