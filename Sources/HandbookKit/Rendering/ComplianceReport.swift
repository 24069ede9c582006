/// The compliance report for the program director: each requirement of the profile, where the
/// handbook meets it, or what is missing; and the clinical-limit findings of `check`.
///
/// Written in the program's own language (`language:` in program.yaml): its headings, labels and
/// the names of the places it links come from the interface strings. The requirements are the
/// profile's words and the findings are `check`'s messages, as the command line shows them.
public struct ComplianceReport {
    let program: Program
    let profile: ComplianceProfile
    let results: [ComplianceChecker.Result]
    let templates: TemplateSet
    /// The pages and items with an owner or review dates, listed after the findings.
    var reviews: ReviewList? = nil
    /// Whether the report sits beside `handbook/` (one output folder), so it can link there by a
    /// relative path. When the manual is written apart, the report is in the staff folder: it
    /// links to the handbook at `site_url`, or names the places without a link.
    var handbookBeside = true

    public func html(diagnostics: [Diagnostic]) -> String {
        let wording = templates.strings.wording(for: program.language, program: program)
        let rows = results.map { result -> [String: Any] in
            var row: [String: Any] = ["title": result.requirement.title, "purpose": result.requirement.purpose,
                                      "requirementId": result.requirement.id]
            row["source"] = result.requirement.source
            switch result.status {
            case let .met(places, note):
                row["isMet"] = true
                row["places"] = places.map { place -> [String: String] in
                    let (path, title) = link(place, wording: wording)
                    var item = ["placeTitle": title]
                    item["href"] = handbookBeside ? path : program.siteURL.map { $0 + path }
                    return item
                }
                if let note { row["note"] = text(note, wording: wording) }
            case let .notApplicable(reason):
                row["isNotApplicable"] = true
                row["reason"] = reason
            case let .missing(what, whereToAdd):
                row["isMissing"] = true
                row["missingWhat"] = what
                row["whereToAdd"] = whereToAdd
            }
            return row
        }
        let met = results.filter { if case .met = $0.status { true } else { false } }.count
        let missing = results.filter { if case .missing = $0.status { true } else { false } }.count
        var context: [String: Any] = [
            "lang": program.language, "dir": wording.textDirection, "ui": wording.templateStrings(["program": program.name]),
            "programName": program.name, "edition": program.edition,
            "editionDate": wording.fullDate(program.editionDate), "profileName": profile.name, "profileId": profile.id,
            "requirements": rows, "allMet": missing == 0,
            // The numbers alone, for a program's own template.
            "metCount": met, "missingCount": missing, "requirementCount": results.count,
            "missingLine": wording.text("report_some_missing", ["missing": String(missing), "total": String(results.count)]),
            "metLine": wording.text("report_met_count", ["met": String(met)]),
        ]
        let findings = diagnostics.map { ["findingSeverity": wording.text("report_" + $0.severity.rawValue),
                                          "findingPlace": $0.location.description,
                                          "findingMessage": $0.message, "findingHint": $0.hint] }
        if !findings.isEmpty { context["findings"] = findings }
        if let reviews {
            context["reviewSection"] = true
            context.merge(reviews.context(wording)) { $1 }
        }
        return templates.render("compliance-report", context)
    }

    /// Where a place is in the built handbook, and its name in the report's language.
    private func link(_ place: ComplianceChecker.Place, wording: Wording) -> (href: String, title: String) {
        func chapterTitle(_ section: BuiltInSection) -> String {
            program.sections[section]?.title ?? wording.text(section.titleKey)
        }
        switch place {
        case let .page(slug, title):
            return ("handbook/\(slug).html", title)
        case let .entry(section, id, title):
            return ("handbook/\(section.rawValue).html#\(Anchors.record(id))", "\(chapterTitle(section)): \(title)")
        case let .section(section, anchor):
            return ("handbook/\(section.rawValue).html" + (anchor.map { "#" + $0 } ?? ""), chapterTitle(section))
        case .cover:
            return ("handbook/index.html", wording.text("report_cover"))
        case .printedAcknowledgment:
            return ("handbook/print.html", wording.text("report_printed_acknowledgment"))
        }
    }

    /// A note in the report's language; `{length}` is the program's length as a sentence says it.
    private func text(_ note: ComplianceChecker.Note, wording: Wording) -> String {
        var values = note.values
        if let length = program.lengthWeeks { values["length"] = wording.programLength(length) }
        return wording.text(note.key, values)
    }
}
