/// Checks a program against its compliance profile: the sections its client handbook must have,
/// and the clinical limits of its schedule.
public struct ComplianceChecker {
    public enum Status: Sendable {
        /// Met, and where in the client handbook; the note says how, for the report.
        case met(where: [Place], note: Note?)
        case notApplicable(reason: String)
        case missing(what: String, whereToAdd: String)
    }

    /// Where the client handbook meets a requirement: the report names and links it in the
    /// program's language.
    public enum Place: Sendable, Equatable {
        case page(slug: String, title: String)
        /// A rule or a question, at its anchor in its chapter.
        case entry(section: BuiltInSection, id: String, title: String)
        /// A chapter the tool writes, as a whole, or one part of it (`anchor`).
        case section(BuiltInSection, anchor: String? = nil)
        /// The cover (start page) of the handbook.
        case cover
        /// The acknowledgment page the tool prints at the end of the handbook.
        case printedAcknowledgment
    }

    /// How a requirement is met, said in an interface string (`report_note_...`) with values.
    public struct Note: Sendable, Equatable {
        public var key: String
        public var values: [String: String]
    }

    public struct Result: Sendable {
        public var requirement: Requirement
        public var status: Status
    }

    /// The limits in force: state settings first, then the profile, then the tool's defaults.
    public struct Limits: Sendable {
        public var minimumWeeklyHours: Double
        public var maximumWeeklyHours: Double?
        public var groupSizeCap: Int?
        public var educationGroupSizeCap: Int?
        public var minimumSessionMinutes: Int?
        public var stepDownWeeks: Int?

        public init(settings: ComplianceSettings?, profile: ComplianceProfile?, schedule: Schedule) {
            minimumWeeklyHours = settings?.minimumWeeklyHours ?? schedule.minimumWeeklyHoursSetting
                ?? profile?.minimumWeeklyHours ?? 9
            maximumWeeklyHours = settings?.maximumWeeklyHours ?? profile?.maximumWeeklyHours
            groupSizeCap = settings?.groupSizeCap ?? profile?.groupSizeCap
            educationGroupSizeCap = settings?.educationGroupSizeCap ?? profile?.educationGroupSizeCap
            minimumSessionMinutes = settings?.minimumSessionMinutes ?? profile?.minimumSessionMinutes
            stepDownWeeks = profile?.stepDownWeeks
        }
    }

    let client: Content
    let profile: ComplianceProfile
    let settings: ComplianceSettings

    public init(client: Content, profile: ComplianceProfile, settings: ComplianceSettings) {
        self.client = client
        self.profile = profile
        self.settings = settings
    }

    /// Each requirement's status; a missing one is logged as an error with its purpose.
    public func requirements(log: DiagnosticLog) -> [Result] {
        let known = profile.requirements.map(\.id)
        // Rules and questions say what they cover as pages do, and are checked the same way.
        let covering = client.pages.map { ($0.covers, $0.location) } + client.rules.map { ($0.covers, $0.location) }
            + client.faq.map { ($0.covers, $0.location) }
        for (covers, location) in covering {
            for id in covers where !known.contains(id) {
                log.error(location, "'\(id)' under 'covers' is not a requirement of the profile '\(profile.id)'",
                          hint: Suggestion.hint(for: id, in: known, noun: "requirement"))
            }
        }
        for entry in settings.notApplicable where !known.contains(entry.requirement) {
            log.error(entry.location, "'\(entry.requirement)' is not a requirement of the profile '\(profile.id)'",
                      hint: Suggestion.hint(for: entry.requirement, in: known, noun: "requirement"))
        }
        return profile.requirements.map { requirement in
            if let entry = settings.notApplicable.first(where: { $0.requirement == requirement.id }) {
                return Result(requirement: requirement, status: .notApplicable(reason: entry.reason))
            }
            let status = self.status(of: requirement)
            if case let .missing(what, whereToAdd) = status {
                log.error(settings.location, "the client handbook lacks '\(requirement.title)': \(what). It is needed because: \(requirement.purpose)",
                          hint: whereToAdd)
            }
            return Result(requirement: requirement, status: status)
        }
    }

    /// The client pages, rules and questions that list the requirement under `covers:`; staff-only
    /// ones are not in the client content, so never count.
    private func places(covering id: String) -> [Place] {
        client.pages.filter { $0.covers.contains(id) }.map { .page(slug: $0.slug, title: $0.title) }
            + client.rules.filter { $0.covers.contains(id) }.map { .entry(section: .rules, id: $0.id, title: $0.title) }
            + client.faq.filter { $0.covers.contains(id) }.map { .entry(section: .faq, id: $0.id, title: $0.question) }
    }

    private func status(of requirement: Requirement) -> Status {
        let program = client.program
        let covering = places(covering: requirement.id)
        let addPage = "add 'covers: [\(requirement.id)]' to the front matter of the client page that explains it (or to the rule or question in rules.yaml or faq.yaml), or write such a page in pages/; if it does not apply, list it under compliance: not_applicable in program.yaml with a reason"
        switch requirement.check {
        case .page:
            return covering.isEmpty ? .missing(what: "no client page covers it", whereToAdd: addPage)
                : .met(where: covering, note: nil)
        case .hours:
            return program.hours.isEmpty
                ? .missing(what: "program.yaml lists no office hours", whereToAdd: "add 'hours:' with days, open and close to program.yaml")
                : .met(where: [.section(.contacts, anchor: Anchors.officeHours)],
                       note: Note(key: "report_note_hours", values: ["number": String(program.hours.count)]))
        case .programLength:
            guard program.lengthWeeks != nil else {
                return .missing(what: "program.yaml does not say how long the program lasts",
                                whereToAdd: "add 'length_weeks:' to program.yaml, such as 'length_weeks: 12' or 'length_weeks: [8, 12]'")
            }
            // The report says the length in its own language.
            return .met(where: [.cover], note: Note(key: "report_note_length", values: [:]))
        case .rules:
            if client.rules.isEmpty {
                return .missing(what: "there are no client rules", whereToAdd: "write the rules in rules.yaml")
            }
            let withoutConsequence = client.rules.filter { $0.consequence == nil }.map(\.id)
            if !withoutConsequence.isEmpty {
                return .missing(what: "these rules do not say what happens when they are broken: \(withoutConsequence.joined(separator: ", "))",
                                whereToAdd: "add 'consequence:' to each of them in rules.yaml")
            }
            let discharge = client.rules.filter(\.canLeadToDischarge).count
            if discharge == 0 {
                return .missing(what: "no rule is marked as one that can lead to discharge",
                                whereToAdd: "add 'can_lead_to_discharge: true' to the rules that can end treatment, in rules.yaml")
            }
            return .met(where: [.section(.rules)],
                        note: Note(key: "report_note_rules", values: ["rules": String(client.rules.count), "discharge": String(discharge)]))
        case .crisisContacts:
            let numbers = Set(program.crisisLines.map { $0.number.filter(\.isNumber) })
            let missing = ["988", "911"].filter { !numbers.contains($0) }
            if !missing.isEmpty {
                return .missing(what: "the crisis lines lack \(missing.joined(separator: " and "))",
                                whereToAdd: "add them under crisis_lines in program.yaml")
            }
            if program.afterHoursPhone == nil {
                return .missing(what: "there is no after-hours phone", whereToAdd: "add 'after_hours_phone:' to program.yaml")
            }
            return .met(where: [.section(.contacts, anchor: Anchors.crisisLines)],
                        note: Note(key: "report_note_crisis", values: ["phone": program.afterHoursPhone!]))
        case .grievance:
            guard !covering.isEmpty else { return .missing(what: "no client page covers it", whereToAdd: addPage) }
            guard let outside = program.contacts.first(where: \.outside) else {
                return .missing(what: "no contact outside the program is listed",
                                whereToAdd: "add the agency clients can complain to under contacts in program.yaml, with 'outside: true'")
            }
            return .met(where: covering, note: Note(key: "report_note_outside", values: ["name": outside.name]))
        case .acknowledgment:
            return .met(where: [.printedAcknowledgment], note: Note(key: "report_note_acknowledgment", values: [:]))
        }
    }

    /// Clinical limits of the schedule and the rules, logged as errors and warnings.
    public static func checkLimits(_ content: Content, limits: Limits, log: DiagnosticLog) {
        for track in content.schedule.tracks {
            let minutes = track.weeklyTreatmentMinutes
            if let maximum = limits.maximumWeeklyHours, Double(minutes) > maximum * 60 {
                log.warning(track.location, "the \(track.name) meets \(SessionKind.hoursInMessages(minutes)) a week, above the level's maximum of \(SessionKind.hoursInMessages(Int(maximum * 60)))",
                            hint: "shorten sessions, or check maximum_weekly_hours of the profile or of compliance: state in program.yaml (under ASAM, 20 or more hours is Level 2.5)")
            }
            if track.capacity == nil, limits.groupSizeCap != nil || limits.educationGroupSizeCap != nil {
                log.warning(track.location, "the \(track.name) has no 'capacity', so its group size cannot be checked against the cap",
                            hint: "add 'capacity:' (the most clients in one group) to the track in schedule.yaml")
            }
            for session in track.sessions where session.kind == .group || session.kind == .education || session.kind == .family {
                let cap = session.kind == .education ? limits.educationGroupSizeCap : limits.groupSizeCap
                if let cap, let capacity = track.capacity, capacity > cap {
                    log.error(track.location, "the \(track.name) allows \(capacity) clients in '\(session.title)', above the cap of \(cap) for \(session.kind.label.lowercased()) sessions",
                              hint: "lower 'capacity' of the track in schedule.yaml")
                }
                if let minimum = limits.minimumSessionMinutes, session.minutes < minimum, session.end > session.start {
                    log.error(session.location, "'\(session.title)' lasts \(session.minutes) minutes, shorter than the minimum of \(minimum)",
                              hint: "lengthen the session, or check minimum_session_minutes under compliance: state in program.yaml")
                }
            }
        }
        if let minimum = limits.minimumSessionMinutes {
            for extra in content.schedule.extraSessions where extra.kind != .break && extra.end > extra.start
                && extra.end.minutes - extra.start.minutes < minimum {
                log.error(extra.location, "the extra session '\(extra.title)' lasts \(extra.end.minutes - extra.start.minutes) minutes, shorter than the minimum of \(minimum)",
                          hint: "lengthen it, or check minimum_session_minutes under compliance: state in program.yaml")
            }
        }
        for rule in content.rules where rule.canLeadToDischarge && rule.audience == .staff {
            log.error(rule.location, "the rule '\(rule.id)' can lead to discharge but clients never see it",
                      hint: "clients must be told every rule that can end their treatment: remove 'audience: staff'")
        }
        let numbers = Set(content.program.crisisLines.map { $0.number.filter(\.isNumber) })
        for number in ["988", "911"] where !numbers.contains(number) {
            log.error(content.program.crisisLinesLocation ?? content.program.location, "the crisis lines do not include \(number)",
                      hint: number == "988" ? "add the 988 Suicide & Crisis Lifeline (call, text or chat, 24/7) under crisis_lines" : "add 911 under crisis_lines")
        }
        ScheduleChecker.checkWeeksBelowMinimum(content, minimumWeeklyHours: limits.minimumWeeklyHours, stepDownWeeks: limits.stepDownWeeks, log: log)
    }

}
