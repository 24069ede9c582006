/// Everything a program's folder holds, loaded and typed, before any audience is applied.
public struct Content: Sendable {
    public var program: Program
    public var rules: [Rule]
    public var faq: [FAQEntry]
    public var topics: [Topic]
    public var staff: [StaffMember]
    public var schedule: Schedule
    public var pages: [Page]
    /// Folder the content was loaded from (for resolving images and template overrides).
    public var directory: String
}
