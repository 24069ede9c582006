/// Makes the view of the content one audience may see, right after loading.
///
/// The client view is built by leaving staff-only things out, not by hiding them later: records
/// marked `staff` are dropped, staff-only fields are emptied and `staff` blocks are cut from the
/// Markdown text. Everything after this step, templates included, cannot show what is not there.
public enum AudienceResolver {
    public static func resolve(_ content: Content, for audience: Audience) -> Content {
        guard audience == .everyone else { return content }
        var view = content
        view.pages = content.pages.filter { $0.audience == .everyone }.map { page in
            var page = page
            page.body = StaffBlocks.removing(from: page.body)
            // Who owns a policy and when it is reviewed is staff business (the owner may be named).
            page.review = nil
            return page
        }
        view.rules = content.rules.filter { $0.audience == .everyone }.map { rule in
            var rule = rule
            rule.staffNote = nil
            rule.review = nil
            rule.text = StaffBlocks.removing(from: rule.text)
            rule.consequence = rule.consequence.map(StaffBlocks.removing)
            return rule
        }
        view.faq = content.faq.filter { $0.audience == .everyone }.map { entry in
            var entry = entry
            entry.answer = StaffBlocks.removing(from: entry.answer)
            entry.review = nil
            return entry
        }
        view.topics = content.topics.filter { $0.audience == .everyone }.map { topic in
            var topic = topic
            topic.guide = nil
            topic.review = nil
            topic.summary = StaffBlocks.removing(from: topic.summary)
            return topic
        }
        view.staff = content.staff.filter { $0.audience == .everyone }.map { member in
            var member = member
            // Clients see who someone is and what they do, never how to reach them privately.
            member.name = member.displayName
            member.phone = nil
            member.email = nil
            member.notes = nil
            return member
        }
        view.schedule = clientSchedule(content.schedule, staff: view.staff)
        view.program.reviewEvery = nil
        for (section, settings) in content.program.sections {
            view.program.sections[section]?.intro = settings.intro.map(StaffBlocks.removing)
        }
        // Settings of chapters clients never get are not theirs to hold.
        for section in BuiltInSection.allCases where section.isStaffOnly { view.program.sections[section] = nil }
        return view
    }

    private static func clientSchedule(_ schedule: Schedule, staff: [StaffMember]) -> Schedule {
        var view = schedule
        let visibleStaff = Set(staff.map(\.id))
        func visible(_ id: String?) -> String? { id.flatMap { visibleStaff.contains($0) ? $0 : nil } }
        /// Co-facilitators clients may see stay; the others are left out, with where they are written.
        func visible(_ ids: [String], at locations: [SourceLocation]) -> ([String], [SourceLocation]) {
            let kept = zip(ids, locations).filter { visibleStaff.contains($0.0) }
            return (kept.map(\.0), kept.map(\.1))
        }
        // A meeting link is staff-only unless the program publishes them: without it, a client
        // view cannot hand the meeting to anyone who finds a printed week or a calendar.
        func clientJoin(_ join: JoinDetails) -> JoinDetails {
            schedule.publishJoinLinks ? join : JoinDetails(instructions: join.instructions, link: nil)
        }
        view.rooms = schedule.rooms.map { room in
            var room = room
            room.capacity = nil
            return room
        }
        view.tracks = schedule.tracks.map { track in
            var track = track
            track.capacity = nil
            track.join = clientJoin(track.join)
            track.sessions = track.sessions.map { session in
                var session = session
                session.note = nil
                (session.facilitators, session.facilitatorLocations) = visible(session.facilitators, at: session.facilitatorLocations)
                session.join = clientJoin(session.join)
                return session
            }
            return track
        }
        view.changes = schedule.changes.map { change in
            var change = change
            change.staffReason = nil
            // A substitute clients may not see still replaces the usual facilitator: keep the change,
            // drop the id, so the week shows no one rather than the wrong person.
            change.substitute = change.substitute.map { visible($0) ?? "" }
            return change
        }
        view.extraSessions = schedule.extraSessions.map { extra in
            var extra = extra
            extra.note = nil
            (extra.facilitators, extra.facilitatorLocations) = visible(extra.facilitators, at: extra.facilitatorLocations)
            extra.join = clientJoin(extra.join)
            return extra
        }
        view.notices = schedule.notices.filter { $0.audience == .everyone }
        return view
    }
}
