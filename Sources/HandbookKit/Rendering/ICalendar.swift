import Foundation

/// Writes sessions as an iCalendar file (RFC 5545): CRLF line ends, lines folded at 75 octets, a
/// VTIMEZONE for the program's time zone. One week (the `.ics` of a week's page) or several (a
/// calendar feed, see `CalendarFeed`).
///
/// Made so that a calendar which already holds an earlier copy updates it: each event's UID is
/// the regular slot it fills (date, track, session), so a moved session stays one event; a
/// cancelled session and the sessions of a closed day stay in the file, marked cancelled; and a
/// change raises the event's SEQUENCE.
public struct ICalendar {
    let program: Program
    let weeks: [ResolvedWeek]
    /// The moment every DTSTAMP and LAST-MODIFIED carries: fixed, so the file is the same each
    /// time it is made (`SOURCE_DATE_EPOCH`, else the edition date).
    let stamp: Date
    /// The language of the event texts.
    let wording: Wording
    /// The calendar's name (`X-WR-CALNAME`).
    var name: String
    /// Only this track's sessions; nil: every track.
    var track: String?
    /// A feed tells calendar programs to read it again each day.
    var isFeed = false

    /// One week's file, as the week's page offers it.
    public init(program: Program, week: ResolvedWeek, stamp: Date, wording: Wording) {
        self.init(program: program, weeks: [week], stamp: stamp, wording: wording, name: "\(program.displayName) \(week.week)")
    }

    init(program: Program, weeks: [ResolvedWeek], stamp: Date, wording: Wording, name: String, track: String? = nil, isFeed: Bool = false) {
        self.program = program
        self.weeks = weeks
        self.stamp = stamp
        self.wording = wording
        self.name = name
        self.track = track
        self.isFeed = isFeed
    }

    public func render() -> String {
        render(events: events(), timeZone: timeZoneText())
    }

    /// The calendar made of `events` (this calendar's track's among them) and `timeZone`, as
    /// `events()` and `timeZoneText()` give them: the feeds of one language share both, since
    /// every event of a track's feed is also in the feed of every track.
    func render(events: [(track: String, text: String)], timeZone: String) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Handbook//Weekly schedule//EN", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escape(name), "X-WR-TIMEZONE:" + program.timeZone]
        if isFeed { lines += ["REFRESH-INTERVAL;VALUE=DURATION:P1D", "X-PUBLISHED-TTL:P1D"] }
        var text = Self.folded(lines) + timeZone
        for event in events where track == nil || event.track == track { text += event.text }
        return text + "END:VCALENDAR\r\n"
    }

    /// Every event of the weeks, of every track, in the order of the calendar, as folded lines.
    func events() -> [(track: String, text: String)] {
        let domain = Slug.make(program.name) + ".handbook"
        var events: [(track: String, text: String)] = []
        for week in weeks {
            for trackWeek in week.tracks {
                // The old place of a moved session is not an event: the session, at its new
                // time, carries the slot's UID.
                for session in trackWeek.days.flatMap(\.sessions) where session.movedTo == nil {
                    events.append((trackWeek.track.id, Self.folded(event(session, track: trackWeek.track, domain: domain))))
                }
            }
        }
        return events
    }

    /// The VTIMEZONE component, as folded lines.
    func timeZoneText() -> String { Self.folded(timeZoneComponent()) }

    private static func folded(_ lines: [String]) -> String {
        lines.isEmpty ? "" : lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    private func event(_ session: ScheduledSession, track: Track, domain: String) -> [String] {
        var summary = session.title
        if let topic = session.topic { summary += ": " + topic.title }
        if session.isCalledOff { summary = wording.text("cancelled_event", ["title": summary]) }
        var lines = ["BEGIN:VEVENT", "UID:" + Self.escape(session.slotKey + "@" + domain),
                     "DTSTAMP:" + Self.utc(stamp), "LAST-MODIFIED:" + Self.utc(stamp), "SEQUENCE:\(session.sequence)",
                     "DTSTART;TZID=\(program.timeZone):\(Self.local(session.date, session.start))",
                     "DTEND;TZID=\(program.timeZone):\(Self.local(session.date, session.end))",
                     "SUMMARY:" + Self.escape(summary)]
        if session.isCalledOff { lines.append("STATUS:CANCELLED") }
        // An online session is not in a room, whatever room its facilitator uses.
        if session.mode == .online {
            lines.append("LOCATION:" + Self.escape(wording.text(session.mode.labelKey)))
        } else if let room = session.room {
            lines.append("LOCATION:" + Self.escape("\(room.name), \(program.name)"))
        }
        lines.append("DESCRIPTION:" + Self.escape(description(of: session, track: track)))
        // RFC 7986 section 5.11: the link a calendar offers as its "join" button. Only present when
        // the calendar's view holds the link (a client view does only when links are published).
        if session.mode.isOnline, !session.isCalledOff, let link = session.join.link {
            lines.append("CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=\(Self.parameter(wording.text("join_online"))):\(link)")
        }
        lines.append("CATEGORIES:" + Self.escape(wording.text(session.kind.labelKey)))
        lines.append("END:VEVENT")
        return lines
    }

    private func description(of session: ScheduledSession, track: Track) -> String {
        var parts = [track.name]
        if let topic = session.topic { parts.append("\(wording.text("topic")): \(topic.title)") }
        if session.facilitators.count == 1 {
            parts.append(wording.text("led_by_name", ["name": session.facilitators[0].name]))
        } else if session.facilitators.count > 1 {
            parts.append(wording.text("led_by_names", ["names": wording.list(session.facilitators.map(\.name))]))
        }
        if session.mode.isOnline {
            parts.append(wording.text(session.mode.labelKey))
            if let instructions = session.join.instructions { parts.append(instructions) }
            // Calendars that ignore CONFERENCE still show the link here.
            if let link = session.join.link { parts.append(wording.text("join_link") + " " + link) }
        }
        if session.isExtra { parts.append(wording.text("extra_session")) }
        if let from = session.movedFrom {
            parts.append(wording.text("moved_from", ["date": wording.dayAndDate(from.date)]) + " " + wording.time(from.start))
        }
        if let closed = session.closedBecause { parts.append(wording.text("closed_because", ["reason": closed])) }
        if let reason = session.reason { parts.append(reason) }
        return parts.joined(separator: "\n")
    }

    /// VTIMEZONE with each change of offset from a year before the week to a year after, so
    /// calendars place every event right even across daylight-saving changes.
    private func timeZoneComponent() -> [String] {
        guard let zone = TimeZone(identifier: program.timeZone) else { return [] }
        var lines = ["BEGIN:VTIMEZONE", "TZID:" + program.timeZone]
        let first = weeks.map(\.week).min() ?? ISOWeek(containing: program.editionDate)
        let last = weeks.map(\.week).max() ?? first
        let from = Self.date(first.monday.adding(days: -366), in: zone)
        let until = Self.date(last.monday.adding(days: 373), in: zone)
        var transitions: [Date] = []
        var cursor = from
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < until {
            transitions.append(next)
            cursor = next
        }
        if transitions.isEmpty {
            let offset = Self.offset(zone.secondsFromGMT(for: from))
            lines += ["BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:" + offset, "TZOFFSETTO:" + offset]
            if let name = zone.abbreviation(for: from), !name.hasPrefix("GMT") { lines.append("TZNAME:" + Self.escape(name)) }
            lines.append("END:STANDARD")
        }
        for moment in transitions {
            let before = zone.secondsFromGMT(for: moment.addingTimeInterval(-1))
            let after = zone.secondsFromGMT(for: moment)
            let kind = zone.isDaylightSavingTime(for: moment) ? "DAYLIGHT" : "STANDARD"
            // DTSTART is the local time the change happens, read on the clock before it.
            lines += ["BEGIN:\(kind)", "DTSTART:" + Self.floating(moment, offset: before),
                      "TZOFFSETFROM:" + Self.offset(before), "TZOFFSETTO:" + Self.offset(after)]
            if let name = zone.abbreviation(for: moment), !name.hasPrefix("GMT") { lines.append("TZNAME:" + Self.escape(name)) }
            lines.append("END:\(kind)")
        }
        lines.append("END:VTIMEZONE")
        return lines
    }

    // MARK: - Formatting

    static func local(_ date: CalendarDate, _ time: TimeOfDay) -> String {
        digits(date.year, 4) + digits(date.month) + digits(date.day) + "T" + digits(time.hour) + digits(time.minute) + "00"
    }

    /// `value` with leading zeros to `width` digits (what `%02d` writes, without `String(format:)`,
    /// which costs more than the rest of an event).
    static func digits(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    static func floating(_ moment: Date, offset: Int) -> String {
        let seconds = Int(moment.timeIntervalSince1970) + offset
        let day = CalendarDate(dayNumber: Int((Double(seconds) / 86400).rounded(.down)))
        let rest = seconds - day.dayNumber * 86400
        return digits(day.year, 4) + digits(day.month) + digits(day.day) + "T" + digits(rest / 3600) + digits(rest % 3600 / 60) + digits(rest % 60)
    }

    static func utc(_ moment: Date) -> String { floating(moment, offset: 0) + "Z" }

    static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let value = abs(seconds)
        return String(format: "%@%02d%02d", sign, value / 3600, value % 3600 / 60)
    }

    static func date(_ day: CalendarDate, in zone: TimeZone) -> Date {
        Date(timeIntervalSince1970: TimeInterval(day.dayNumber * 86400 - zone.secondsFromGMT()))
    }

    /// A parameter value (RFC 5545 section 3.1): quoted when it holds a colon, semicolon or comma;
    /// a double quote or a control character cannot be written in one, so is left out.
    static func parameter(_ text: String) -> String {
        let safe = String(text.unicodeScalars.filter { $0 != "\"" && !CharacterSet.controlCharacters.contains($0) })
        return safe.contains(where: { ":;,".contains($0) }) ? "\"" + safe + "\"" : safe
    }

    /// TEXT values escape backslash, semicolon, comma and newline.
    static func escape(_ text: String) -> String {
        // One pass over the bytes: this runs for every text of every event of every feed, and
        // most texts have nothing to escape.
        guard text.containsByte(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ",")
            || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") }) else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + 8)
        var bytes = text.utf8.makeIterator()
        var pending = bytes.next()
        while let byte = pending {
            pending = bytes.next()
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ","):
                escaped += [UInt8(ascii: "\\"), byte]
            case UInt8(ascii: "\r") where pending == UInt8(ascii: "\n"):
                escaped += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                pending = bytes.next()
            case UInt8(ascii: "\n"):
                escaped += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            default:
                escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    /// Splits a content line into lines of at most 75 octets, never inside a UTF-8 character;
    /// continuation lines start with one space.
    static func fold(_ line: String) -> String {
        if line.utf8.count <= 75 { return line }
        var result: [UInt8] = []
        result.reserveCapacity(line.utf8.count + line.utf8.count / 74 * 3 + 3)
        var current = 0
        // By bytes: a character starts at a byte that is not a continuation byte (10xxxxxx), and
        // its first byte says how many bytes it has.
        for byte in line.utf8 {
            if byte & 0xC0 != 0x80 {
                let size = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                if current + size > 75 {
                    result.append(contentsOf: "\r\n ".utf8)
                    current = 1
                }
            }
            result.append(byte)
            current += 1
        }
        return String(decoding: result, as: UTF8.self)
    }
}

extension ScheduledSession {
    /// The regular slot this occurrence fills: its day (the day it was moved from, when moved),
    /// track and session. The same before and after a move, so a calendar that holds the event
    /// updates it instead of adding a second one.
    var slotKey: String {
        let name = sessionId ?? "extra-\(Slug.make(title))-\(start.iso.replacingOccurrences(of: ":", with: ""))"
        return "\((movedFrom?.date ?? date))-\(trackId)-\(name)"
    }

    /// Does not take place: cancelled, or on a closed day.
    var isCalledOff: Bool { isCancelled || closedBecause != nil }

    /// How many changes shape this occurrence (cancelled, closed, moved, another leader, another
    /// room): 0 for the regular session. Adding a change never lowers it, so a calendar takes
    /// the newer copy of the event for the newer one.
    var sequence: Int {
        [isCancelled, closedBecause != nil, movedFrom != nil, !usualFacilitators.isEmpty, usualRoom != nil].filter { $0 }.count
    }
}
