import Foundation

/// Where the calendar feeds are, and how a page offers them.
///
/// A feed is one `.ics` file per track (and one for every track) that every build rewrites with
/// the week before, this week and the next `calendar_weeks` weeks: a reader subscribes once and
/// their calendar follows each week's closures and changes. The feeds live at the same address
/// every week, `schedule/calendar/<track>.ics` (a translation's in `schedule/calendar/es/`).
public enum CalendarFeed {
    /// The feeds' folder inside `schedule/`.
    public static let folder = "calendar"
    /// The name of the feed of every track (a track may not take it as its id).
    public static let allTracks = "all-tracks"

    /// The feed's path inside `schedule/`: `calendar/day.ics`, `calendar/es/all-tracks.ics`.
    /// `track` nil: every track. `language` nil: the program's own language.
    public static func path(track: String?, language: String?) -> String {
        folder + "/" + (language.map { $0 + "/" } ?? "") + (track ?? allTracks) + ".ics"
    }

    /// The address a reader subscribes to, when the program says where it is published
    /// (`site_url`): `webcal://`, which phones and calendar programs open as "subscribe".
    public static func subscriptionAddress(_ program: Program, track: String?, language: String?) -> String? {
        guard let site = program.siteURL, let colon = site.firstIndex(of: ":") else { return nil }
        return "webcal" + site[colon...] + "schedule/" + path(track: track, language: language)
    }

    /// The link a page offers: the subscription address when the program has one; else the feed
    /// itself, relative to the page (`scheduleRoot` is the way from the page to `schedule/`), which
    /// a reader can still open or copy.
    static func href(_ program: Program, track: String?, language: String?, scheduleRoot: String) -> String {
        subscriptionAddress(program, track: track, language: language) ?? scheduleRoot + path(track: track, language: language)
    }

    /// The weeks a feed holds when `current` is this week: the week before (so a session a
    /// reader just missed is still explained), this week, and the next `ahead` weeks.
    public static func weeks(around current: ISOWeek, ahead: Int) -> [ISOWeek] {
        var weeks = [current.adding(weeks: -1), current]
        while weeks.count < ahead + 2 { weeks.append(weeks.last!.adding(weeks: 1)) }
        return weeks
    }
}

extension CalendarFeed {
    /// The feeds of one language, by path inside `schedule/calendar/` (`day.ics`,
    /// `es/all-tracks.ics`): one per track and one of every track, from a client view of the
    /// content, so no staff-only text can reach them.
    static func files(_ content: Content, templates: TemplateSet, current: ISOWeek, stamp: Date) -> [OutputFile] {
        let program = content.program
        let wording = templates.strings.wording(for: content.language, program: program)
        let resolver = WeekResolver(content)
        let weeks = weeks(around: current, ahead: content.schedule.calendarWeeks).map(resolver.resolve)
        let language = content.language == program.language ? nil : content.language
        // Each event is made once, for its track's feed and the feed of every track.
        let shared = ICalendar(program: program, weeks: weeks, stamp: stamp, wording: wording, name: "", isFeed: true)
        let events = shared.events(), timeZone = shared.timeZoneText()
        func feed(track: Track?) -> OutputFile {
            let name = track.map { wording.text("calendar_of_track", ["program": program.displayName, "track": $0.name]) }
                ?? wording.text("calendar_of_all_tracks", ["program": program.displayName])
            let calendar = ICalendar(program: program, weeks: weeks, stamp: stamp, wording: wording, name: name,
                                     track: track?.id, isFeed: true)
            let path = String(self.path(track: track?.id, language: language).dropFirst(folder.count + 1))
            return OutputFile(path: path, text: calendar.render(events: events, timeZone: timeZone))
        }
        return content.schedule.tracks.map(feed) + [feed(track: nil)]
    }
}
