import Foundation

/// Reads `program.yaml`.
enum ProgramLoader {
    static func read(_ r: MappingReader) -> Program? {
        let name = r.string("name", required: true)
        let shortName = r.string("short_name")
        let edition = r.string("edition", required: true, hint: "add a line such as 'edition: \"Edition 1\"'")
        let editionDate = r.date("edition_date", required: true)
        let language = r.string("language", kind: .languageTag) ?? "en"
        if !isLanguageTag(language) {
            r.log.error(r.location(of: "language"), "'\(language)' is not a language tag",
                        hint: "write a tag such as en (English) or es (Spanish)")
        }
        let timeZone = r.string("time_zone", kind: .timeZone, required: true, hint: "add a line such as 'time_zone: America/Chicago'")
        if let timeZone, TimeZone(identifier: timeZone) == nil {
            r.log.error(r.location(of: "time_zone"), "'\(timeZone)' is not a known time zone",
                        hint: "use an IANA name such as America/New_York, America/Chicago, America/Denver or America/Los_Angeles")
        }
        let address = r.string("address", required: true)
        let phone = r.string("phone", required: true)
        let hours = r.records("hours", noun: "hours entry") { h -> OfficeHours? in
            let days = h.string("days", required: true, hint: "e.g. 'days: Monday to Friday'")
            let open = h.time("open", required: true)
            let close = h.time("close", required: true)
            guard let days, let open, let close else { return nil }
            if close <= open {
                h.log.error(h.location(of: "close"), "closing time \(close) is not after opening time \(open)")
            }
            return OfficeHours(days: days, open: open, close: close)
        }
        let crisisLines = r.records("crisis_lines", noun: "crisis line") { c -> CrisisLine? in
            let name = c.string("name", required: true)
            let number = c.string("number", required: true)
            let how = c.string("how")
            guard let name, let number else { return nil }
            return CrisisLine(name: name, number: number, how: how)
        }
        let contacts = r.records("contacts", noun: "contact") { c -> Contact? in
            let name = c.string("name", required: true)
            let contact = Contact(name: name ?? "", phone: c.string("phone"), email: c.string("email"),
                                  purpose: c.string("purpose"), outside: c.bool("outside") ?? false)
            return name == nil ? nil : contact
        }
        let sections = readSections(r)
        var program = Program(
            name: name ?? "", shortName: shortName, edition: edition ?? "",
            editionDate: editionDate ?? CalendarDate(year: 1970, month: 1, day: 1),
            language: language, timeZone: timeZone ?? "UTC", address: address ?? "", phone: phone ?? "",
            afterHoursPhone: r.string("after_hours_phone"), email: r.string("email"),
            website: r.string("website"), hours: hours, crisisLines: crisisLines, contacts: contacts,
            allowRawHTML: r.bool("allow_raw_html") ?? false, readingGradeLimit: r.double("reading_grade_limit") ?? 8,
            compliance: readCompliance(r), sections: sections, location: r.location)
        program.translations = readTranslations(r, defaultLanguage: language)
        program.siteURL = readSiteURL(r)
        program.crisisLinesLocation = r.keyLocation("crisis_lines")
        program.reviewEvery = r.interval("review_every")
        program.lengthWeeks = ProgramLengthReader.read(r)
        program.timeFormat = r.choice("time_format", as: TimeFormat.self)
        program.register = r.choice("register", as: Register.self) ?? .formal
        return program
    }

    /// `site_url: https://example.org/iop/`: an http(s) address with a host, kept with a final `/`.
    private static func readSiteURL(_ r: MappingReader) -> String? {
        guard let written = r.string("site_url") else { return nil }
        guard let url = URL(string: written), ["https", "http"].contains(url.scheme?.lowercased() ?? ""),
              let host = url.host, !host.isEmpty, url.query == nil, url.fragment == nil else {
            r.log.error(r.location(of: "site_url"), "'\(written)' is not a web address",
                        hint: "write where Public/ is published, such as 'site_url: https://cedarhollow.example/iop/'")
            return nil
        }
        return written.hasSuffix("/") ? written : written + "/"
    }

    /// `translations: [es, vi, {language: en, scope: client}]`: language tags, each once, none the
    /// default language; a tag alone covers everything (`scope: all`).
    private static func readTranslations(_ r: MappingReader, defaultLanguage: String) -> [TranslationListing] {
        let listed = r.valuesOrRecords("translations", of: .languageTag, orBlock: "translation entry") { tag, location in
            TranslationListing(tag: tag, location: location)
        } block: { entry in
            let tag = entry.string("language", kind: .languageTag, required: true,
                                   hint: "name the language, as in '{language: en, scope: client}'")
            // A scope that is not known is an error already; the language stays listed, so that
            // the mistake gives one message, not one more for an unlisted translation folder.
            let scope = entry.choice("scope", as: TranslationScope.self) ?? .all
            return tag.map { TranslationListing(tag: $0, scope: scope, location: entry.location(of: "language")) }
        }
        var result: [TranslationListing] = []
        for listing in listed {
            let (tag, location) = (listing.tag, listing.location)
            if !isLanguageTag(tag) {
                r.log.error(location, "'\(tag)' is not a language tag",
                            hint: "write a tag such as es (Spanish), vi (Vietnamese), zh-Hans (Chinese) or es-US")
            } else if tag == defaultLanguage {
                r.log.error(location, "'\(tag)' is the program's own language ('language: \(defaultLanguage)')",
                            hint: "list only the other languages under 'translations:'")
            } else if result.contains(where: { $0.tag == tag }) {
                r.log.error(location, "the language '\(tag)' is listed twice", hint: "remove one of them")
            } else {
                result.append(listing)
            }
        }
        return result
    }

    /// A BCP 47 tag as programs write them: a 2- or 3-letter language, then optional parts
    /// (script, region) of letters and digits, joined by dashes. Also safe as a folder name.
    static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = parts.first, (2...3).contains(language.count),
              language.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (2...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }

    private static func readCompliance(_ r: MappingReader) -> ComplianceSettings? {
        guard let c = r.mapping("compliance", noun: "compliance block") else { return nil }
        defer { c.finish() }
        var settings = ComplianceSettings(profile: c.string("profile"), notApplicable: [], location: c.location)
        settings.notApplicable = c.records("not_applicable", noun: "not-applicable entry") { n in
            let requirement = n.string("requirement", required: true, hint: "name the requirement's id, e.g. 'requirement: fees'")
            let reason = n.string("reason", required: true, hint: "say why it does not apply; the compliance report shows it")
            guard let requirement, let reason else { return nil }
            return ComplianceSettings.NotApplicable(requirement: requirement, reason: reason, location: n.location)
        }
        if let state = c.mapping("state", noun: "state settings") {
            settings.groupSizeCap = state.int("group_size_cap", range: 1...1000)
            settings.educationGroupSizeCap = state.int("education_group_size_cap", range: 1...1000)
            settings.minimumSessionMinutes = state.int("minimum_session_minutes", range: 1...600)
            settings.minimumWeeklyHours = state.double("minimum_weekly_hours")
            settings.maximumWeeklyHours = state.double("maximum_weekly_hours")
            state.finish()
        }
        return settings
    }

    private static func readSections(_ r: MappingReader) -> [BuiltInSection: SectionSettings] {
        guard let block = r.mapping("sections", noun: "sections block") else { return [:] }
        defer { block.finish() }
        var result: [BuiltInSection: SectionSettings] = [:]
        for section in BuiltInSection.allCases {
            guard let s = block.mapping(section.rawValue, noun: "'\(section.rawValue)' section settings") else { continue }
            result[section] = SectionSettings(title: s.string("title"), order: s.int("order"), intro: s.markdown("intro"))
            s.finish()
        }
        return result
    }
}
