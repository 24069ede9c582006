/// Hands out ids that are unique within one document: the first heading "Notes" gets `notes`,
/// the next `notes-2`, then `notes-3`.
///
/// Remembers the next number to try for each slug, so the n-th heading of the same text does not
/// try the n - 1 numbers before it again: a page of 100,000 such headings was quadratic.
struct UniqueIDs {
    private var used: Set<String> = []
    private var nextNumber: [String: Int] = [:]
    /// How many candidate ids were looked up, for the test that keeps this linear.
    private(set) var probes = 0

    mutating func claim(_ slug: String) -> String {
        probes += 1
        var id = slug
        if used.contains(slug) {
            var number = nextNumber[slug] ?? 2
            repeat {
                id = "\(slug)-\(number)"
                number += 1
                probes += 1
            } while used.contains(id)
            nextNumber[slug] = number
        }
        used.insert(id)
        return id
    }
}
