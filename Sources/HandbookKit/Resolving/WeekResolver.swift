/// One session as it happens (or not) in a given week, after closures and changes.
public struct ScheduledSession: Sendable {
    public var date: CalendarDate
    public var start: TimeOfDay
    public var end: TimeOfDay
    public var kind: SessionKind
    public var title: String
    /// The recurring session's id; nil for an extra session.
    public var sessionId: String?
    public var trackId: String
    public var room: Room?
    /// Who leads it this time, in the order written: a substitute replaces them all.
    public var facilitators: [StaffMember]
    public var topic: Topic?
    /// Staff-only note of the recurring or extra session.
    public var note: String?
    public var mode: SessionMode = .inPerson
    /// How to join online; the link only where the audience may see it.
    public var join = JoinDetails()

    /// Set when the whole day is closed for this track.
    public var closedBecause: String?
    public var isCancelled = false
    /// This occurrence moved elsewhere: it is shown where it was, pointing to where it went.
    public var movedTo: (date: CalendarDate, start: TimeOfDay)?
    /// This occurrence came from another day or time.
    public var movedFrom: (date: CalendarDate, start: TimeOfDay)?
    public var isExtra = false
    /// The usual facilitators, when a substitute leads this time (empty otherwise).
    public var usualFacilitators: [StaffMember] = []
    /// The usual room, when the session meets elsewhere this time.
    public var usualRoom: Room?
    /// Why it changed: client-facing, and staff-only.
    public var reason: String?
    public var staffReason: String?
    /// Where the session or the change that shaped it is written.
    public var location: SourceLocation

    /// Differs from the weekly pattern because of a change or an extra session.
    public var isChanged: Bool {
        isExtra || isCancelled || movedTo != nil || movedFrom != nil || !usualFacilitators.isEmpty || usualRoom != nil
    }

    /// Takes place as listed: counts toward the week's hours and is not struck out on the page.
    public var takesPlace: Bool { closedBecause == nil && !isCancelled && movedTo == nil }
}

/// One track's week: seven days, each with its sessions in time order.
public struct TrackWeek: Sendable {
    public struct Day: Sendable {
        public var date: CalendarDate
        public var closedBecause: String?
        public var sessions: [ScheduledSession]
    }
    public var track: Track
    public var days: [Day]
    /// The program's notices for this track that fall in the week (staff-only ones only in the staff view).
    public var notices: [ScheduleNotice] = []

    /// Hours of treatment that take place this week (breaks not counted).
    public var treatmentMinutes: Int {
        days.flatMap(\.sessions).filter { $0.takesPlace && $0.kind.countsAsTreatment }.reduce(0) { $0 + $1.end.minutes - $1.start.minutes }
    }
}

/// The sessions of one ISO week, per track, with topics, closures and changes applied.
public struct ResolvedWeek: Sendable {
    public var week: ISOWeek
    public var tracks: [TrackWeek]
    /// The days the clocks change in the week (see `ClockChange`).
    public var clockChanges: [ClockChange] = []
}

/// Works out what happens in a given week from the weekly pattern and the dated exceptions.
public struct WeekResolver {
    let content: Content

    public init(_ content: Content) { self.content = content }

    public func resolve(_ week: ISOWeek) -> ResolvedWeek {
        let schedule = content.schedule
        let weekNotices = notices(in: week)
        return ResolvedWeek(week: week, tracks: schedule.tracks.map { track in
            var days = week.days.map { date in
                TrackWeek.Day(date: date, closedBecause: closure(on: date, track: track.id)?.reason, sessions: [])
            }
            func add(_ session: ScheduledSession) {
                guard let index = days.firstIndex(where: { $0.date == session.date }) else { return }
                days[index].sessions.append(session)
            }
            for day in week.days {
                for session in track.sessions where session.days.contains(day.weekday) {
                    let occurrence = scheduled(session, track: track, on: day, week: week)
                    add(occurrence.here)
                    if let moved = occurrence.moved { add(moved) }
                }
            }
            // Sessions moved into this week from a day of another week.
            for change in schedule.changes where !week.contains(change.date) {
                guard let session = track.sessions.first(where: { $0.id == change.session }),
                      session.days.contains(change.date.weekday),
                      let moved = scheduled(session, track: track, on: change.date, week: week).moved,
                      week.contains(moved.date) else { continue }
                add(moved)
            }
            for extra in schedule.extraSessions where extra.track == track.id && week.contains(extra.date) {
                add(self.extra(extra, week: week))
            }
            for index in days.indices {
                days[index].sessions.sort { ($0.start, $0.end, $0.title) < ($1.start, $1.end, $1.title) }
            }
            return TrackWeek(track: track, days: days, notices: weekNotices.filter { $0.isFor(track: track.id) })
        }, clockChanges: clockChanges(in: week))
    }

    /// The closure covering a date for a track, if any.
    public func closure(on date: CalendarDate, track: String) -> Closure? {
        content.schedule.closures.first { closure in
            closure.date <= date && date <= (closure.until ?? closure.date)
                && (closure.tracks.isEmpty || closure.tracks.contains(track))
        }
    }

    /// The topic a series covers in a week, or nil before the series starts.
    public func topic(of seriesId: String?, in week: ISOWeek) -> Topic? {
        guard let seriesId, let series = content.schedule.series.first(where: { $0.id == seriesId }),
              !series.topics.isEmpty else { return nil }
        let weeks = (week.monday.dayNumber - ISOWeek(containing: series.starts).monday.dayNumber) / 7
        guard weeks >= 0 else { return nil }
        let topicId = series.topics[weeks % series.topics.count]
        return content.topics.first { $0.id == topicId }
    }

    private func staff(_ id: String?) -> StaffMember? { id.flatMap { id in content.staff.first { $0.id == id } } }
    /// The staff members of the ids, in order; an id of no one (staff-only, or a mistake
    /// reported by the checks) is left out.
    private func staff(_ ids: [String]) -> [StaffMember] { ids.compactMap(staff) }
    private func room(_ id: String?) -> Room? { id.flatMap { id in content.schedule.rooms.first { $0.id == id } } }

    /// The occurrence of a recurring session on a date, and its moved copy when a change moves it.
    private func scheduled(_ session: Session, track: Track, on date: CalendarDate, week: ISOWeek)
        -> (here: ScheduledSession, moved: ScheduledSession?) {
        var here = ScheduledSession(
            date: date, start: session.start, end: session.end, kind: session.kind, title: session.title,
            sessionId: session.id, trackId: track.id, room: room(session.room), facilitators: staff(session.facilitators),
            topic: topic(of: session.series, in: ISOWeek(containing: date)), note: session.note, mode: session.mode,
            join: session.join, location: session.location)
        here.closedBecause = closure(on: date, track: track.id)?.reason
        guard let change = content.schedule.changes.first(where: { $0.session == session.id && $0.date == date }) else {
            return (here, nil)
        }
        here.location = change.location
        here.reason = change.reason
        here.staffReason = change.staffReason
        if change.cancelled {
            here.isCancelled = true
            return (here, nil)
        }
        if let substitute = change.substitute {
            here.usualFacilitators = here.facilitators
            here.facilitators = staff(substitute).map { [$0] } ?? []
        }
        if let newRoom = change.room {
            here.usualRoom = here.room
            here.room = room(newRoom)
        }
        guard change.moveTo != nil || change.start != nil || change.end != nil else { return (here, nil) }
        var moved = here
        moved.date = change.moveTo ?? date
        moved.start = change.start ?? session.start
        moved.end = change.end ?? TimeOfDay(minutes: min(24 * 60 - 1, moved.start.minutes + session.minutes))
        moved.movedFrom = (date, session.start)
        moved.topic = topic(of: session.series, in: ISOWeek(containing: date))
        moved.closedBecause = closure(on: moved.date, track: track.id)?.reason
        if moved.date == date {
            return (moved, nil) // a new time on the same day: one entry, marked as moved
        }
        here.movedTo = (moved.date, moved.start)
        return (here, moved)
    }

    private func extra(_ extra: ExtraSession, week: ISOWeek) -> ScheduledSession {
        var session = ScheduledSession(
            date: extra.date, start: extra.start, end: extra.end, kind: extra.kind, title: extra.title, sessionId: nil,
            trackId: extra.track, room: room(extra.room), facilitators: staff(extra.facilitators),
            topic: extra.topic.flatMap { id in content.topics.first { $0.id == id } }, note: extra.note,
            mode: extra.mode, join: extra.join, location: extra.location)
        session.isExtra = true
        session.closedBecause = closure(on: extra.date, track: extra.track)?.reason
        return session
    }
}
