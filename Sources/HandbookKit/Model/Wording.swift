import Foundation

/// How an output speaks one language: its interface strings (`Templates/strings/<tag>.yaml`)
/// and how it writes times, dates and numbers.
///
/// Dates and times come from the language's standard formats (ICU, through Foundation), so a
/// language needs no strings for day or month names: `es` writes "martes, 24 de noviembre" and
/// "18:00", `es-US` writes "6:00 p.m.", `en` "Tuesday, November 24" and "6:00 PM".
public struct Wording: Sendable {
    /// BCP 47 tag of the output, such as `es`.
    public let language: String
    /// The program's default language, which fills whatever the output's language lacks.
    public let defaultLanguage: String
    /// Every key, after falling back key by key along the language's chain.
    let strings: [String: String]
    /// The language's own name, in the language itself ("Español").
    public var languageName: String { strings["language_name"] ?? language }
    /// The direction of the language's script, for the `dir` attribute: `rtl` for Arabic,
    /// Hebrew, Persian, Urdu; `ltr` otherwise.
    public var textDirection: String {
        Locale.Language(identifier: language).characterDirection == .rightToLeft ? "rtl" : "ltr"
    }

    private let locale: Locale
    /// The program's clock (`time_format`); nil: the language's usual one.
    let timeFormat: TimeFormat?

    init(language: String, defaultLanguage: String, strings: [String: String], timeFormat: TimeFormat? = nil) {
        self.language = language
        self.defaultLanguage = defaultLanguage
        self.strings = strings
        self.locale = Locale(identifier: language)
        self.timeFormat = timeFormat
    }

    /// The interface string `key` with its `{placeholders}` filled in. A key no strings file has
    /// is shown as itself, so a missing string is visible rather than silently empty (and
    /// `handbook check` lists it).
    public func text(_ key: String, _ values: [String: String] = [:]) -> String {
        Self.fill(strings[key] ?? key, values)
    }

    /// In one pass, so that a value holding braces (a program named "{week}") is never filled
    /// in itself; a placeholder without a value stays as written.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        guard !values.isEmpty, template.utf8.contains(open) else { return template }
        var result = ""
        var rest = template[...]
        while let start = rest.utf8.firstIndex(of: open) {
            let afterStart = rest.utf8.index(after: start)
            guard let end = rest.utf8[afterStart...].firstIndex(where: { $0 == open || $0 == close }) else { break }
            if rest.utf8[end] == open {
                // "{a {b}": the first brace opens nothing.
                result += rest[..<end]
                rest = rest[end...]
                continue
            }
            let afterEnd = rest.utf8.index(after: end)
            if let value = values[String(rest[afterStart..<end])] {
                result += rest[..<start]
                result += value
            } else {
                result += rest[..<afterEnd]
            }
            rest = rest[afterEnd...]
        }
        result += rest
        return result
    }

    /// Every string for templates (`{{ui.key}}`), with the placeholders an output knows filled in.
    func templateStrings(_ values: [String: String]) -> [String: String] {
        strings.mapValues { Self.fill($0, values) }
    }

    /// "Ana R.", "Ana R. and Ben C.", "Ana R., Ben C. and Dana W.": names joined as the
    /// language joins them (`list_and`, `list_separator`).
    public func list(_ items: [String]) -> String {
        guard let last = items.last, items.count > 1 else { return items.first ?? "" }
        return text("list_and", ["items": items.dropLast().joined(separator: text("list_separator")), "last": last])
    }

    // MARK: Times, dates and numbers

    /// "9:00 AM" in English, "9:00" in Spanish; with `time_format`, the program's clock in the
    /// language's words ("4:00 p. m.", "16:00").
    public func time(_ time: TimeOfDay) -> String {
        let template = switch timeFormat {
        case nil: "jmm" // the language's preferred clock
        case .twelveHour: "hmma"
        case .twentyFourHour: "Hmm"
        }
        return format(date(hour: time.hour, minute: time.minute), template: template)
    }

    /// "9:00 AM" with a no-break space, so that a narrow column never puts "AM" (or "p. m.") on
    /// a line of its own: for pages. Calendar files and messages keep `time`'s plain space.
    public func timeOnOneLine(_ time: TimeOfDay) -> String {
        self.time(time).replacingOccurrences(of: " ", with: "\u{00A0}")
    }

    /// "9:00 AM – 10:30 AM", on pages: it may break at the dash, never inside a time.
    public func timeRange(_ start: TimeOfDay, _ end: TimeOfDay) -> String { "\(timeOnOneLine(start)) – \(timeOnOneLine(end))" }

    /// "Monday, November 30"; "lunes, 30 de noviembre".
    public func dayAndDate(_ day: CalendarDate) -> String { format(date(day), template: "EEEEMMMMd") }

    /// "Nov 30"; "30 nov".
    public func shortDate(_ day: CalendarDate) -> String { format(date(day), template: "MMMd") }

    /// "November 1, 2026"; "1 de noviembre de 2026".
    public func fullDate(_ day: CalendarDate) -> String { format(date(day), template: "yMMMMd") }

    /// "Monday"; "Lunes" (capitalised: day names stand alone as headings).
    public func weekdayName(_ day: Weekday) -> String {
        // 2024-01-01 was a Monday.
        let name = format(date(CalendarDate(dayNumber: CalendarDate(year: 2024, month: 1, day: 1).dayNumber + day.rawValue - 1)),
                          template: "EEEE")
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    /// "9.5" in English, "9,5" in Spanish.
    public func number(_ value: Double) -> String {
        FormattedTextMemo.shared.text("number|\(locale.identifier)|\(value)") {
            let formatter = NumberFormatter()
            formatter.locale = locale
            formatter.numberStyle = .decimal
            formatter.maximumFractionDigits = 2
            formatter.usesGroupingSeparator = false
            return formatter.string(from: NSNumber(value: value)) ?? String(value)
        }
    }

    /// "9 hours", "9.5 hours", "1 hour": quarter hours read as decimals.
    public func hours(minutes: Int) -> String {
        let hours = Double(minutes) / 60
        return text(hours == 1 ? "hours_one" : "hours_other", ["count": number(hours)])
    }

    /// A time zone's everyday name in this language, "Central Time"; "hora central".
    public func timeZoneName(_ identifier: String) -> String {
        TimeZone(identifier: identifier)?.localizedName(for: .generic, locale: locale) ?? identifier
    }

    /// The name of another language in this one ("inglés" for `en` in Spanish).
    public func nameOfLanguage(_ tag: String) -> String {
        locale.localizedString(forIdentifier: tag) ?? tag
    }

    private func date(_ day: CalendarDate) -> Date {
        Date(timeIntervalSince1970: TimeInterval(day.dayNumber * 86400 + 12 * 3600))
    }

    private func date(hour: Int, minute: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(hour * 3600 + minute * 60))
    }

    private func format(_ date: Date, template: String) -> String {
        FormattedTextMemo.shared.date(date, locale: locale, skeleton: template)
    }
}
