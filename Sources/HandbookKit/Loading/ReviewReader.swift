/// Reads the review keys a page's front matter and each rule, question and topic may hold.
extension MappingReader {
    /// `owner:`, `reviewed:` and `review_every:`; nil when none of them is written. Whether a
    /// `reviewed:` date lies in the future depends on the day of the build: `ReviewChecker` asks.
    func review() -> Review? {
        let owner = string("owner")
        let reviewed = date("reviewed")
        let every = interval("review_every")
        guard owner != nil || reviewed != nil || every != nil else { return nil }
        return Review(owner: owner, reviewed: reviewed, every: every, location: location,
                      reviewedLocation: reviewed == nil ? nil : location(of: "reviewed"))
    }

    /// A length of time such as `12 months` or `2 years`; nil (after logging) when it is not one.
    func interval(_ key: String) -> ReviewInterval? {
        guard let text = string(key, kind: .interval) else { return nil }
        guard let interval = ReviewInterval(text) else {
            log.error(location(of: key), "'\(text)' is not a length of time '\(key)' can hold",
                      hint: "write a number of months or years, such as '\(key): 12 months', '\(key): 6 months' or '\(key): 2 years'")
            return nil
        }
        return interval
    }
}
