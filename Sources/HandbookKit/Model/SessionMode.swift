/// Where a session meets: in a room, online, or both at once.
public enum SessionMode: String, CaseIterable, Sendable {
    case inPerson = "in_person", online, hybrid

    /// The interface string naming the mode in outputs ("Online", "In person and online").
    public var labelKey: String { "mode_" + rawValue }

    /// Clients join it from elsewhere, so they need to be told how.
    public var isOnline: Bool { self != .inPerson }
}

/// How clients join a session online.
public struct JoinDetails: Sendable, Equatable {
    /// Client text: "The link is sent by text 15 minutes before group."
    public var instructions: String?
    /// The meeting's address. Staff-only unless `publish_join_links: true` in `schedule.yaml`.
    public var link: String?

    public init(instructions: String? = nil, link: String? = nil) {
        self.instructions = instructions
        self.link = link
    }

    /// Each field this one lacks, taken from `defaults` (a track's, for its sessions).
    func filled(from defaults: JoinDetails) -> JoinDetails {
        JoinDetails(instructions: instructions ?? defaults.instructions, link: link ?? defaults.link)
    }
}
