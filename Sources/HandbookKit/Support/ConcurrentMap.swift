import Foundation

extension Array {
    /// `map` on all cores, results in order. For work items that share no mutable state.
    /// If an item throws, the first error is thrown once the others are done (items not yet
    /// started by then are skipped).
    func concurrentMap<T, Failure: Error>(_ transform: (Element) throws(Failure) -> T) throws(Failure) -> [T] {
        guard count > 1 else { return try map(transform) }
        var results = [T?](repeating: nil, count: count)
        let failure = FirstError<Failure>()
        withoutActuallyEscaping(transform) { transform in
            results.withUnsafeMutableBufferPointer { slots in
                self.withUnsafeBufferPointer { items in
                    // Each index is written by exactly one iteration, so the buffer needs no lock.
                    nonisolated(unsafe) let slots = slots
                    nonisolated(unsafe) let items = items
                    nonisolated(unsafe) let work = transform
                    DispatchQueue.concurrentPerform(iterations: items.count) { index in
                        guard failure.lock.withLock({ failure.error == nil }) else { return }
                        do throws(Failure) {
                            slots[index] = try work(items[index])
                        } catch {
                            failure.lock.withLock { if failure.error == nil { failure.error = error } }
                        }
                    }
                }
            }
        }
        if let error = failure.error { throw error }
        return results.map { $0! }
    }
}

/// The first error thrown by an item of `concurrentMap`, set from any thread.
private final class FirstError<Failure: Error>: @unchecked Sendable {
    let lock = NSLock()
    var error: Failure?
}

/// Runs two independent pieces of work at once (on two cores, when there are) and returns both
/// results. For work that shares no mutable state, like `concurrentMap`.
///
/// `first` runs on the calling thread and `second` on another: not as the two iterations of a
/// `concurrentPerform`, since a `concurrentMap` inside one of those runs its items one by one
/// (Dispatch runs a nested apply serially), and `first` is usually the larger, parallel part.
func inParallel<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
    let secondResult = ResultBox<B>()
    let group = DispatchGroup()
    let firstResult = withoutActuallyEscaping(second) { second in
        // `second` ends before this function returns (the group is waited for), so it does not
        // outlive the call, and shares no mutable state with `first`.
        nonisolated(unsafe) let work = second
        DispatchQueue.global().async(group: group) { secondResult.value = work() }
        defer { group.wait() }
        return first()
    }
    return (firstResult, secondResult.value!)
}

/// The other result of `inParallel`, written by one thread before the group's wait returns.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
