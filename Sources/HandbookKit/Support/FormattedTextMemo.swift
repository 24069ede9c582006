import Foundation

/// Remembers what ICU formatted: making a `DateFormatter` or `NumberFormatter` costs far more
/// than using one (a build asks for the same few times and dates thousands of times, and making
/// their formatters was a third of a small program's build). Keyed by everything that decides
/// the text, so a remembered answer is the answer. Shared by the threads that render pages.
final class FormattedTextMemo: @unchecked Sendable {
    static let shared = FormattedTextMemo()

    private let lock = NSLock()
    private var texts: [String: String] = [:]
    private var dateFormatters: [String: LockedDateFormatter] = [:]

    /// The text for `key`, made by `make` the first time it is asked for.
    func text(_ key: String, _ make: () -> String) -> String {
        if let known = lock.withLock({ texts[key] }) { return known }
        let made = make()
        lock.withLock { texts[key] = made }
        return made
    }

    /// `date` in UTC, written by ICU from a skeleton such as "EEEEMMMMd" for `locale`. The
    /// formatter of a locale and skeleton is made once: a calendar year has hundreds of different
    /// dates, and ICU spent longer opening a formatter for each than formatting with it.
    func date(_ date: Date, locale: Locale, skeleton: String) -> String {
        let formatterKey = "\(locale.identifier)|\(skeleton)"
        return text("date|\(formatterKey)|\(date.timeIntervalSince1970)") {
            let formatter = lock.withLock {
                if let made = dateFormatters[formatterKey] { return made }
                let made = LockedDateFormatter(locale: locale, skeleton: skeleton)
                dateFormatters[formatterKey] = made
                return made
            }
            return formatter.string(from: date)
        }
    }
}

/// One `DateFormatter`, used by one thread at a time: Foundation does not promise that a
/// formatter may be used from two threads at once.
private final class LockedDateFormatter: @unchecked Sendable {
    private let lock = NSLock()
    private let formatter = DateFormatter()

    init(locale: Locale, skeleton: String) {
        formatter.locale = locale
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.setLocalizedDateFormatFromTemplate(skeleton)
    }

    func string(from date: Date) -> String {
        // ICU puts a narrow no-break space before "AM"; a plain space keeps text and calendar
        // files the same on every machine and easy to search.
        lock.withLock { formatter.string(from: date) }.replacingOccurrences(of: "\u{202F}", with: " ")
    }
}
