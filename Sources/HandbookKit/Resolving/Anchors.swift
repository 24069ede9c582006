/// The ids of the places inside a chapter that a link may point to, made in one place: the
/// outline (which ids a chapter has, for the link checker and resolver), the section contexts
/// (the ids written) and the templates (which get them as values) all take them from here.
/// Heading ids come from the headings themselves (`UniqueIDs`).
enum Anchors {
    /// A rule, question, topic, track or staff member: its id, as written in the data file.
    static func record(_ id: String) -> String { id }

    /// A curriculum module of the topics chapter.
    static func module(_ name: String) -> String { "module-" + Slug.make(name) }

    // The parts of the contacts chapter.
    static let crisisLines = "crisis-lines"
    static let contacts = "contacts"
    static let officeHours = "office-hours"
    static let careTeam = "care-team"

    /// The parts of the contacts chapter a program has.
    static func contactsChapter(hasHours: Bool, hasStaff: Bool) -> [String] {
        [crisisLines, contacts] + (hasHours ? [officeHours] : []) + (hasStaff ? [careTeam] : [])
    }

    /// The list of chapters on every page, which the menu link at the top of a page leads to.
    static let chapterMenu = "chapter-menu"

    // The start page.
    static let chapterList = "chapters"
    static let crisisHeading = "crisis-heading"
    static let startPage: Set<String> = [chapterList, crisisHeading]
}
