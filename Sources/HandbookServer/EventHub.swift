/// The state of the last build, and the open pages listening for the next one.
actor EventHub {
    enum State: Sendable, Equatable {
        case built(generation: Int)
        case failed(messages: [String])
    }

    private(set) var state: State = .built(generation: 0)
    private var listeners: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextListener = 0

    /// A stream of server-sent events for one page: first the current state, then each rebuild.
    func subscribe() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(16))
        let id = nextListener
        nextListener += 1
        listeners[id] = continuation
        continuation.yield(Self.event(for: state, initial: true))
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        return stream
    }

    private func remove(_ id: Int) { listeners[id] = nil }

    func publish(_ newState: State) {
        state = newState
        let event = Self.event(for: newState, initial: false)
        for continuation in listeners.values { continuation.yield(event) }
    }

    /// `event: reload` after a good build, `event: failed` with one `data:` line per diagnostic;
    /// on connecting, `event: state` tells a page whether the last build failed.
    static func event(for state: State, initial: Bool) -> String {
        switch state {
        case let .built(generation):
            return "event: \(initial ? "state" : "reload")\ndata: built \(generation)\n\n"
        case let .failed(messages):
            let lines = messages.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false) }
            return "event: failed\n" + lines.map { "data: \($0)\n" }.joined() + "\n"
        }
    }

    func finish() {
        for continuation in listeners.values { continuation.finish() }
        listeners = [:]
    }
}
