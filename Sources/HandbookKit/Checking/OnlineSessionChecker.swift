/// Online and hybrid sessions must tell clients how to join: the link itself is usually
/// staff-only, so without `join_instructions` a client at home has nothing to go on.
public enum OnlineSessionChecker {
    public static func check(_ schedule: Schedule, log: DiagnosticLog) {
        var reportedTracks: [String: SessionMode] = [:]
        for track in schedule.tracks {
            // A track that meets online without instructions is reported once, at the track:
            // its sessions that say nothing of their own only repeat it.
            let trackLacks = track.mode.isOnline && track.join.instructions == nil
            if trackLacks {
                reportedTracks[track.id] = track.mode
                warn(at: track.location, "the \(track.name) meets \(words(track.mode)), but says nothing of how clients join",
                     hint: "add 'join_instructions:' to the track (for all its sessions) or to each session, such as 'join_instructions: The link is sent by text 15 minutes before group.'",
                     log: log)
            }
            for session in track.sessions where session.mode.isOnline && session.join.instructions == nil {
                if trackLacks && session.mode == track.mode { continue }
                warn(at: session.location(of: "mode"), "'\(session.title)' meets \(words(session.mode)), but says nothing of how clients join",
                     hint: "add 'join_instructions:' to the session, such as 'join_instructions: The link is sent by text 15 minutes before group.'",
                     log: log)
            }
        }
        for extra in schedule.extraSessions where extra.mode.isOnline && extra.join.instructions == nil {
            if reportedTracks[extra.track] == extra.mode { continue }
            warn(at: extra.location(of: "mode"), "the extra session '\(extra.title)' on \(extra.date) meets \(words(extra.mode)), but says nothing of how clients join",
                 hint: "add 'join_instructions:' to the extra session, such as 'join_instructions: The link is sent by text 15 minutes before group.'",
                 log: log)
        }
    }

    private static func warn(at location: SourceLocation, _ message: String, hint: String, log: DiagnosticLog) {
        log.warning(location, message + ": clients will not know how to join", hint: hint)
    }

    /// "online", "in person and online": for messages of `handbook check`, which are in English.
    private static func words(_ mode: SessionMode) -> String {
        mode == .hybrid ? "in person and online" : "online"
    }
}
