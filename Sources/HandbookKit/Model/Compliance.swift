/// What a program says about compliance in `program.yaml`: its profile, state settings that
/// override it, and sections it marks as not applicable.
public struct ComplianceSettings: Sendable {
    public var profile: String?
    public var notApplicable: [NotApplicable]
    /// State settings; each overrides the profile's value.
    public var groupSizeCap: Int?
    public var educationGroupSizeCap: Int?
    public var minimumSessionMinutes: Int?
    public var minimumWeeklyHours: Double?
    public var maximumWeeklyHours: Double?
    public var location: SourceLocation

    public struct NotApplicable: Sendable {
        public var requirement: String
        public var reason: String
        public var location: SourceLocation
    }
}

/// A set of requirements and clinical limits for one level of care, from `Profiles/<id>.yaml`.
public struct ComplianceProfile: Sendable {
    public var id: String
    public var name: String
    public var minimumWeeklyHours: Double?
    public var maximumWeeklyHours: Double?
    /// Weeks below the minimum that are acceptable as a step-down.
    public var stepDownWeeks: Int?
    public var groupSizeCap: Int?
    public var educationGroupSizeCap: Int?
    public var minimumSessionMinutes: Int?
    public var requirements: [Requirement]
    public var location: SourceLocation
}

/// One thing a client handbook must contain.
public struct Requirement: Sendable {
    public enum Check: String, Sendable, CaseIterable {
        /// A client page lists the requirement's id under `covers:` in its front matter, or a
        /// client rule or question under its own `covers:`.
        case page
        /// `program.yaml` has office hours.
        case hours
        /// Rules exist, each has a consequence, and those that can lead to discharge are marked.
        case rules
        /// Crisis lines include 988 and 911, and the program has an after-hours phone.
        case crisisContacts = "crisis-contacts"
        /// A page covers it and `program.yaml` lists a contact outside the program (`outside: true`).
        case grievance
        /// The tool writes the acknowledgment page at the end of the printed handbook.
        case acknowledgment
        /// `program.yaml` says how long the program lasts (`length_weeks`), which the cover shows.
        case programLength = "program-length"
    }

    public var id: String
    public var title: String
    public var purpose: String
    public var source: String?
    public var check: Check
}
