/// Reviews that are overdue, due within 30 days or never done, at the item's line; a `reviewed:`
/// date after today; an owner that is nearly a staff id.
///
/// "Today" is the build's day in the program's time zone (`SOURCE_DATE_EPOCH` stands for now), so
/// a check can be repeated. With `strict`, the review findings are errors, so that a scheduled
/// job fails while a policy is out of date; other warnings stay warnings.
public enum ReviewChecker {
    public static func check(_ content: Content, today: CalendarDate, strict: Bool, log: DiagnosticLog) {
        let defaultEvery = content.program.reviewEvery
        let staffIds = content.staff.map(\.id)
        for item in ReviewedItem.all(in: content) {
            let review = item.review
            if let reviewed = review.reviewed, reviewed > today {
                log.error(review.reviewedLocation ?? review.location,
                          "the review date \(reviewed) of \(item.kind.rawValue) '\(item.id)' is after today (\(today))",
                          hint: "write the day the review was done, such as 'reviewed: \(today)'")
                continue
            }
            checkOwner(item, staffIds: staffIds, log: log)
            guard let finding = finding(item, today: today, defaultEvery: defaultEvery) else { continue }
            if strict {
                log.error(review.location, finding.message, hint: finding.hint)
            } else {
                log.warning(review.location, finding.message, hint: finding.hint)
            }
        }
    }

    /// What `check` says about an item's review on `today`; nil when there is nothing to say.
    static func finding(_ item: ReviewedItem, today: CalendarDate, defaultEvery: ReviewInterval?) -> (message: String, hint: String)? {
        let review = item.review
        let name = "\(item.kind.rawValue) '\(item.id)'"
        let interval = review.every ?? defaultEvery
        let fixHint = "review it and set 'reviewed: \(today)'"
        switch review.state(today: today, defaultEvery: defaultEvery) {
        case .overdue:
            guard let due = review.nextReview(defaultEvery: defaultEvery), let reviewed = review.reviewed, let interval else { return nil }
            return ("the review of \(name) is overdue since \(due) (reviewed \(reviewed), every \(interval))", fixHint)
        case .dueSoon:
            guard let due = review.nextReview(defaultEvery: defaultEvery), let reviewed = review.reviewed, let interval else { return nil }
            let days = due.dayNumber - today.dayNumber
            let when = days == 0 ? "today" : days == 1 ? "tomorrow, \(due)" : "on \(due), in \(days) days"
            return ("the review of \(name) is due \(when) (reviewed \(reviewed), every \(interval))",
                    "review it by then and set 'reviewed:' to the day you do")
        case .neverReviewed:
            guard let interval else { return nil }
            let why = review.every == nil
                ? "has an owner, and program.yaml has 'review_every: \(interval)',"
                : "has 'review_every: \(interval)'"
            return ("\(name) has never been reviewed: it \(why) but no 'reviewed:' date", fixHint)
        case .current, .unscheduled:
            return nil
        }
    }

    /// An owner written like an id and spelt nearly as a staff member's is probably that person:
    /// as written, the manual would show the misspelt id instead of their name.
    private static func checkOwner(_ item: ReviewedItem, staffIds: [String], log: DiagnosticLog) {
        guard let owner = item.review.owner, !staffIds.contains(owner), Identifier.isValid(owner), owner.contains("-"),
              let closest = Suggestion.closest(to: owner, in: staffIds) else { return }
        log.warning(item.review.location,
                    "the owner '\(owner)' of \(item.kind.rawValue) '\(item.id)' is not a staff id, so the manual shows it as written",
                    hint: "did you mean '\(closest)'? (ids are listed in staff.yaml; a role such as 'Clinical director' is fine as it is)")
    }
}
