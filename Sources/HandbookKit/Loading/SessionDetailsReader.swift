import Foundation

/// Keys that a track, a weekly session and an extra session share in `schedule.yaml`: how it
/// meets (`mode`), how clients join it online (`join_instructions`, `join_link`), and, for
/// sessions, who leads it (`facilitator` or `facilitators`).
enum SessionDetailsReader {
    /// `mode:`; nil when not given, so that a session can take its track's.
    static func mode(_ r: MappingReader) -> SessionMode? {
        r.choice("mode", as: SessionMode.self)
    }

    /// `join_instructions:` and `join_link:`, the link checked to be a web address.
    static func join(_ r: MappingReader) -> JoinDetails {
        JoinDetails(instructions: r.string("join_instructions"), link: joinLink(r))
    }

    /// A link clients (or staff) open to join: an http(s) address with a host. Anything else
    /// would print as a dead link on the wall copy, or open something that is not a meeting.
    private static func joinLink(_ r: MappingReader) -> String? {
        guard let written = r.string("join_link") else { return nil }
        // Spaces and quotes are never part of an address (some URL parsers would quietly encode
        // them); a calendar file could not carry them either.
        let unsafe = written.contains { $0.isWhitespace || "\"<>\\^`{|}".contains($0) }
        guard !unsafe, let url = URL(string: written), ["https", "http"].contains(url.scheme?.lowercased() ?? ""),
              let host = url.host, !host.isEmpty else {
            r.log.error(r.location(of: "join_link"), "'\(written)' is not a web address",
                        hint: "write the meeting's whole address, starting with https://, such as 'join_link: https://meet.example.org/evening-group'")
            return nil
        }
        return written
    }

    /// `facilitator: ana-ruiz` or `facilitators: [ana-ruiz, ben-cho]`, each with where it is
    /// written. Both at once is an error (which one is meant?); the list is then used.
    static func facilitators(_ r: MappingReader) -> [(String, SourceLocation)] {
        let one = r.string("facilitator")
        let many = r.strings("facilitators")
        if one != nil, many != nil {
            r.log.error(r.keyLocation("facilitators") ?? r.location(of: "facilitators"),
                        "this \(r.noun) has both 'facilitator' and 'facilitators'",
                        hint: "list everyone under 'facilitators:', such as 'facilitators: [ana-ruiz, ben-cho]', and delete the 'facilitator:' line")
        }
        guard let many else { return one.map { [($0, r.location(of: "facilitator"))] } ?? [] }
        var seen: Set<String> = []
        return many.filter { id, location in
            guard !id.isEmpty else { return false }
            if !seen.insert(id).inserted {
                r.log.error(location, "'\(id)' is listed twice in 'facilitators'", hint: "delete one of the two lines")
                return false
            }
            return true
        }
    }
}
