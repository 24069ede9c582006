/// A dated message for the weeks it falls in (`notices` in `schedule.yaml`), such as "The
/// parking lot is being repaved: please park on the street." Shown above the grid of each week
/// page it overlaps, and in the schedule chapter while its week is the current one.
public struct ScheduleNotice: Sendable {
    public var from: CalendarDate
    /// The last day it applies, inclusive: `from` itself when the file gives no `until`, so a
    /// one-day notice is one line.
    public var until: CalendarDate
    /// Plain text, like a closure's reason: escaped on every page, never read as Markdown.
    public var text: String
    /// `staff`: only in the staff manual and the staff copy of the week, never in a client file.
    public var audience: Audience
    /// The track ids it is for; empty means every track.
    public var tracks: [String]
    /// Where each id of `tracks` is written, for the error about an unknown one.
    public var trackLocations: [SourceLocation]
    public var location: SourceLocation
    public var keyLocations: [String: SourceLocation] = [:]

    public func location(of key: String) -> SourceLocation { keyLocations[key] ?? location }

    /// Whether any of its days falls in the week.
    public func overlaps(_ week: ISOWeek) -> Bool {
        from <= week.days.last! && week.days.first! <= until
    }

    /// Whether a track's pages show it.
    public func isFor(track id: String) -> Bool { tracks.isEmpty || tracks.contains(id) }
}
