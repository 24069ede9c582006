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
            return page
        }
        view.rules = content.rules.filter { $0.audience == .everyone }.map { rule in
            var rule = rule
            rule.staffNote = nil
            rule.text = StaffBlocks.removing(from: rule.text)
            rule.consequence = rule.consequence.map(StaffBlocks.removing)
            return rule
        }
        view.faq = content.faq.filter { $0.audience == .everyone }.map { entry in
            var entry = entry
            entry.answer = StaffBlocks.removing(from: entry.answer)
            return entry
        }
        view.topics = content.topics.filter { $0.audience == .everyone }.map { topic in
            var topic = topic
            topic.guide = nil
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
        view.rooms = schedule.rooms.map { room in
            var room = room
            room.capacity = nil
            return room
        }
        view.tracks = schedule.tracks.map { track in
            var track = track
            track.capacity = nil
            track.sessions = track.sessions.map { session in
                var session = session
                session.note = nil
                session.facilitator = visible(session.facilitator)
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
            extra.facilitator = visible(extra.facilitator)
            return extra
        }
        return view
    }
}
