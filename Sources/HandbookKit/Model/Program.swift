/// The facts about the program itself, from `program.yaml`.
public struct Program: Sendable {
    public var name: String
    public var shortName: String?
    public var edition: String
    public var editionDate: CalendarDate
    /// BCP 47 language tag of the handbook's text, such as `en`.
    public var language: String
    /// The languages the program is translated into (`translations/<tag>/`), each with its scope
    /// and where it is listed.
    public var translations: [TranslationListing] = []
    /// IANA time zone, such as `America/Chicago`.
    public var timeZone: String
    public var address: String
    public var phone: String
    public var afterHoursPhone: String?
    public var email: String?
    public var website: String?
    /// Where `Public/` is published (`https://example.org/`, ending in `/`): the address the
    /// calendar feeds are offered at (`webcal://`) and the printed week's code leads to.
    public var siteURL: String?
    public var hours: [OfficeHours]
    public var crisisLines: [CrisisLine]
    public var contacts: [Contact]
    /// Raw HTML in Markdown is dropped unless the program opts in.
    public var allowRawHTML: Bool
    /// Client pages above this Flesch-Kincaid grade get a warning from `handbook check`.
    public var readingGradeLimit: Double
    public var compliance: ComplianceSettings?
    /// Title, order and introduction of the built-in sections (rules, FAQ ...), by section.
    public var sections: [BuiltInSection: SectionSettings]
    public var location: SourceLocation
    /// Where `crisis_lines` is written, when it is: problems with the crisis lines point there.
    public var crisisLinesLocation: SourceLocation?
    /// How often pages and items are reviewed unless they say otherwise (`review_every:`): staff only.
    public var reviewEvery: ReviewInterval? = nil

    /// How long the program usually lasts (`length_weeks`), when the program says.
    public var lengthWeeks: ProgramLength? = nil
    /// How times of day are written in every language (`time_format`); nil: each language's usual way.
    public var timeFormat: TimeFormat? = nil
    /// How the interface strings of the text's language address the reader (`register`): in the
    /// default language, from program.yaml; in a translation, from its own program.yaml.
    public var register: Register = .formal

    /// What the header shows: the short name when there is one.
    public var displayName: String { shortName ?? name }
}

public struct OfficeHours: Sendable {
    public var days: String
    public var open: TimeOfDay
    public var close: TimeOfDay
}

public struct CrisisLine: Sendable {
    public var name: String
    public var number: String
    public var how: String?
}

public struct Contact: Sendable {
    public var name: String
    public var phone: String?
    public var email: String?
    public var purpose: String?
    /// An agency outside the program (a licensing office, an ombudsman) clients can complain to.
    public var outside: Bool
}

/// The chapters the tool writes from data files rather than from Markdown pages.
public enum BuiltInSection: String, Sendable, CaseIterable {
    case schedule, topics, rules, faq, contacts
    /// Staff manual only: who is who, with private contact details.
    case staffDirectory = "staff-directory"
    /// What changed since the last saved edition (only when there is one, and something changed).
    case whatsNew = "whats-new"

    /// Sections only the staff manual has.
    public var isStaffOnly: Bool { self == .staffDirectory }

    /// Where the section sits among the pages unless `program.yaml` says otherwise.
    public var defaultOrder: Int {
        switch self {
        case .schedule: 35
        case .topics: 36
        case .rules: 45
        case .faq: 85
        case .contacts: 95
        case .staffDirectory: 190
        // Last, after every page (before the acknowledgment on paper): returning readers come
        // to it from the cover's link.
        case .whatsNew: 10_000
        }
    }

    /// The interface string of the section's standard title (`section_rules` ...).
    public var titleKey: String { "section_" + rawValue.replacingOccurrences(of: "-", with: "_") }
}

public struct SectionSettings: Sendable {
    public var title: String?
    public var order: Int?
    public var intro: MarkdownSource?
}
