/// Who answers for a page or a data item, when it was last reviewed and how often it must be:
/// `owner:`, `reviewed:` and `review_every:`. Staff information: the client view never holds it.
public struct Review: Sendable, Hashable {
    /// A staff id from `staff.yaml` (shown as that person's name and role) or a role as written.
    public var owner: String?
    public var reviewed: CalendarDate?
    /// The item's own interval; nil: the program's default (`review_every` in program.yaml), if any.
    public var every: ReviewInterval?
    /// The item's line: where review findings are reported.
    public var location: SourceLocation
    /// Where `reviewed:` is written, for a date that cannot be right.
    public var reviewedLocation: SourceLocation?

    public init(owner: String? = nil, reviewed: CalendarDate? = nil, every: ReviewInterval? = nil,
                location: SourceLocation, reviewedLocation: SourceLocation? = nil) {
        self.owner = owner
        self.reviewed = reviewed
        self.every = every
        self.location = location
        self.reviewedLocation = reviewedLocation
    }

    /// The date the next review is due: the last review plus the interval (the item's own, else
    /// `defaultEvery`); nil without a last review or without an interval.
    public func nextReview(defaultEvery: ReviewInterval?) -> CalendarDate? {
        guard let reviewed, let interval = every ?? defaultEvery else { return nil }
        return reviewed.adding(months: interval.months)
    }

    /// Where the item stands on `today`.
    public func state(today: CalendarDate, defaultEvery: ReviewInterval?) -> ReviewState {
        let interval = every ?? defaultEvery
        guard reviewed != nil else { return interval == nil ? .unscheduled : .neverReviewed }
        guard let due = nextReview(defaultEvery: defaultEvery) else { return .unscheduled }
        if today > due { return .overdue }
        if due.dayNumber - today.dayNumber <= ReviewState.dueSoonDays { return .dueSoon }
        return .current
    }
}

/// How often an item is reviewed: `12 months`, `6 months`, `2 years`, `1 year`. Kept in months
/// so that "1 year" and "12 months" are the same interval.
public struct ReviewInterval: Sendable, Hashable, CustomStringConvertible {
    public var months: Int
    /// As the program wrote it, so that messages repeat the user's words ("every 1 year").
    public var description: String

    public init(months: Int) {
        self.months = months
        if months % 12 == 0 {
            description = months == 12 ? "1 year" : "\(months / 12) years"
        } else {
            description = months == 1 ? "1 month" : "\(months) months"
        }
    }

    /// Reads "N months" or "N years" (singular or plural, any case); nil for anything else,
    /// and for a length of zero.
    public init?(_ text: String) {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count == 2, words[0].allSatisfy({ $0.isASCII && $0.isNumber }), let count = Int(words[0]),
              count > 0, count <= 1200 else { return nil }
        switch words[1] {
        case "month", "months": months = count
        case "year", "years": months = count * 12
        default: return nil
        }
        description = "\(count) \(words[1])"
    }
}

/// Where an item's review stands on a given day, from most to least urgent.
public enum ReviewState: String, Sendable, CaseIterable {
    /// The next review's date has passed.
    case overdue
    /// An interval applies but the item has no `reviewed:` date.
    case neverReviewed = "never-reviewed"
    /// Due within `dueSoonDays` days (or today).
    case dueSoon = "due-soon"
    case current
    /// No interval applies (an owner alone, or a date without an interval): nothing falls due.
    case unscheduled

    /// How far ahead `check` warns that a review falls due.
    public static let dueSoonDays = 30

    /// The interface string of the state's name (`review_state_overdue` ...).
    var labelKey: String { "review_state_" + rawValue.replacingOccurrences(of: "-", with: "_") }
}
