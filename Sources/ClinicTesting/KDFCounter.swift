import ClinicCore
import Foundation

/// Counts the password KDF's evaluations (and their costs) of a store: how
/// tests show that two answers take equally long without timing anything.
public final class KDFCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var runs: [Int] = []

    public init() {}

    /// The iteration count of each evaluation since the last `take()`, in order.
    public func take() -> [Int] {
        lock.withLock {
            defer { runs = [] }; return runs
        }
    }

    /// A hasher at the test cost that reports to this counter.
    public var hasher: PasswordHasher {
        PasswordHasher(iterations: 1_000) { [weak self] iterations in self?.record(iterations) }
    }

    private func record(_ iterations: Int) { lock.withLock { runs.append(iterations) } }
}

extension TestClinic {
    /// Another store over this clinic's database and clock whose hasher reports to `counter`.
    public func store(counting counter: KDFCounter) throws -> ClinicStore {
        try ClinicStore(database: database.location, clock: clock, hasher: counter.hasher)
    }
}
