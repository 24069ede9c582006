/// Ids that one file uses to name something in another must exist: facilitators, rooms, topic
/// series and their topics.
public enum ReferenceChecker {
    public static func check(_ content: Content, log: DiagnosticLog) {
        // In file order: of two ids equally close to a misspelt one, the first written is suggested,
        // the same on every run.
        let staff = FileOrderIds(content.staff.map(\.id))
        let rooms = FileOrderIds(content.schedule.rooms.map(\.id))
        let series = FileOrderIds(content.schedule.series.map(\.id))
        let topics = FileOrderIds(content.topics.map(\.id))
        let tracks = FileOrderIds(content.schedule.tracks.map(\.id))
        let sessions = FileOrderIds(content.schedule.tracks.flatMap { $0.sessions.compactMap(\.id) })

        func expect(_ id: String?, in known: FileOrderIds, noun: String, file: String, at location: SourceLocation) {
            guard let id, !known.contains(id) else { return }
            log.error(location, "unknown \(noun) '\(id)'",
                      hint: known.isEmpty ? "add it to \(file) first" : "\(Suggestion.hint(for: id, in: known.ids, noun: "\(noun) id")) (ids are listed in \(file))")
        }

        for topicSeries in content.schedule.series {
            for (topic, location) in zip(topicSeries.topics, topicSeries.topicLocations) {
                expect(topic, in: topics, noun: "topic", file: "topics.yaml", at: location)
            }
            if topicSeries.topics.isEmpty {
                log.error(topicSeries.location, "the topic series '\(topicSeries.id)' lists no topics", hint: "add topic ids under 'topics:'")
            }
        }
        for track in content.schedule.tracks {
            for session in track.sessions {
                for (person, location) in zip(session.facilitators, session.facilitatorLocations) {
                    expect(person, in: staff, noun: "staff member", file: "staff.yaml", at: location)
                }
                expect(session.room, in: rooms, noun: "room", file: "schedule.yaml under 'rooms'", at: session.location(of: "room"))
                expect(session.series, in: series, noun: "topic series", file: "schedule.yaml under 'series'", at: session.location(of: "series"))
            }
        }
        for change in content.schedule.changes {
            expect(change.session, in: sessions, noun: "session", file: "schedule.yaml (give the session an 'id')", at: change.location(of: "session"))
            expect(change.substitute, in: staff, noun: "staff member", file: "staff.yaml", at: change.location(of: "substitute"))
            expect(change.room, in: rooms, noun: "room", file: "schedule.yaml under 'rooms'", at: change.location(of: "room"))
        }
        for extra in content.schedule.extraSessions {
            expect(extra.track, in: tracks, noun: "track", file: "schedule.yaml under 'tracks'", at: extra.location)
            for (person, location) in zip(extra.facilitators, extra.facilitatorLocations) {
                expect(person, in: staff, noun: "staff member", file: "staff.yaml", at: location)
            }
            expect(extra.room, in: rooms, noun: "room", file: "schedule.yaml under 'rooms'", at: extra.location(of: "room"))
            expect(extra.topic, in: topics, noun: "topic", file: "topics.yaml", at: extra.location(of: "topic"))
        }
        for closure in content.schedule.closures {
            for track in closure.tracks { expect(track, in: tracks, noun: "track", file: "schedule.yaml under 'tracks'", at: closure.location) }
        }
        for notice in content.schedule.notices {
            for (track, location) in zip(notice.tracks, notice.trackLocations) {
                expect(track, in: tracks, noun: "track", file: "schedule.yaml under 'tracks'", at: location)
            }
        }
    }
}

/// Ids as written, in file order, for suggestions; and as a set, for lookups.
private struct FileOrderIds {
    let ids: [String]
    private let lookup: Set<String>
    init(_ ids: [String]) {
        self.ids = ids
        lookup = Set(ids)
    }
    var isEmpty: Bool { ids.isEmpty }
    func contains(_ id: String) -> Bool { lookup.contains(id) }
}
