import Foundation

/// The source of "now" for everything in the core. Production code gets a
/// `SystemClock`; tests and benchmarks inject a `ManualClock`, so nothing
/// depends on the machine's wall clock.
public protocol ClinicClock: Sendable {
    /// The current instant.
    func now() -> Date
}

/// A clock that tests move by hand.
public final class ManualClock: ClinicClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    /// Starts at `start`.
    public init(_ start: Date) { current = start }

    public func now() -> Date { lock.withLock { current } }

    /// Moves the clock to `date`.
    public func set(_ date: Date) { lock.withLock { current = date } }

    /// Moves the clock forward by `seconds`.
    public func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }
}
