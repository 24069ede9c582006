/// The compliance report's list of reviews: every page and item with an owner or review dates,
/// the most urgent first.
struct ReviewList {
    struct Row {
        var item: ReviewedItem
        var state: ReviewState
        var next: CalendarDate?
        var owner: String?
    }

    /// Overdue first (the longest overdue first), then never reviewed, then by the next review's
    /// date, then items with nothing due; ties in file order.
    let rows: [Row]

    init(_ content: Content, today: CalendarDate) {
        let defaultEvery = content.program.reviewEvery
        let rows = ReviewedItem.all(in: content).map { item in
            Row(item: item, state: item.review.state(today: today, defaultEvery: defaultEvery),
                next: item.review.nextReview(defaultEvery: defaultEvery), owner: item.review.ownerName(staff: content.staff))
        }
        self.rows = rows.enumerated().sorted { a, b in
            Self.sortKey(a.element, fileOrder: a.offset) < Self.sortKey(b.element, fileOrder: b.offset)
        }.map(\.element)
    }

    private static func sortKey(_ row: Row, fileOrder: Int) -> (Int, Int, Int) {
        let rank: Int
        switch row.state {
        case .overdue: rank = 0
        case .neverReviewed: rank = 1
        case .dueSoon, .current: rank = 2
        case .unscheduled: rank = 3
        }
        return (rank, row.next?.dayNumber ?? 0, fileOrder)
    }

    /// The template's values (`reviews`, `hasReviews` and the labels, `review*`), in `wording`'s
    /// language. Links lead to the item in the staff manual, beside the report.
    func context(_ wording: Wording) -> [String: Any] {
        // Labels end in "Label" and rows' values start with "review": Mustache looks a row's
        // missing value up outside the row, so no label may share a row value's name.
        var context: [String: Any] = [:]
        for (name, key) in [("reviewsHeadingLabel", "review_heading"), ("reviewsCaptionLabel", "review_caption"),
                            ("reviewsNoneLabel", "review_none"), ("reviewsItemLabel", "review_item"),
                            ("reviewsOwnerLabel", "review_owner"), ("reviewsLastLabel", "review_last"),
                            ("reviewsNextLabel", "review_next"), ("reviewsStateLabel", "review_state")] {
            context[name] = wording.text(key)
        }
        context["hasReviews"] = !rows.isEmpty
        context["reviews"] = rows.map { row -> [String: Any] in
            let item = row.item
            var values: [String: Any] = [
                "reviewKind": wording.text("review_kind_" + item.kind.rawValue), "reviewTitle": item.title,
                "reviewHref": "manual/\(item.chapter).html" + (item.anchor.map { "#" + $0 } ?? ""),
                "reviewPlace": item.review.location.description,
                "reviewLast": item.review.reviewed.map(wording.fullDate) ?? wording.text("review_not_yet"),
                "reviewNext": row.next.map(wording.fullDate) ?? wording.text("review_no_date"),
                "reviewState": wording.text(row.state.labelKey), "reviewStateClass": row.state.rawValue,
            ]
            values["reviewOwner"] = row.owner ?? wording.text("review_no_owner")
            if row.state == .overdue || row.state == .neverReviewed { values["reviewNeedsAction"] = true }
            return values
        }
        return context
    }
}
