/// Who may read a piece of content.
///
/// Only two audiences: a `family` audience was considered and left out, because everything a
/// family member may read is already client-facing (clients share their handbook), and a third
/// audience would make every client page a guess about who else reads it.
public enum Audience: String, Sendable, CaseIterable {
    /// Clients and anyone they show the handbook to. The default.
    case everyone
    /// Staff only: appears in the staff manual, never in a client-facing file.
    case staff
}
