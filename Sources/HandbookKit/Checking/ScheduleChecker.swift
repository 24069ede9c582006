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
        /// Everyone who leads it: each is busy for its whole time.
        var facilitators: [String]
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
                                            end: session.end, track: track.id, facilitators: session.facilitators,
                                            room: session.room, location: session.location))
                }
            }
            if let minimum = track.minimumWeeklyHours(programMinimum: minimumWeeklyHours) {
                checkHours(track, minimum: minimum, log: log)
            }
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
                for person in later.facilitators where earlier.facilitators.contains(person) {
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
        guard !track.hasUnreadSessions else { return }
        let minutes = track.weeklyTreatmentMinutes
        if Double(minutes) < minimum * 60 {
            log.error(track.location, "the \(track.name) meets \(SessionKind.hoursInMessages(minutes)) a week (breaks not counted), below the minimum of \(SessionKind.hoursInMessages(Int(minimum * 60)))",
                      hint: track.ownMinimumWeeklyHours != nil
                        ? "add sessions; this minimum is the track's own 'minimum_weekly_hours' (a family or aftercare group that is not treatment takes 'kind: family' or 'kind: aftercare' instead)"
                        : "add sessions; the minimum comes from compliance: state in program.yaml, else minimum_weekly_hours in schedule.yaml, else the profile, else 9 (a track that is not treatment, such as a family group, takes 'kind: family' and has no minimum)")
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
            let days = self.days(of: closure)
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

    /// Every date a closure covers, from its date to its `until`.
    static func days(of closure: Closure) -> [CalendarDate] {
        let last = closure.until ?? closure.date
        return (closure.date.dayNumber...max(closure.date.dayNumber, last.dayNumber)).map(CalendarDate.init(dayNumber:))
    }

    /// A closure or a dated change that took some of a track's time away in one week.
    struct HoursTaken {
        var location: SourceLocation
        /// "the closure on 2026-01-07 (Snow day)", "the cancellation of 'Group' on 2026-01-07".
        var what: String
        var minutes: Int
    }

    /// Weeks whose closures, cancellations, moves or shorter times take a track below the minimum.
    /// A warning, as a step-down is acceptable for a week or two; it points at the first closure that
    /// took time away, else the first change, in file order, and names the lines of the others.
    public static func checkWeeksBelowMinimum(_ content: Content, minimumWeeklyHours: Double, stepDownWeeks: Int?, log: DiagnosticLog) {
        let schedule = content.schedule
        // Only a closed day or a changed session can take a week below the weekly pattern.
        let dates = schedule.closures.flatMap(days(of:)) + schedule.changes.map(\.date)
        let weeks = Set(dates.map(ISOWeek.init(containing:))).sorted()
        let resolver = WeekResolver(content)
        for week in weeks {
            for trackWeek in resolver.resolve(week).tracks where !trackWeek.track.hasUnreadSessions {
                let track = trackWeek.track
                guard let hours = track.minimumWeeklyHours(programMinimum: minimumWeeklyHours),
                      Double(trackWeek.treatmentMinutes) < hours * 60 else { continue }
                let minimum = hours * 60
                // A pattern below the minimum is an error for every week, reported once by `check`.
                guard Double(track.weeklyTreatmentMinutes) >= minimum else { continue }
                let taken = hoursTaken(from: track, in: week, content: content)
                guard let first = taken.first else { continue } // only a session with impossible times: an error already
                var message = "in \(week) the \(track.name) meets \(SessionKind.hoursInMessages(trackWeek.treatmentMinutes)) because of closures or cancellations, below the minimum of \(SessionKind.hoursInMessages(Int(minimum))): \(first.what) takes away \(SessionKind.hoursInMessages(first.minutes))"
                let others = taken.dropFirst()
                if !others.isEmpty {
                    let lines = others.map { String($0.location.line) }.joined(separator: ", ")
                    let hours = SessionKind.hoursInMessages(others.reduce(0) { $0 + $1.minutes })
                    message += others.count == 1 ? ", and 1 other change (line \(lines)) takes away \(hours)"
                        : ", and \(others.count) other changes (lines \(lines)) take away \(hours)"
                }
                log.warning(first.location, message,
                            hint: "a step-down below the minimum is acceptable for \(stepDownWeeks.map { "up to \($0) weeks" } ?? "a week or two"); or add an extra session that week")
            }
        }
    }

    /// What took a track's time away in a week. The closures, then the changes, that touch the week
    /// are applied one at a time, each in file order, to the week without them; each is charged what
    /// its turn removed. So a day closed twice counts against the first closure, a change on a closed
    /// day takes nothing, and the minutes add up to what the week lost.
    static func hoursTaken(from track: Track, in week: ISOWeek, content: Content) -> [HoursTaken] {
        enum Step: Hashable { case closure(Int), change(Int) }
        let schedule = content.schedule
        let closures = schedule.closures.indices.filter { index in
            let closure = schedule.closures[index]
            return (closure.tracks.isEmpty || closure.tracks.contains(track.id)) && days(of: closure).contains(where: week.contains)
        }
        let changes = schedule.changes.indices.filter { index in
            let change = schedule.changes[index]
            return track.sessions.contains { $0.id == change.session }
                && (week.contains(change.date) || change.moveTo.map(week.contains) == true)
        }
        let steps = closures.map(Step.closure) + changes.map(Step.change)
        // File order is kept: the resolver takes the first closure or change that matches a day.
        func minutes(leavingOut left: Set<Step>) -> Int {
            var partial = content
            partial.schedule.closures = schedule.closures.indices.filter { !left.contains(.closure($0)) }.map { schedule.closures[$0] }
            partial.schedule.changes = schedule.changes.indices.filter { !left.contains(.change($0)) }.map { schedule.changes[$0] }
            return WeekResolver(partial).resolve(week).tracks.first { $0.track.id == track.id }?.treatmentMinutes ?? 0
        }
        var left = Set(steps)
        var before = minutes(leavingOut: left)
        var taken: [HoursTaken] = []
        for step in steps {
            left.remove(step)
            let after = minutes(leavingOut: left)
            let removed = before - after
            before = after
            guard removed > 0 else { continue }
            switch step {
            case .closure(let index):
                let closure = schedule.closures[index]
                let when = closure.until.flatMap { $0 > closure.date ? "from \(closure.date) to \($0)" : nil } ?? "on \(closure.date)"
                taken.append(HoursTaken(location: closure.location, what: "the closure \(when) (\(closure.reason))", minutes: removed))
            case .change(let index):
                let change = schedule.changes[index]
                let title = track.sessions.first { $0.id == change.session }?.title ?? change.session
                let what: String
                if change.cancelled {
                    what = "the cancellation of '\(title)' on \(change.date)"
                } else if let moveTo = change.moveTo, moveTo != change.date {
                    what = "the move of '\(title)' from \(change.date) to \(moveTo)"
                } else {
                    what = "the shortening of '\(title)' on \(change.date)"
                }
                taken.append(HoursTaken(location: change.location, what: what, minutes: removed))
            }
        }
        return taken
    }

    /// The same overlap checks on one week as it will be printed, after the changes.
    public static func check(_ week: ResolvedWeek, log: DiagnosticLog) {
        let bookings = week.tracks.flatMap { trackWeek in
            trackWeek.days.flatMap(\.sessions).filter(\.takesPlace).map { session in
                Booking(label: session.title, day: session.date.dayNumber, dayName: "\(session.date.weekday.name) \(session.date)",
                        start: session.start, end: session.end, track: session.trackId,
                        facilitators: session.facilitators.map(\.id), room: session.room?.id, location: session.location,
                        isException: session.isChanged)
            }
        }
        checkOverlaps(bookings, log: log, when: "in \(week.week)", onlyExceptions: true)
    }
}
