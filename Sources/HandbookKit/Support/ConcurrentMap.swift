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
func inParallel<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
    let firstResult = ResultBox<A>(), secondResult = ResultBox<B>()
    withoutActuallyEscaping(first) { first in
        withoutActuallyEscaping(second) { second in
            nonisolated(unsafe) let first = first
            nonisolated(unsafe) let second = second
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                if index == 0 { firstResult.value = first() } else { secondResult.value = second() }
            }
        }
    }
    return (firstResult.value!, secondResult.value!)
}

/// One result of `inParallel`, written by exactly one thread before it is read.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
