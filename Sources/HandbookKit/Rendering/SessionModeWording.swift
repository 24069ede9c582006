/// How a track or a session meets, and how to join it online, as template values: the same on
/// the week's page and in the schedule chapter.
///
/// What an online or hybrid track says is shown once, with the track; a session shows only what
/// differs from it, so that a track that meets online does not repeat "Online" and its
/// instructions in every cell of the printed week. An in-person track shows nothing: its
/// `join_instructions` are only the default of its sessions that meet online, shown with them. The link is shown whenever the view holds it: the staff view
/// always, a client view only when the program publishes links (see `AudienceResolver`).
struct SessionModeWording {
    let wording: Wording

    /// `trackMode`, `trackJoinInstructions`, `trackJoinLink`.
    func track(_ track: Track) -> [String: Any] {
        guard track.mode.isOnline else { return [:] }
        var values: [String: Any] = ["trackMode": wording.text(track.mode.labelKey)]
        values["trackJoinInstructions"] = track.join.instructions
        values["trackJoinLink"] = track.join.link
        return values
    }

    /// What the track's own line already says of joining.
    private func shownWith(_ track: Track) -> JoinDetails {
        track.mode.isOnline ? track.join : JoinDetails()
    }

    /// `<prefix>Mode`, `<prefix>JoinInstructions`, `<prefix>JoinLink`, each only when it differs
    /// from the track's, and `<prefix>JoinShown` when any of them is: the printed week puts them
    /// in one paragraph, as a cell of the week has little room.
    func session(mode: SessionMode, join: JoinDetails, in track: Track, prefix: String = "session") -> [String: Any] {
        var values: [String: Any] = [:]
        if mode != track.mode { values[prefix + "Mode"] = wording.text(mode.labelKey) }
        // An in-person session of an online track has nothing to join.
        guard mode.isOnline else {
            if !values.isEmpty { values[prefix + "JoinShown"] = true }
            return values
        }
        let shown = shownWith(track)
        if let instructions = join.instructions, instructions != shown.instructions {
            values[prefix + "JoinInstructions"] = instructions
        }
        if let link = join.link, link != shown.link { values[prefix + "JoinLink"] = link }
        if !values.isEmpty { values[prefix + "JoinShown"] = true }
        return values
    }
}
