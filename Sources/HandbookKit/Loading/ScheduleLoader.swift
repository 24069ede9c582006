/// Reads `schedule.yaml`: rooms, topic series, tracks with their weekly sessions, and dated
/// closures, changes and extra sessions.
enum ScheduleLoader {
    static func read(_ r: MappingReader) -> Schedule {
        var schedule = Schedule.empty(at: r.location)
        schedule.minimumWeeklyHoursSetting = r.double("minimum_weekly_hours")
        if let gap = r.int("longest_gap_minutes", range: 0...1440) { schedule.longestGapMinutes = gap }
        if let weeks = r.int("calendar_weeks", range: 1...52) { schedule.calendarWeeks = weeks }
        schedule.publishJoinLinks = r.bool("publish_join_links") ?? false
        if let clocks = r.bool("daylight_saving_notices") { schedule.daylightSavingNotices = clocks }

        var roomIds: [String: SourceLocation] = [:]
        schedule.rooms = r.records("rooms", noun: "room") { room in
            let id = Identifier.read(room, seen: &roomIds)
            let name = room.string("name", required: true)
            let capacity = room.int("capacity", range: 1...1000)
            guard let id, let name else { return nil }
            return Room(id: id, name: name, capacity: capacity, location: room.location)
        }

        var seriesIds: [String: SourceLocation] = [:]
        schedule.series = r.records("series", noun: "topic series") { s in
            let id = Identifier.read(s, seen: &seriesIds)
            let name = s.string("name")
            let starts = s.date("starts", required: true)
            let topics = s.strings("topics", required: true) ?? []
            guard let id, let starts else { return nil }
            return TopicSeries(id: id, name: name, starts: starts, topics: topics.map(\.0),
                               topicLocations: topics.map(\.1), location: s.location)
        }

        var trackIds: [String: SourceLocation] = [:]
        var sessionIds: [String: SourceLocation] = [:]
        schedule.tracks = r.records("tracks", noun: "track", required: true) { t in
            let id = Identifier.read(t, seen: &trackIds)
            if id == CalendarFeed.allTracks {
                t.log.error(t.location(of: "id"), "the track id '\(CalendarFeed.allTracks)' is the name of the calendar of every track",
                            hint: "give the track another id, such as 'all-day'")
            }
            let name = t.string("name", required: true)
            let description = t.string("description")
            let capacity = t.int("capacity", range: 1...1000)
            let kind = t.choice("kind", as: TrackKind.self)
            let ownMinimum = t.double("minimum_weekly_hours")
            let mode = SessionDetailsReader.mode(t) ?? .inPerson
            let timeZoneNote = t.string("time_zone_note")
            let join = SessionDetailsReader.join(t)
            var unread = false
            let sessions = t.records("sessions", noun: "session", required: true) { reader -> Session? in
                let read = session(reader, ids: &sessionIds, trackMode: mode, trackJoin: join)
                if read == nil { unread = true }
                return read
            }
            guard let id, let name else { return nil }
            var track = Track(id: id, name: name, description: description, capacity: capacity, sessions: sessions,
                              location: t.location)
            track.hasUnreadSessions = unread
            track.kind = kind ?? .treatment
            track.ownMinimumWeeklyHours = ownMinimum
            track.mode = mode
            track.timeZoneNote = timeZoneNote
            track.join = join
            return track
        }

        schedule.closures = r.records("closures", noun: "closure") { c in
            let date = c.date("date", required: true)
            let until = c.date("until")
            let reason = c.string("reason", required: true, hint: "say why, e.g. 'reason: Thanksgiving Day'")
            let tracks = c.strings("tracks") ?? []
            guard let date, let reason else { return nil }
            if let until, until < date {
                c.log.error(c.location(of: "until"), "the closure ends (\(until)) before it starts (\(date))")
            }
            return Closure(date: date, until: until, reason: reason, tracks: tracks.map(\.0), location: c.location)
        }

        schedule.changes = r.records("changes", noun: "change") { c in
            let date = c.date("date", required: true)
            let session = c.string("session", required: true, hint: "name the session's id from 'tracks'")
            let change = SessionChange(
                date: date ?? CalendarDate(year: 1970, month: 1, day: 1), session: session ?? "",
                cancelled: c.bool("cancelled") ?? false, reason: c.string("reason"),
                staffReason: c.string("staff_reason"), substitute: c.string("substitute"), room: c.string("room"),
                moveTo: c.date("move_to"), start: c.time("start"), end: c.time("end"), location: c.location,
                keyLocations: c.keyLocations(["date", "session", "substitute", "room", "move_to", "start", "end"]))
            guard date != nil, session != nil else { return nil }
            if !change.cancelled && change.substitute == nil && change.room == nil && change.moveTo == nil
                && change.start == nil && change.end == nil {
                c.log.error(c.location, "this change does not change anything",
                            hint: "add 'cancelled: true', 'substitute:', 'room:', 'move_to:', 'start:' or 'end:'")
            }
            return change
        }

        schedule.extraSessions = r.records("extra_sessions", noun: "extra session") { e in
            let date = e.date("date", required: true)
            let track = e.string("track", required: true)
            let start = e.time("start", required: true)
            let end = e.time("end", required: true)
            let title = e.string("title", required: true)
            let kind = e.choice("kind", as: SessionKind.self) ?? .group
            // Every key is read before giving up on an entry, so none is reported as unknown.
            let (room, topic, note) = (e.string("room"), e.string("topic"), e.string("note"))
            let facilitators = SessionDetailsReader.facilitators(e)
            let (mode, join) = (SessionDetailsReader.mode(e), SessionDetailsReader.join(e))
            guard let date, let track, let start, let end, let title else { return nil }
            // Like a weekly session, it meets the way its track does unless it says otherwise.
            let ownTrack = schedule.tracks.first { $0.id == track }
            var extra = ExtraSession(date: date, track: track, start: start, end: end, kind: kind, title: title,
                                     room: room, topic: topic, note: note, location: e.location,
                                     keyLocations: e.keyLocations(["room", "topic", "mode", "join_instructions", "join_link"]))
            extra.facilitators = facilitators.map(\.0)
            extra.facilitatorLocations = facilitators.map(\.1)
            extra.mode = mode ?? ownTrack?.mode ?? .inPerson
            extra.join = join.filled(from: ownTrack?.join ?? JoinDetails())
            return extra
        }
        schedule.notices = notices(r)
        return schedule
    }

    /// A weekly session; what it does not say about meeting online it takes from its track.
    private static func session(_ s: MappingReader, ids: inout [String: SourceLocation],
                                trackMode: SessionMode, trackJoin: JoinDetails) -> Session? {
        var id: String?
        if let given = s.string("id", kind: .identifier) {
            id = Identifier.check(given, at: s.location(of: "id"), noun: "session", seen: &ids, log: s.log)
        }
        var days: [Weekday] = []
        for (text, location) in s.strings("days", of: .weekdays, required: true) ?? [] {
            for (part, day) in Weekday.parts(of: text) {
                if let day {
                    days.append(day)
                } else {
                    s.log.error(location, "'\(part)' is not a day of the week",
                                hint: "write days like Monday, Tuesday ... or Mon, Tue ...")
                }
            }
        }
        let start = s.time("start", required: true)
        let end = s.time("end", required: true)
        let kind = s.choice("kind", as: SessionKind.self) ?? .group
        let title = s.string("title", required: true)
        let room = s.string("room")
        let facilitators = SessionDetailsReader.facilitators(s)
        var session = Session(id: id, days: days, start: start ?? TimeOfDay(minutes: 0), end: end ?? TimeOfDay(minutes: 0),
                              kind: kind, title: title ?? "", room: room,
                              series: s.string("series"), note: s.string("note"), location: s.location,
                              keyLocations: s.keyLocations(["days", "start", "end", "room", "series", "mode",
                                                            "join_instructions", "join_link"]))
        session.facilitators = facilitators.map(\.0)
        session.facilitatorLocations = facilitators.map(\.1)
        session.mode = SessionDetailsReader.mode(s) ?? trackMode
        session.join = SessionDetailsReader.join(s).filled(from: trackJoin)
        guard start != nil, end != nil, title != nil, !days.isEmpty else { return nil }
        return session
    }
}
