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
    /// The QR code of a feed address as SVG (`FeedCodes`); nil: the printed week shows the address alone.
    var feedCode: (String) -> String? = { _ in nil }
    /// Whether the client `schedule/` folder is in the same output folder as the staff copy (see
    /// `SiteRenderer.clientFilesBeside`): when not, the staff copy links to the feeds at
    /// `site_url`, or not at all.
    var clientFilesBeside = true

    public init(week: ResolvedWeek, content: Content, templates: TemplateSet, audience: Audience) {
        self.week = week
        self.content = content
        self.templates = templates
        self.audience = audience
        self.wording = templates.strings.wording(for: content.language, program: content.program)
    }

    private var isStaff: Bool { audience == .staff }
    /// A translation's week is in a folder of the default language's week (`2026-W49/es/`).
    private var isTranslation: Bool { content.language != content.program.language }
    /// Where this language's files are inside a week's folder: "" or "es/".
    private var languageFolder: String { isTranslation ? content.language + "/" : "" }
    /// From the week's page to the client `schedule/` folder, where the calendar feeds are.
    private var clientScheduleRoot: String { (isTranslation ? "../" : "") + (isStaff ? "../../../schedule/" : "../") }

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

    /// The page at this week's stable address, `index.html` of `schedule/` (or of
    /// `manual/schedule/`), a translation's in its own folder (`schedule/es/`), which other pages
    /// link to: it sends the reader on to this week's page by a refresh, which needs no script,
    /// and shows the week's name as a link for anyone whose browser does not follow it.
    /// The path is the default language's: move the file into the language's folder.
    public func currentWeekPage() -> OutputFile {
        let weekFolder = (isTranslation ? "../" : "") + week.week.description + "/"
        let context: [String: Any] = [
            "lang": content.language, "dir": wording.textDirection, "programDisplayName": content.program.displayName,
            "isManual": isStaff, "ui": interfaceStrings,
            "weekHref": weekFolder + languageFolder + "index.html", "stylesheetHref": weekFolder + "schedule.css",
            "weekRange": weekRange,
        ]
        return OutputFile(path: "index.html", text: templates.render("schedule-current", context))
    }

    func context() -> [String: Any] {
        let program = content.program
        let root = isTranslation ? "../" : ""
        var context: [String: Any] = [
            "lang": content.language, "dir": wording.textDirection, "root": root, "programName": program.name, "programDisplayName": program.displayName,
            "mainPhone": program.phone, "mainPhoneTel": SiteContext.tel(program.phone),
            "crisisLines": SiteContext.crisisLines(program), "isManual": isStaff,
            "weekId": week.week.description, "weekNumber": week.week.week,
            "weekRange": weekRange,
            "tracks": week.tracks.map(track),
            "ui": interfaceStrings,
            // The week's folder is `schedule/<week>/` or `manual/schedule/<week>/`, a translation's one deeper.
            "backHref": root + "../../" + (isStaff ? "" : "handbook/") + languageFolder + "index.html",
            "timeZoneNote": wording.text("times_in_zone", ["zone_name": wording.timeZoneName(program.timeZone), "zone": program.timeZone]),
            "questionsCall": parts(of: "questions_or_late", around: "phone"),
        ]
        context.merge(LanguageChoice.switcher(languages, current: content.language, root: root, file: "index.html")) { $1 }
        if !isStaff { context["icsFile"] = "\(week.week).ics" }
        if let phone = program.afterHoursPhone {
            context["afterHoursPhone"] = phone
            context["afterHoursPhoneTel"] = SiteContext.tel(phone)
            context["afterHoursCall"] = parts(of: "after_hours", around: "after_hours_phone")
        }
        return context
    }

    /// "Monday, November 30 – Sunday, December 6, 2026".
    private var weekRange: String {
        wording.text("week_range", ["from": wording.dayAndDate(week.week.monday), "to": wording.dayAndDate(week.week.days.last!),
                                    "year": String(week.week.days.last!.year)])
    }

    /// The interface strings, with what the week page may say filled in.
    private var interfaceStrings: [String: String] {
        let program = content.program
        return wording.templateStrings(["program": program.name, "week": String(week.week.week), "year": String(week.week.year),
                                        "phone": program.phone, "after_hours_phone": program.afterHoursPhone ?? ""])
    }

    /// An interface string in two parts around one of its placeholders, so that the template puts
    /// a link there (a phone number as a `tel:` link): "Questions or running late? Call " and ".".
    /// A translation without the placeholder shows the number after its text.
    private func parts(of key: String, around placeholder: String) -> [String: String] {
        let mark = "\u{1}"
        let whole = wording.text(key, ["program": content.program.name, placeholder: mark])
        guard let range = whole.range(of: mark) else { return ["textBefore": whole + " ", "textAfter": ""] }
        return ["textBefore": String(whole[..<range.lowerBound]),
                "textAfter": String(whole[range.upperBound...]).replacingOccurrences(of: mark, with: "")]
    }

    private func track(_ trackWeek: TrackWeek) -> [String: Any] {
        // Weekdays always; a weekend day only when this track has something on it.
        let days = trackWeek.days.filter { day in
            day.date.weekday < .saturday || !day.sessions.isEmpty
        }
        var item: [String: Any] = [
            "trackName": trackWeek.track.name,
            "trackHours": wording.hours(minutes: trackWeek.treatmentMinutes), "trackIsTreatment": trackWeek.track.kind == .treatment,
            "dayCount": days.count,
            "weekDays": days.map { day($0, track: trackWeek.track) },
        ]
        item.merge(SessionModeWording(wording: wording).track(trackWeek.track)) { $1 }
        let closures = closureNotices(trackWeek.days)
        if !closures.isEmpty { item["trackClosures"] = closures }
        // Each track prints on a page of its own, so each page repeats the notices that concern it.
        let notices = NoticeContexts(wording: wording).weekPage(trackWeek.notices, clockChanges: week.clockChanges)
        if !notices.isEmpty { item["trackNotices"] = notices }
        item["trackDescription"] = trackWeek.track.description
        item["trackTimeZoneNote"] = trackWeek.track.timeZoneNote
        if !isStaff || clientFilesBeside || content.program.siteURL != nil {
            item["trackFeedHref"] = CalendarFeed.href(content.program, track: trackWeek.track.id,
                                                      language: isTranslation ? content.language : nil, scheduleRoot: clientScheduleRoot)
        }
        item["trackFeedText"] = wording.text("subscribe_track", ["track": trackWeek.track.name])
        // The wall copy only: the code is for clients to scan, and the staff copy has no room to spare.
        if !isStaff, let address = CalendarFeed.subscriptionAddress(content.program, track: trackWeek.track.id,
                                                                     language: isTranslation ? content.language : nil) {
            item["trackFeedAddress"] = address
            item["trackFeedScanText"] = wording.text("scan_to_subscribe", ["track": trackWeek.track.name])
            item["trackFeedQR"] = feedCode(address).map { QRCode.inline($0, name: wording.text("feed_code_name")) }
        }
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
            let people = sessions.flatMap { $0.facilitators + $0.usualFacilitators }.compactMap { person -> [String: Any]? in
                guard seenStaff.insert(person.id).inserted else { return nil }
                var entry: [String: Any] = ["personName": person.name]
                entry["personPhone"] = person.phone
                entry["personPhoneTel"] = person.phone.map(SiteContext.tel)
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

    /// "Thursday, November 26 – Friday, November 27: Thanksgiving holiday": days in a row closed
    /// for the same reason are one notice, so a long closure takes one line of the page.
    private func closureNotices(_ days: [TrackWeek.Day]) -> [String] {
        var runs: [(first: CalendarDate, last: CalendarDate, reason: String)] = []
        for day in days {
            guard let reason = day.closedBecause else { continue }
            if let run = runs.last, run.reason == reason, run.last.adding(days: 1) == day.date {
                runs[runs.count - 1].last = day.date
            } else {
                runs.append((day.date, day.date, reason))
            }
        }
        return runs.map { run in
            let dates = run.first == run.last ? wording.dayAndDate(run.first)
                : "\(wording.dayAndDate(run.first)) – \(wording.dayAndDate(run.last))"
            return "\(dates): \(run.reason)"
        }
    }

    private func day(_ day: TrackWeek.Day, track: Track) -> [String: Any] {
        var item: [String: Any] = [
            "dayName": wording.weekdayName(day.date.weekday),
            "dayDate": wording.shortDate(day.date),
            "daySessions": day.sessions.map { session($0, track: track) },
            "dayIsEmpty": day.sessions.isEmpty,
        ]
        item["dayClosedBecause"] = day.closedBecause
        return item
    }

    /// On a day closed for the track, the day says why once: its sessions are only struck
    /// through, without room, leader or a "Closed" of their own, so the week still fits one page.
    private func session(_ session: ScheduledSession, track: Track) -> [String: Any] {
        var item: [String: Any] = [
            "sessionTime": wording.timeRange(session.start, session.end),
            "sessionTitle": session.title,
            "sessionKind": wording.text(session.kind.labelKey),
            "sessionIsBreak": session.kind == .break,
            "sessionStruck": !session.takesPlace,
        ]
        if session.closedBecause != nil { return item }
        item["sessionTopic"] = session.topic?.title
        item["sessionRoom"] = session.room?.name
        item["sessionFacilitator"] = session.facilitators.isEmpty ? nil : wording.list(session.facilitators.map(\.name))
        item.merge(SessionModeWording(wording: wording).session(mode: session.mode, join: session.join, in: track)) { $1 }
        item["sessionStatus"] = status(of: session)
        item["sessionReason"] = session.reason
        if isStaff { item["sessionStaffReason"] = session.staffReason }
        return item
    }

    /// What changed, in words: the schedule must be clear in black and white, so never by colour.
    private func status(of session: ScheduledSession) -> String? {
        if session.isCancelled { return wording.text("cancelled") }
        if let moved = session.movedTo {
            return wording.text("moved_to", ["date": wording.dayAndDate(moved.date), "time": wording.timeOnOneLine(moved.start)])
        }
        var parts: [String] = []
        if let from = session.movedFrom {
            parts.append(from.date == session.date ? wording.text("new_time", ["time": wording.timeOnOneLine(from.start)])
                : wording.text("moved_from", ["date": wording.dayAndDate(from.date)]))
        }
        if session.isExtra { parts.append(wording.text("extra_session")) }
        if !session.usualFacilitators.isEmpty {
            parts.append(wording.text("substitute_for", ["name": wording.list(session.usualFacilitators.map(\.name))]))
        }
        if let usual = session.usualRoom { parts.append(wording.text("room_change", ["room": usual.name])) }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}
