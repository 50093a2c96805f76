import Foundation
import GRDB

/// Group commit for the webhook: SMS that arrive while a write is in progress
/// wait and are then handled together in one transaction, each in its own
/// savepoint (one message's failure rolls back only that message). Under load
/// this writes each shared page (the inbound log, the audit trail, indexes)
/// once per batch instead of once per message; alone, a message is written at once.
final class InboundSMSBatcher: @unchecked Sendable {
    private typealias Waiter = CheckedContinuation<InboundSMSResult, any Error>
    private let store: ClinicStore
    private let lock = NSLock()
    private var pending: [(InboundSMS, Waiter)] = []
    private var writing = false
    /// At most this many messages per transaction.
    private let maxBatch = 256

    init(store: ClinicStore) { self.store = store }

    /// Handles one message as part of the next batch.
    func receive(_ message: InboundSMS) async throws -> InboundSMSResult {
        try await withCheckedThrowingContinuation { (waiter: Waiter) in
            let startWriter = lock.withLock { () -> Bool in
                pending.append((message, waiter))
                if writing { return false }
                writing = true
                return true
            }
            if startWriter { Task { await self.drain() } }
        }
    }

    private func drain() async {
        while true {
            let batch = lock.withLock { () -> [(InboundSMS, Waiter)] in
                let taken = Array(pending.prefix(maxBatch))
                pending.removeFirst(taken.count)
                if taken.isEmpty { writing = false }
                return taken
            }
            if batch.isEmpty { return }
            let now = store.nowSeconds
            let messages = batch.map(\.0)
            do {
                let results = try await store.pool.write { db in
                    messages.map { message in
                        Result { try db.inCachedSavepoint { try self.store.receiveSMS(message, now: now, db) } }
                    }
                }
                for ((_, waiter), result) in zip(batch, results) { waiter.resume(with: result) }
            } catch {
                for (_, waiter) in batch { waiter.resume(throwing: error) }
            }
        }
    }
}
