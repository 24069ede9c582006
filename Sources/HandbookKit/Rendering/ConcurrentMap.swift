import Foundation

extension Array {
    /// `map` on all cores, results in order. For work items that share no mutable state.
    func concurrentMap<T>(_ transform: (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        var results = [T?](repeating: nil, count: count)
        withoutActuallyEscaping(transform) { transform in
            results.withUnsafeMutableBufferPointer { slots in
                self.withUnsafeBufferPointer { items in
                    // Each index is written by exactly one iteration, so the buffer needs no lock.
                    nonisolated(unsafe) let slots = slots
                    nonisolated(unsafe) let items = items
                    nonisolated(unsafe) let work = transform
                    DispatchQueue.concurrentPerform(iterations: items.count) { index in
                        slots[index] = work(items[index])
                    }
                }
            }
        }
        return results.map { $0! }
    }
}
