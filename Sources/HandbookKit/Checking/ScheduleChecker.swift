/// Mistakes in the weekly pattern and its dated exceptions that would print a wrong schedule.
public enum ScheduleChecker {
    /// A stretch of time one session holds, for the overlap checks.
    struct Booking {
        var label: String
        var day: Int
        var dayName: String
        var start: TimeOfDay
        var end: TimeOfDay
        var track: String
        var facilitator: String?
        var room: String?
        var location: SourceLocation
        /// Comes from a dated change or extra session rather than the weekly pattern.
        var isException = false

        func overlaps(_ other: Booking) -> Bool {
            day == other.day && start < other.end && other.start < end
        }
    }

    public static func check(_ content: Content, minimumWeeklyHours: Double = 9, log: DiagnosticLog) {
        let schedule = content.schedule
        var bookings: [Booking] = []
        for track in schedule.tracks {
            for session in track.sessions {
                if session.end <= session.start {
                    log.error(session.location(of: "end"), "'\(session.title)' ends at \(session.end), which is not after its start at \(session.start)",
                              hint: "check AM and PM: \"1:00 PM\" is after \"11:00 AM\"")
                    continue
                }
                for day in session.days {
                    bookings.append(Booking(label: session.title, day: day.rawValue, dayName: day.name, start: session.start,
                                            end: session.end, track: track.id, facilitator: session.facilitator,
                                            room: session.room, location: session.location))
                }
            }
            checkHours(track, minimum: minimumWeeklyHours, log: log)
            checkGaps(track, limit: schedule.longestGapMinutes, log: log)
        }
        checkOverlaps(bookings, log: log, when: "every week")
        checkExceptions(content, log: log)
    }

    /// Overlaps within a track, and a facilitator or a room booked twice at once across tracks.
    static func checkOverlaps(_ bookings: [Booking], log: DiagnosticLog, when: String, onlyExceptions: Bool = false) {
        for (index, later) in bookings.enumerated() {
            for earlier in bookings[..<index] where earlier.overlaps(later) {
                // A week's clash between two regular sessions is already reported for the pattern.
                if onlyExceptions && !earlier.isException && !later.isException { continue }
                let clash = "\(later.dayName) \(later.start)–\(later.end) and '\(earlier.label)' (\(earlier.start)–\(earlier.end), line \(earlier.location.line))"
                if earlier.track == later.track {
                    log.error(later.location, "'\(later.label)' overlaps '\(earlier.label)' in the same track on \(later.dayName) (\(when))",
                              hint: "change the start or end time of one of them")
                }
                if let person = later.facilitator, person == earlier.facilitator {
                    log.error(later.location, "'\(person)' leads two sessions at once: '\(later.label)' \(clash) (\(when))",
                              hint: "choose another facilitator for one of them")
                }
                if let room = later.room, room == earlier.room {
                    log.error(later.location, "the room '\(room)' is booked twice at once: '\(later.label)' \(clash) (\(when))",
                              hint: "choose another room for one of them")
                }
            }
        }
    }

    private static func checkHours(_ track: Track, minimum: Double, log: DiagnosticLog) {
        let minutes = track.weeklyTreatmentMinutes
        if Double(minutes) < minimum * 60 {
            log.error(track.location, "the \(track.name) meets \(SessionKind.hoursInMessages(minutes)) a week (breaks not counted), below the minimum of \(SessionKind.hoursInMessages(Int(minimum * 60)))",
                      hint: "add sessions; the minimum comes from compliance: state in program.yaml, else minimum_weekly_hours in schedule.yaml, else the profile, else 9")
        }
    }

    private static func checkGaps(_ track: Track, limit: Int, log: DiagnosticLog) {
        for day in Weekday.allCases {
            let sessions = track.sessions.filter { $0.days.contains(day) && $0.end > $0.start }.sorted { $0.start < $1.start }
            for (before, after) in zip(sessions, sessions.dropFirst()) {
                let gap = after.start.minutes - before.end.minutes
                if gap > limit {
                    log.warning(after.location, "clients of the \(track.name) wait \(gap) minutes between '\(before.title)' and '\(after.title)' on \(day.name)",
                                hint: "the limit is \(limit) minutes (longest_gap_minutes in schedule.yaml): move a session or add a break")
                }
            }
        }
    }

    /// Each closure and change must match a session that would otherwise happen.
    private static func checkExceptions(_ content: Content, log: DiagnosticLog) {
        let schedule = content.schedule
        let sessions = schedule.tracks.flatMap { track in track.sessions.map { (track, $0) } }
        let resolver = WeekResolver(content)
        for change in schedule.changes {
            guard let (track, session) = sessions.first(where: { $0.1.id == change.session }) else { continue } // unknown id: ReferenceChecker
            if !session.days.contains(change.date.weekday) {
                log.error(change.location(of: "date"), "'\(change.session)' does not meet on \(change.date.weekday.name) \(change.date): it meets on \(session.days.map(\.name).joined(separator: ", "))",
                          hint: "the date is the day the session normally meets; to move it, add 'move_to:' with the new date")
                continue
            }
            if resolver.closure(on: change.date, track: track.id) != nil {
                log.warning(change.location(of: "date"), "the program is closed on \(change.date), so this change to '\(change.session)' has no effect",
                            hint: "remove the change, or the closure")
            }
            let start = change.start ?? session.start
            let end = change.end ?? TimeOfDay(minutes: start.minutes + session.minutes)
            if end.minutes >= 24 * 60 {
                log.error(change.location(of: "start"), "the changed session would end after midnight",
                          hint: "choose an earlier start, or a shorter session with 'end:'")
            } else if end <= start {
                log.error(change.location(of: change.end == nil ? "start" : "end"), "the changed session would end at \(end), which is not after its start at \(start)",
                          hint: "check AM and PM")
            }
        }
        for closure in schedule.closures {
            let last = closure.until ?? closure.date
            let days = (closure.date.dayNumber...max(closure.date.dayNumber, last.dayNumber)).map(CalendarDate.init(dayNumber:))
            let tracks = schedule.tracks.filter { closure.tracks.isEmpty || closure.tracks.contains($0.id) }
            let meets = days.contains { day in tracks.contains { $0.sessions.contains { $0.days.contains(day.weekday) } } }
            if !meets && !tracks.isEmpty {
                log.warning(closure.location, "the closure on \(closure.date) (\(closure.reason)) falls on days when no session meets",
                            hint: "check the date: \(closure.date) is a \(closure.date.weekday.name)")
            }
        }
        for extra in schedule.extraSessions where extra.end <= extra.start {
            log.error(extra.location, "the extra session '\(extra.title)' ends at \(extra.end), which is not after its start at \(extra.start)")
        }
    }

    /// The same overlap checks on one week as it will be printed, after the changes.
    public static func check(_ week: ResolvedWeek, log: DiagnosticLog) {
        let bookings = week.tracks.flatMap { trackWeek in
            trackWeek.days.flatMap(\.sessions).filter(\.takesPlace).map { session in
                Booking(label: session.title, day: session.date.dayNumber, dayName: "\(session.date.weekday.name) \(session.date)",
                        start: session.start, end: session.end, track: session.trackId,
                        facilitator: session.facilitator?.id, room: session.room?.id, location: session.location,
                        isException: session.isChanged)
            }
        }
        checkOverlaps(bookings, log: log, when: "in \(week.week)", onlyExceptions: true)
    }
}
