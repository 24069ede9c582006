/// The weekly pattern of groups, from `schedule.yaml`.
public struct Schedule: Sendable {
    /// A track below this many hours a week (breaks not counted) is an error; nil when the file
    /// does not say, and the compliance profile or the default of 9 applies.
    public var minimumWeeklyHoursSetting: Double?
    /// The longest wait between two sessions on one day before a warning.
    public var longestGapMinutes: Int
    /// How many weeks after the current one the calendar feeds hold (`calendar_weeks`).
    public var calendarWeeks = 8
    /// Clients may see the links of online sessions (`publish_join_links: true`); else a
    /// `join_link` is staff-only, and the client view never holds it.
    public var publishJoinLinks = false
    public var rooms: [Room]
    public var series: [TopicSeries]
    public var tracks: [Track]
    public var closures: [Closure]
    public var changes: [SessionChange]
    public var extraSessions: [ExtraSession]
    public var location: SourceLocation
    /// Dated messages for the week pages (`notices`).
    public var notices: [ScheduleNotice] = []
    /// Whether a week in which the clocks change says so (`daylight_saving_notices`, default true).
    public var daylightSavingNotices = true

    public static func empty(at location: SourceLocation) -> Schedule {
        Schedule(minimumWeeklyHoursSetting: nil, longestGapMinutes: 60, rooms: [], series: [], tracks: [],
                 closures: [], changes: [], extraSessions: [], location: location)
    }
}

public struct Room: Sendable {
    public var id: String
    public var name: String
    public var capacity: Int?
    public var location: SourceLocation
}

/// An ordered list of topics that rotates one topic a week from its start date.
public struct TopicSeries: Sendable {
    public var id: String
    public var name: String?
    /// The week containing this date covers the first topic.
    public var starts: CalendarDate
    public var topics: [String]
    public var topicLocations: [SourceLocation]
    public var location: SourceLocation
}

/// Who a track is for. A family group or an aftercare group is not treatment hours.
public enum TrackKind: String, CaseIterable, Sendable {
    case treatment, family, aftercare
}

/// A group of clients who attend the same weekly sessions, such as the day or evening track.
public struct Track: Sendable {
    public var id: String
    public var name: String
    public var description: String?
    public var capacity: Int?
    public var sessions: [Session]
    public var location: SourceLocation
    /// Who the track is for: only a treatment track is held to a weekly minimum.
    public var kind: TrackKind = .treatment
    /// The track's own minimum (`minimum_weekly_hours` on the track), for a program whose
    /// tracks differ, such as adult and adolescent tracks.
    public var ownMinimumWeeklyHours: Double?
    /// How its sessions meet, unless a session says otherwise.
    public var mode: SessionMode = .inPerson
    /// Client text shown with the track's times, such as "Times are Central Time".
    public var timeZoneNote: String?
    /// How to join the track's online sessions, and their link: what a session without its own
    /// takes (the loader copies them into each session).
    public var join = JoinDetails()

    /// The fewest hours a week the track must meet: its own minimum, else the program's; nil for
    /// a track that is not treatment (a family or aftercare group).
    public func minimumWeeklyHours(programMinimum: Double) -> Double? {
        kind == .treatment ? (ownMinimumWeeklyHours ?? programMinimum) : nil
    }

    /// A session of the track could not be read (an error says why): its hours are not known,
    /// so no minimum-hours check is made on them, which would only repeat that error.
    public var hasUnreadSessions = false

    /// Minutes of treatment in the usual week: breaks, and sessions whose times are impossible
    /// (reported by the schedule checks), are not counted.
    public var weeklyTreatmentMinutes: Int {
        sessions.filter { $0.kind.countsAsTreatment && $0.end > $0.start }.reduce(0) { $0 + $1.minutes * $1.days.count }
    }
}

public enum SessionKind: String, Sendable, CaseIterable {
    case group, education, individual, family, `break`, other

    /// Breaks do not count toward weekly treatment hours.
    public var countsAsTreatment: Bool { self != .break }

    /// The interface string naming the kind in outputs ("Group", "Grupo").
    public var labelKey: String { "kind_" + rawValue }

    /// The kind's name in the messages of `handbook check`, which are in English.
    public var label: String { rawValue == "break" ? "Break" : rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// "9 hours", "9.5 hours": for messages of `handbook check`; outputs use `Wording.hours`.
    static func hoursInMessages(_ minutes: Int) -> String {
        let hours = Double(minutes) / 60
        let text = hours == hours.rounded() ? String(Int(hours)) : String(format: "%.2f", hours)
            .replacingOccurrences(of: "0$", with: "", options: .regularExpression)
        return text + (hours == 1 ? " hour" : " hours")
    }
}

/// A session that recurs every week on one or more days.
public struct Session: Sendable {
    public var id: String?
    public var days: [Weekday]
    public var start: TimeOfDay
    public var end: TimeOfDay
    public var kind: SessionKind
    public var title: String
    public var room: String?
    /// Staff ids, in the order written (`facilitator:` is a list of one).
    public var facilitators: [String] = []
    /// Where each facilitator is written, for diagnostics.
    public var facilitatorLocations: [SourceLocation] = []
    public var series: String?
    /// Staff-only.
    public var note: String?
    /// How it meets: its own `mode`, else its track's.
    public var mode: SessionMode = .inPerson
    /// How to join it online: its own, else its track's.
    public var join = JoinDetails()
    public var location: SourceLocation
    /// Where each key's value is, for diagnostics that point at the exact field.
    public var keyLocations: [String: SourceLocation] = [:]

    public var minutes: Int { end.minutes - start.minutes }

    public func location(of key: String) -> SourceLocation { keyLocations[key] ?? location }
}

/// Days the program, or some tracks, do not meet.
public struct Closure: Sendable {
    public var date: CalendarDate
    public var until: CalendarDate?
    public var reason: String
    /// Empty means every track.
    public var tracks: [String]
    public var location: SourceLocation
}

/// A dated change to one session: cancelled, moved, or a substitute facilitator or room.
public struct SessionChange: Sendable {
    public var date: CalendarDate
    /// The recurring session changed, by id.
    public var session: String
    public var cancelled: Bool
    /// Client-facing reason.
    public var reason: String?
    /// Staff-only reason.
    public var staffReason: String?
    public var substitute: String?
    public var room: String?
    public var moveTo: CalendarDate?
    public var start: TimeOfDay?
    public var end: TimeOfDay?
    public var location: SourceLocation
    public var keyLocations: [String: SourceLocation] = [:]

    public func location(of key: String) -> SourceLocation { keyLocations[key] ?? location }
}

/// A one-off session on a given date, in addition to the weekly pattern.
public struct ExtraSession: Sendable {
    public var date: CalendarDate
    public var track: String
    public var start: TimeOfDay
    public var end: TimeOfDay
    public var kind: SessionKind
    public var title: String
    public var room: String?
    /// Staff ids, in the order written (`facilitator:` is a list of one).
    public var facilitators: [String] = []
    public var facilitatorLocations: [SourceLocation] = []
    public var topic: String?
    /// Staff-only.
    public var note: String?
    /// How it meets: its own `mode`, else its track's.
    public var mode: SessionMode = .inPerson
    /// How to join it online: its own, else its track's.
    public var join = JoinDetails()
    public var location: SourceLocation
    public var keyLocations: [String: SourceLocation] = [:]

    public func location(of key: String) -> SourceLocation { keyLocations[key] ?? location }
}
