import Foundation

/// Times the named stages of a run (`handbook build --timings`) and announces each as it starts
/// (the progress line on a terminal).
public final class StageTimer: @unchecked Sendable {
    public private(set) var stages: [(name: String, seconds: Double)] = []
    let announce: (@Sendable (String) -> Void)?

    public init(announce: (@Sendable (String) -> Void)? = nil) {
        self.announce = announce
    }

    public func measure<T>(_ name: String, _ work: () throws -> T) rethrows -> T {
        announce?(name)
        let started = DispatchTime.now().uptimeNanoseconds
        defer { stages.append((name, Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)) }
        return try work()
    }
}
