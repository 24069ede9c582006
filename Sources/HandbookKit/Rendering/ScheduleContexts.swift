/// Template contexts for the weekly pattern of sessions (the handbook's schedule chapter).
struct ScheduleContexts {
    let view: AudienceView
    let mode: RenderMode
    /// The address of a track's calendar feed, when the page offers them.
    var calendarFeedHref: ((_ track: String?) -> String)?

    private var wording: Wording { view.wording }

    func pattern() -> [[String: Any]] {
        let content = view.content
        let rooms = Dictionary(content.schedule.rooms.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let staff = Dictionary(content.staff.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let series = Dictionary(content.schedule.series.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let modes = SessionModeWording(wording: wording)
        return content.schedule.tracks.map { track in
            let occurrences = track.sessions.flatMap { session in session.days.map { (day: $0, session: session) } }
                .sorted { ($0.day, $0.session.start) < ($1.day, $1.session.start) }
            var previousDay: Weekday?
            let rows = occurrences.map { day, session -> [String: Any] in
                var row: [String: Any] = [
                    "rowDay": wording.weekdayName(day), "rowTime": wording.timeRange(session.start, session.end),
                    "rowTitle": session.title, "rowIsBreak": session.kind == .break,
                    "rowFirstOfDay": previousDay != day,
                ]
                // "Break", not "Break (Break)"; "Process group", not "Process group (Group)".
                let kind = wording.text(session.kind.labelKey)
                if session.title.range(of: kind, options: [.caseInsensitive, .diacriticInsensitive]) == nil { row["rowKind"] = kind }
                previousDay = day
                row["rowRoom"] = session.room.flatMap { rooms[$0]?.name }
                let leaders = session.facilitators.compactMap { id in
                    staff[id].map { view.audience == .staff ? $0.name : $0.displayName }
                }
                if !leaders.isEmpty { row["rowFacilitator"] = wording.list(leaders) }
                row.merge(modes.session(mode: session.mode, join: session.join, in: track, prefix: "row")) { $1 }
                if let id = session.series, let topicSeries = series[id] {
                    row["rowSeries"] = topicSeries.name ?? wording.text("weekly_topic")
                }
                row["rowNote"] = session.note
                return row
            }
            var item: [String: Any] = [
                "trackId": mode.id(Anchors.record(track.id)), "trackName": track.name, "trackRows": rows,
                "trackHours": wording.hours(minutes: track.weeklyTreatmentMinutes), "trackIsTreatment": track.kind == .treatment,
            ]
            item["trackDescription"] = track.description
            item["trackTimeZoneNote"] = track.timeZoneNote
            item.merge(modes.track(track)) { $1 }
            if let href = calendarFeedHref?(track.id) {
                item["trackFeedHref"] = href
                item["trackFeedText"] = wording.text("subscribe_track", ["track": track.name])
            }
            item["trackCapacity"] = track.capacity
            item["trackCapacityText"] = track.capacity.map { wording.text("at_most_in_a_group", ["count": String($0)]) }
            return item
        }
    }
}

import Foundation
