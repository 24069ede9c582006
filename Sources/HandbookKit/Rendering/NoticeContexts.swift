/// Template contexts for what a week announces above its grid: the clocks' changes first (they
/// concern every track and every client), then the program's notices in file order.
///
/// The notices come from the audience's view: a client view never held a staff-only notice, so
/// the flag `noticeIsStaffOnly` is only ever set in the staff copy and the manual.
struct NoticeContexts {
    let wording: Wording

    /// The week page's notices of one track, each a line of the track's header.
    func weekPage(_ notices: [ScheduleNotice], clockChanges: [ClockChange]) -> [[String: Any]] {
        clockChanges.map(clockItem) + notices.map { item($0) }
    }

    /// The schedule chapter's list of the current week's notices: one line each, naming the
    /// tracks of a notice that is not for everyone.
    func chapter(_ notices: [ScheduleNotice], clockChanges: [ClockChange], tracks: [Track]) -> [[String: Any]] {
        let names = Dictionary(tracks.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return clockChanges.map(clockItem) + notices.map { notice in
            var entry = item(notice)
            if !notice.tracks.isEmpty {
                let listed = notice.tracks.map { names[$0] ?? $0 }
                entry["noticeTracks"] = wording.text("notice_tracks_only", ["tracks": listed.joined(separator: ", ")])
            }
            return entry
        }
    }

    /// The schedule chapter's keys for the current week (`hasScheduleNotices`, `scheduleNotices`);
    /// none when the week announces nothing.
    func chapterContext(_ content: Content, week: ISOWeek) -> [String: Any] {
        let resolver = WeekResolver(content)
        let items = chapter(resolver.notices(in: week), clockChanges: resolver.clockChanges(in: week), tracks: content.schedule.tracks)
        return items.isEmpty ? [:] : ["hasScheduleNotices": true, "scheduleNotices": items]
    }

    /// "Clocks go back one hour on Sunday, November 1."
    func text(of change: ClockChange) -> String {
        let forward = change.minutes > 0
        let values = ["date": wording.dayAndDate(change.date), "minutes": String(abs(change.minutes))]
        if abs(change.minutes) == 60 { return wording.text(forward ? "clocks_forward" : "clocks_back", values) }
        return wording.text(forward ? "clocks_forward_minutes" : "clocks_back_minutes", values)
    }

    /// "Thursday, November 26", or "Monday, December 21 – Friday, January 1" for more than a day,
    /// as the closures of the week page write their days.
    func dates(of notice: ScheduleNotice) -> String {
        notice.from == notice.until ? wording.dayAndDate(notice.from)
            : "\(wording.dayAndDate(notice.from)) – \(wording.dayAndDate(notice.until))"
    }

    private func clockItem(_ change: ClockChange) -> [String: Any] {
        ["noticeText": text(of: change), "noticeIsStaffOnly": false]
    }

    private func item(_ notice: ScheduleNotice) -> [String: Any] {
        ["noticeText": notice.text, "noticeDates": dates(of: notice), "noticeIsStaffOnly": notice.audience == .staff]
    }
}
