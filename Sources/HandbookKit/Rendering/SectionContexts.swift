/// Template contexts for the built-in sections, written from the data files.
///
/// Keys are named so that no two levels share a name: Mustache looks a missing key up in the
/// enclosing contexts, and a shared name would show one record's value inside another.
struct SectionContexts {
    let view: AudienceView
    let mode: RenderMode
    /// The address of a track's calendar feed (nil: of every track), when the page offers them.
    var calendarFeedHref: ((_ track: String?) -> String)?
    /// Shows each item's owner and review dates: set for the manual only.
    var reviewLine: ReviewLine?

    private var content: Content { view.content }

    func markdown(_ source: MarkdownSource?, extraShift: Int = 1) -> String? {
        guard let source else { return nil }
        let html = view.document(source).html(idPrefix: mode.idPrefix, headingShift: mode.headingShift + extraShift,
                                                 rewriteLink: mode.href)
        return html.isEmpty ? nil : html
    }

    func context(for section: BuiltInSection) -> [String: Any] {
        var context: [String: Any] = [
            "hItem": mode.itemHeading, "hSub": mode.subHeading, "idPrefix": mode.idPrefix,
            "isManual": view.audience == .staff,
        ]
        context["sectionIntro"] = markdown(content.program.sections[section]?.intro, extraShift: 0)
        if hasUntranslatedEntries(section) { context["sectionNotTranslated"] = true }
        switch section {
        case .rules: context["rules"] = rules()
        case .faq: context["questions"] = faq()
        case .topics: context["modules"] = topicModules()
        case .schedule:
            context["tracks"] = ScheduleContexts(view: view, mode: mode, calendarFeedHref: calendarFeedHref).pattern()
            context["allTracksFeedHref"] = calendarFeedHref?(nil)
        case .contacts:
            context.merge(contacts()) { $1 }
            for (key, anchor) in [("crisisLinesId", Anchors.crisisLines), ("contactsId", Anchors.contacts),
                                  ("officeHoursId", Anchors.officeHours), ("careTeamId", Anchors.careTeam)] {
                context[key] = mode.id(anchor)
            }
        case .staffDirectory: context["directory"] = directory()
        case .whatsNew: context.merge(WhatsNewContexts(view: view, mode: mode).context()) { $1 }
        }
        return context
    }

    /// The "On this page" list of a section: every rule, question, topic or track, by the id its
    /// heading carries, so a reader can skim a long chapter and jump to one item.
    func onThisPage(_ section: BuiltInSection) -> [(id: String, text: String)] {
        switch section {
        case .rules:
            return zip(content.rules, ruleNumbers()).map { rule, number in
                (mode.id(Anchors.record(rule.id)), number.map { "\($0). \(rule.title)" } ?? rule.title)
            }
        case .faq: return content.faq.map { (mode.id(Anchors.record($0.id)), $0.question) }
        case .topics: return content.topics.map { (mode.id(Anchors.record($0.id)), $0.title) }
        case .schedule: return content.schedule.tracks.map { (mode.id(Anchors.record($0.id)), $0.name) }
        case .contacts, .staffDirectory, .whatsNew: return []
        }
    }

    /// Whether the section shows an entry whose translation is missing (in the default language).
    private func hasUntranslatedEntries(_ section: BuiltInSection) -> Bool {
        switch section {
        case .rules: content.rules.contains { $0.fallbackLanguage != nil }
        case .faq: content.faq.contains { $0.fallbackLanguage != nil }
        case .topics: content.topics.contains { $0.fallbackLanguage != nil }
        default: false
        }
    }

    /// Each rule's number: numbers count the rules clients see, so "rule 4" is the same rule in
    /// the handbook and the manual. A staff-only rule has none.
    private func ruleNumbers() -> [Int?] {
        var number = 0
        return content.rules.map { rule in
            guard rule.audience == .everyone else { return nil }
            number += 1
            return number
        }
    }

    private func rules() -> [[String: Any]] {
        zip(content.rules, ruleNumbers()).map { rule, number in
            var item: [String: Any] = ["ruleId": mode.id(Anchors.record(rule.id)), "ruleTitle": rule.title]
            item["ruleNumber"] = number
            item["ruleCategory"] = rule.category
            item["ruleText"] = markdown(rule.text)
            item["ruleConsequence"] = markdown(rule.consequence)
            item["ruleCanLeadToDischarge"] = rule.canLeadToDischarge
            item["ruleStaffNote"] = markdown(rule.staffNote)
            item["ruleIsStaffOnly"] = rule.audience == .staff
            item["ruleLang"] = rule.fallbackLanguage
            item["ruleReview"] = reviewLine?.context(rule.review)
            return item
        }
    }

    private func faq() -> [[String: Any]] {
        content.faq.map { entry in
            var item: [String: Any] = ["questionId": mode.id(Anchors.record(entry.id)), "questionText": entry.question]
            item["answerHTML"] = markdown(entry.answer)
            item["questionIsStaffOnly"] = entry.audience == .staff
            item["questionLang"] = entry.fallbackLanguage
            item["questionReview"] = reviewLine?.context(entry.review)
            return item
        }
    }

    /// Topics grouped by module, modules in the order they first appear.
    private func topicModules() -> [[String: Any]] {
        var order: [String] = []
        var groups: [String: [Topic]] = [:]
        for topic in content.topics {
            let module = topic.module ?? view.wording.text("topics_without_module")
            if groups[module] == nil { order.append(module) }
            groups[module, default: []].append(topic)
        }
        return order.map { module in
            ["moduleName": module, "moduleId": mode.id(Anchors.module(module)),
             "moduleTopics": groups[module]!.map(topic)]
        }
    }

    private func topic(_ topic: Topic) -> [String: Any] {
        var item: [String: Any] = ["topicId": mode.id(Anchors.record(topic.id)), "topicTitle": topic.title]
        item["topicSummary"] = markdown(topic.summary, extraShift: 2)
        item["topicIsStaffOnly"] = topic.audience == .staff
        item["topicLang"] = topic.fallbackLanguage
        item["topicReview"] = reviewLine?.context(topic.review)
        if let guide = topic.guide {
            var guideContext: [String: Any] = [:]
            if !guide.objectives.isEmpty {
                guideContext["guideObjectives"] = guide.objectives
                guideContext["guideHasObjectives"] = true
            }
            if !guide.materials.isEmpty {
                guideContext["guideMaterials"] = guide.materials
                guideContext["guideHasMaterials"] = true
            }
            guideContext["guidePlan"] = markdown(guide.plan, extraShift: 2)
            guideContext["guideMinutes"] = guide.minutes.map { view.wording.text("minutes", ["count": String($0)]) }
            item["topicGuide"] = guideContext
        }
        return item
    }

    /// The staff manual's directory: full names and private contact details.
    private func directory() -> [[String: Any]] {
        content.staff.map { member in
            var item: [String: Any] = ["personId": mode.id(Anchors.record(member.id)), "personName": member.name, "personRole": member.role,
                                       "personDisplayName": member.displayName]
            item["personCredentials"] = member.credentials
            item["personPhone"] = member.phone
            item["personPhoneTel"] = member.phone.map(SiteContext.tel)
            item["personEmail"] = member.email
            item["personNotes"] = member.notes
            item["personIsStaffOnly"] = member.audience == .staff
            return item
        }
    }

    private func contacts() -> [String: Any] {
        let program = content.program
        var context: [String: Any] = [
            "crisisLines": SiteContext.crisisLines(program),
            "mainPhone": program.phone, "mainPhoneTel": SiteContext.tel(program.phone),
            "addressLines": program.address.split(separator: "\n").map(String.init),
        ]
        if let phone = program.afterHoursPhone {
            context["afterHoursPhone"] = phone
            context["afterHoursPhoneTel"] = SiteContext.tel(phone)
        }
        context["programEmail"] = program.email
        context["programWebsite"] = program.website
        if !program.hours.isEmpty {
            context["hasOfficeHours"] = true
            context["officeHours"] = program.hours.map {
                ["hoursDays": $0.days, "hoursOpen": view.wording.time($0.open), "hoursClose": view.wording.time($0.close)]
            }
        }
        if !program.contacts.isEmpty {
            context["hasOtherContacts"] = true
            context["otherContacts"] = program.contacts.map { contact -> [String: Any] in
                var item: [String: Any] = ["contactName": contact.name]
                item["contactPhone"] = contact.phone
                item["contactPhoneTel"] = contact.phone.map(SiteContext.tel)
                item["contactEmail"] = contact.email
                item["contactPurpose"] = contact.purpose
                return item
            }
        }
        if !content.staff.isEmpty {
            context["hasCareTeam"] = true
            context["careTeam"] = content.staff.map { member -> [String: Any] in
                var item: [String: Any] = ["memberName": view.audience == .staff ? member.name : member.displayName,
                                           "memberRole": member.role]
                item["memberCredentials"] = member.credentials
                return item
            }
        }
        return context
    }
}
