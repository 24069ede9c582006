/// The short line the staff manual shows at the top of a page (and beside a rule, question or
/// topic) that has an owner or review dates: "Owner: Dana Whitfield, Clinical Director · Last
/// reviewed: October 1, 2026 · Next review: October 1, 2027", marked when the review is overdue.
///
/// Only the manual asks: the client view holds no review (`AudienceResolver`), so a client page
/// has nothing to show even if a template asked.
struct ReviewLine {
    /// The manual's content: its staff list names owners, its program gives the default interval.
    let content: Content
    let wording: Wording
    /// The build's day; nil: the line shows the dates without saying whether they have passed.
    let today: CalendarDate?

    /// The template's values (`reviewText`, and `reviewOverdueText` when overdue); nil without a review.
    func context(_ review: Review?) -> [String: Any]? {
        guard let review else { return nil }
        let defaultEvery = content.program.reviewEvery
        var parts: [String] = []
        if let owner = review.ownerName(staff: content.staff) {
            parts.append(wording.text("review_line_owner", ["owner": owner]))
        }
        if let reviewed = review.reviewed {
            parts.append(wording.text("review_line_last", ["date": wording.fullDate(reviewed)]))
        } else if review.every ?? defaultEvery != nil {
            parts.append(wording.text("review_line_never"))
        }
        let next = review.nextReview(defaultEvery: defaultEvery)
        if let next { parts.append(wording.text("review_line_next", ["date": wording.fullDate(next)])) }
        guard !parts.isEmpty else { return nil }
        var context: [String: Any] = ["reviewText": parts.joined(separator: " · ")]
        if let today, let next, review.state(today: today, defaultEvery: defaultEvery) == .overdue {
            context["reviewOverdueText"] = wording.text("review_line_overdue", ["date": wording.fullDate(next)])
        }
        return context
    }
}
