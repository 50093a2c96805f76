import ClinicCore
import Foundation

/// A `Sleeper` that only writes down how long it was asked to sleep.
public final class RecordingSleeper: Sleeper, @unchecked Sendable {
    private let lock = NSLock()
    private var waits: [Double] = []

    public init() {}

    public func sleep(seconds: Double) { lock.withLock { waits.append(seconds) } }

    /// Every wait asked for, in order (zeros included).
    public var requested: [Double] { lock.withLock { waits } }
}
