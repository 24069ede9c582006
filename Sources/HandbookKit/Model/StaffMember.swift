/// A member of staff, from `staff.yaml`.
public struct StaffMember: Sendable {
    public var id: String
    /// Full name: staff manual only.
    public var name: String
    /// What clients see, such as "Dana W."; defaults to the full name.
    public var displayName: String
    public var role: String
    public var credentials: String?
    /// Staff-only contact details and notes.
    public var phone: String?
    public var email: String?
    public var notes: String?
    public var audience: Audience
    public var location: SourceLocation
}
