/// How the outputs write times of day (`time_format` in `program.yaml`): one setting for the
/// program, used in every language, so a printed week and its translation never disagree on
/// when a group starts. Without it, each language's usual clock is used (English 12-hour,
/// Spanish 24-hour).
public enum TimeFormat: String, Sendable, CaseIterable {
    /// "4:00 PM"; in Spanish "4:00 p. m.".
    case twelveHour = "12h"
    /// "16:00".
    case twentyFourHour = "24h"
}

/// How the interface strings address the reader (`register` in a language's program file): the
/// built-in Spanish strings say "usted"; `informal` takes the "tú" forms from
/// `strings/<tag>.informal.yaml` where a language has them.
public enum Register: String, Sendable, CaseIterable {
    case formal
    case informal
}
