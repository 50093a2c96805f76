import Synchronization

/// Values gathered from several threads (each racing connection's outcome).
public final class Collected<Value: Sendable>: Sendable {
    private let values = Mutex<[Value]>([])

    public init() {}

    public func append(_ value: Value) { values.withLock { $0.append(value) } }

    /// Everything appended so far, in order of arrival.
    public var all: [Value] { values.withLock { $0 } }
}
