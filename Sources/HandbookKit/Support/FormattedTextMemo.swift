import Foundation

/// Remembers what ICU formatted: making a `DateFormatter` or `NumberFormatter` costs far more
/// than using one (a build asks for the same few times and dates thousands of times, and making
/// their formatters was a third of a small program's build). Keyed by everything that decides
/// the text, so a remembered answer is the answer. Shared by the threads that render pages.
final class FormattedTextMemo: @unchecked Sendable {
    static let shared = FormattedTextMemo()

    private let lock = NSLock()
    private var texts: [String: String] = [:]

    /// The text for `key`, made by `make` the first time it is asked for.
    func text(_ key: String, _ make: () -> String) -> String {
        if let known = lock.withLock({ texts[key] }) { return known }
        let made = make()
        lock.withLock { texts[key] = made }
        return made
    }
}
