/// Regular expressions (ECMA-262, as JSON Schema uses) that accept what the loader's parsers accept,
/// for the editor schemas. `SchemaTests` holds each against its parser on many inputs.
enum ValuePatterns {
    /// `Identifier.isValid`: lowercase letters, digits and dashes, not starting or ending with a dash.
    static let identifier = "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$"

    /// `CalendarDate(_:)`: YYYY-MM-DD. Whether the day exists in that month is left to `handbook check`.
    static let date = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"

    /// `TimeOfDay(_:)`: "9:00 AM", "9 am", "6:30 p.m.", or 24-hour "18:30".
    static let time: String = {
        let meridiem = "(" + caseInsensitive("am") + "|" + caseInsensitive("pm") + "|" + caseInsensitive("a.m.")
            + "|" + caseInsensitive("p.m.") + ")"
        let twelveHour = "(0?[1-9]|1[0-2])(:[0-5][0-9])?[ \\t]*" + meridiem
        let twentyFourHour = "([01]?[0-9]|2[0-3]):[0-5][0-9]"
        return "^[ \\t]*(" + twelveHour + "|" + twentyFourHour + ")[ \\t]*$"
    }()

    /// `Weekday(name:)`: a day's name or its first three letters or more, in any case; several
    /// separated by commas, as `ScheduleLoader` reads `days`.
    static let weekdays: String = {
        let names = Weekday.allCases.flatMap { day -> [String] in
            let name = day.name.lowercased()
            return (3...name.count).map { String(name.prefix($0)) }
        }
        let oneDay = "(" + names.sorted { $0.count > $1.count }.map(caseInsensitive).joined(separator: "|") + ")"
        // Commas with nothing between them are skipped; a part of only spaces is not a day.
        let part = "[ \\t]*" + oneDay + "[ \\t]*"
        return "^,*" + part + "(,+" + part + ")*,*$"
    }()

    /// `ReviewInterval(_:)`: "12 months", "1 year", "2 Years": a whole number above zero, then the unit.
    /// How large the number may be is left to `handbook check`.
    static let interval = "^[ \\t]*0*[1-9][0-9]*[ \\t]+(" + ["months", "month", "years", "year"].map(caseInsensitive).joined(separator: "|")
        + ")[ \\t]*$"

    /// `ProgramLoader.isLanguageTag`: `en`, `es-US`, `zh-Hans`.
    static let languageTag = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"

    /// A time zone database name; whether it exists is left to `handbook check`.
    static let timeZone = "^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$"

    /// `MappingReader.bool`: true, yes, on, false, no, off, in any case.
    static let trueFalseWords = "^(" + ["true", "yes", "on", "false", "no", "off"].map(caseInsensitive).joined(separator: "|") + ")$"

    /// JSON Schema patterns have no flag for case: "am" becomes "[Aa][Mm]".
    static func caseInsensitive(_ text: String) -> String {
        text.map { character -> String in
            let lower = character.lowercased(), upper = character.uppercased()
            if lower != upper { return "[" + upper + lower + "]" }
            return "." == character ? "\\." : String(character)
        }.joined()
    }
}
