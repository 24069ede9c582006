/// The compliance report for the program director: each requirement of the profile, where the
/// handbook meets it, or what is missing; and the clinical-limit findings of `check`.
public struct ComplianceReport {
    let program: Program
    let profile: ComplianceProfile
    let results: [ComplianceChecker.Result]
    let templates: TemplateSet

    public func html(diagnostics: [Diagnostic]) -> String {
        let rows = results.map { result -> [String: Any] in
            var row: [String: Any] = ["title": result.requirement.title, "purpose": result.requirement.purpose,
                                      "requirementId": result.requirement.id]
            row["source"] = result.requirement.source
            switch result.status {
            case let .met(places, note):
                row["isMet"] = true
                row["places"] = places.map { ["href": "handbook/\($0.slug).html", "placeTitle": $0.title] }
                if !note.isEmpty { row["note"] = note }
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
            "lang": program.language, "programName": program.name, "edition": program.edition,
            "editionDate": program.editionDate.description, "profileName": profile.name, "profileId": profile.id,
            "requirements": rows, "metCount": met, "missingCount": missing, "requirementCount": results.count,
            "allMet": missing == 0,
        ]
        let findings = diagnostics.map { ["findingSeverity": $0.severity.rawValue, "findingPlace": $0.location.description,
                                          "findingMessage": $0.message, "findingHint": $0.hint] }
        if !findings.isEmpty { context["findings"] = findings }
        return templates.render("compliance-report", context)
    }
}
