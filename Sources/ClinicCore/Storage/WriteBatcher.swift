import Foundation
import GRDB

/// Group commit: writes that arrive while a write is in progress wait and
/// are then done together in one transaction, each in its own savepoint (one
/// write's failure rolls back only that write). Under load this writes each
/// shared page (the audit trail, indexes, logs) once per batch instead of
/// once per write; alone, a write goes at once. The webhook's SMS and the
/// API's bookings use one each.
final class WriteBatcher<Input: Sendable, Output: Sendable>: @unchecked Sendable {
    typealias Work = @Sendable (Input, _ now: Int64, StoreConnection) throws -> Output
    private typealias Waiter = CheckedContinuation<Output, any Error>
    private let store: ClinicStore
    private let work: Work
    private let lock = NSLock()
    private var pending: [(Input, Waiter)] = []
    private var writing = false
    /// At most this many writes per transaction.
    private let maxBatch = 256

    /// A batcher doing `work` for each input inside the batch's transaction.
    init(store: ClinicStore, work: @escaping Work) { self.store = store; self.work = work }

    /// Does `input` as part of the next batch.
    func submit(_ input: Input) async throws -> Output {
        try await withCheckedThrowingContinuation { (waiter: Waiter) in
            let startWriter = lock.withLock { () -> Bool in
                pending.append((input, waiter))
                if writing { return false }
                writing = true
                return true
            }
            if startWriter { Task { await self.drain() } }
        }
    }

    private func drain() async {
        while true {
            let batch = lock.withLock { () -> [(Input, Waiter)] in
                let taken = Array(pending.prefix(maxBatch))
                pending.removeFirst(taken.count)
                if taken.isEmpty { writing = false }
                return taken
            }
            if batch.isEmpty { return }
            let now = store.nowSeconds
            let inputs = batch.map(\.0)
            let work = self.work
            do {
                let results = try await store.pool.write { db in
                    let results = inputs.map { input in Result { try db.inSavepoint { try work(input, now, db) } } }
                    // PostgreSQL: a serialization failure or deadlock dooms the whole transaction: run the batch again
                    for case .failure(let error as ClinicError) in results where error.isRetryable { throw error }
                    return results
                }
                for ((_, waiter), result) in zip(batch, results) { waiter.resume(with: result) }
            } catch {
                for (_, waiter) in batch { waiter.resume(throwing: error) }
            }
        }
    }
}
