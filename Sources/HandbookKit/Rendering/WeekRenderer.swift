import Foundation

/// Renders the printable schedule of one week: the client version (page and calendar file) or the
/// staff version (with full staff details, reasons, notes and capacity).
public struct WeekRenderer {
    let week: ResolvedWeek
    let content: Content
    let templates: TemplateSet
    let audience: Audience
    let wording: Wording
    /// Every language the week is written in, for the language switcher (empty: one language).
    var languages: [LanguageChoice] = []

    public init(week: ResolvedWeek, content: Content, templates: TemplateSet, audience: Audience) {
        self.week = week
        self.content = content
        self.templates = templates
        self.audience = audience
        self.wording = templates.strings.wording(for: content.language, defaultLanguage: content.program.language)
    }

    private var isStaff: Bool { audience == .staff }
    /// A translation's week is in a folder of the default language's week (`2026-W49/es/`).
    private var isTranslation: Bool { content.language != content.program.language }

    /// Files of the week's folder: `index.html`, the stylesheet and, for clients, the `.ics` file.
    public func render(stamp: Date) -> [OutputFile] {
        var files = [OutputFile(path: "index.html", text: templates.render("schedule-week", context()))]
        if let css = templates.assets["schedule.css"], !isTranslation { files.append(OutputFile(path: "schedule.css", contents: css)) }
        if !isStaff {
            files.append(OutputFile(path: "\(week.week).ics",
                                    text: ICalendar(program: content.program, week: week, stamp: stamp, wording: wording).render()))
        }
        return files
    }

    func context() -> [String: Any] {
        let program = content.program
        let first = week.week.monday, last = week.week.days.last!
        let root = isTranslation ? "../" : ""
        var context: [String: Any] = [
            "lang": content.language, "dir": wording.textDirection, "root": root, "programName": program.name, "programDisplayName": program.displayName,
            "mainPhone": program.phone, "crisisLines": SiteContext.crisisLines(program), "isManual": isStaff,
            "weekId": week.week.description, "weekNumber": week.week.week,
            "weekRange": wording.text("week_range", ["from": wording.dayAndDate(first), "to": wording.dayAndDate(last),
                                                     "year": String(last.year)]),
            "tracks": week.tracks.map(track),
            "ui": wording.templateStrings(["program": program.name, "week": String(week.week.week), "phone": program.phone,
                                           "after_hours_phone": program.afterHoursPhone ?? ""]),
        ]
        context.merge(LanguageChoice.switcher(languages, current: content.language, root: root, file: "index.html")) { $1 }
        if !isStaff { context["icsFile"] = "\(week.week).ics" }
        context["afterHoursPhone"] = program.afterHoursPhone
        return context
    }

    private func track(_ trackWeek: TrackWeek) -> [String: Any] {
        // Weekdays always; a weekend day only when this track has something on it.
        let days = trackWeek.days.filter { day in
            day.date.weekday < .saturday || !day.sessions.isEmpty
        }
        var item: [String: Any] = [
            "trackName": trackWeek.track.name,
            "trackHours": wording.hours(minutes: trackWeek.treatmentMinutes),
            "dayCount": days.count,
            "weekDays": days.map(day),
        ]
        let closures = trackWeek.days.compactMap { day in day.closedBecause.map { "\(wording.dayAndDate(day.date)): \($0)" } }
        if !closures.isEmpty { item["trackClosures"] = closures }
        item["trackDescription"] = trackWeek.track.description
        if isStaff {
            item["trackCapacity"] = trackWeek.track.capacity
            item["trackCapacityText"] = trackWeek.track.capacity.map { wording.text("at_most_a_group", ["count": String($0)]) }
            // Notes and phone numbers are the same every day: listed once under the week, so the
            // staff copy stays as short as the wall copy.
            let sessions = trackWeek.days.flatMap(\.sessions)
            var seenNotes: Set<String> = [], seenStaff: Set<String> = []
            let notes = sessions.compactMap { session -> [String: Any]? in
                guard let note = session.note, seenNotes.insert(session.title + "\u{0}" + note).inserted else { return nil }
                return ["noteTitle": session.title, "noteText": note]
            }
            let people = sessions.flatMap { [$0.facilitator, $0.usualFacilitator].compactMap { $0 } }.compactMap { person -> [String: Any]? in
                guard seenStaff.insert(person.id).inserted else { return nil }
                var entry: [String: Any] = ["personName": person.name]
                entry["personPhone"] = person.phone
                return entry
            }
            var seenRooms: Set<String> = []
            let rooms = sessions.compactMap(\.room).compactMap { room -> [String: Any]? in
                guard let seats = room.capacity, seenRooms.insert(room.id).inserted else { return nil }
                return ["roomName": room.name, "roomSeats": wording.text("seats", ["count": String(seats)])]
            }
            if !notes.isEmpty { item["trackNotes"] = notes }
            if !rooms.isEmpty { item["trackRooms"] = rooms }
            if !people.isEmpty { item["trackPeople"] = people }
        }
        return item
    }

    private func day(_ day: TrackWeek.Day) -> [String: Any] {
        var item: [String: Any] = [
            "dayName": wording.weekdayName(day.date.weekday),
            "dayDate": wording.shortDate(day.date),
            "daySessions": day.sessions.map(session),
            "dayIsEmpty": day.sessions.isEmpty,
        ]
        item["dayClosedBecause"] = day.closedBecause
        return item
    }

    private func session(_ session: ScheduledSession) -> [String: Any] {
        var item: [String: Any] = [
            "sessionTime": wording.timeRange(session.start, session.end),
            "sessionTitle": session.title,
            "sessionKind": wording.text(session.kind.labelKey),
            "sessionIsBreak": session.kind == .break,
            "sessionStruck": !session.takesPlace,
        ]
        item["sessionTopic"] = session.topic?.title
        item["sessionRoom"] = session.room?.name
        item["sessionFacilitator"] = session.facilitator.map(\.name)
        item["sessionStatus"] = status(of: session)
        item["sessionReason"] = session.reason
        if isStaff { item["sessionStaffReason"] = session.staffReason }
        return item
    }

    /// What changed, in words: the schedule must be clear in black and white, so never by colour.
    private func status(of session: ScheduledSession) -> String? {
        if let reason = session.closedBecause { return "\(wording.text("closed")): \(reason)" }
        if session.isCancelled { return wording.text("cancelled") }
        if let moved = session.movedTo {
            return wording.text("moved_to", ["date": wording.dayAndDate(moved.date), "time": wording.time(moved.start)])
        }
        var parts: [String] = []
        if let from = session.movedFrom {
            parts.append(from.date == session.date ? wording.text("new_time", ["time": wording.time(from.start)])
                : wording.text("moved_from", ["date": wording.dayAndDate(from.date)]))
        }
        if session.isExtra { parts.append(wording.text("extra_session")) }
        if let usual = session.usualFacilitator { parts.append(wording.text("substitute_for", ["name": usual.name])) }
        if let usual = session.usualRoom { parts.append(wording.text("room_change", ["room": usual.name])) }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}
