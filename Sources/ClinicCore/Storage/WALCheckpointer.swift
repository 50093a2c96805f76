import Foundation
import GRDB

/// Copies the write-ahead log back into the database from a background
/// thread with its own connection (PASSIVE: it never blocks readers or
/// writers), so commits in long-running processes do not pay for SQLite's
/// automatic checkpoint. The automatic one stays as a backstop at a larger
/// threshold (see `ClinicDatabase.open`).
public final class WALCheckpointer: @unchecked Sendable {
    private let queue: DatabaseQueue
    private let lock = NSLock()
    private var running = true

    /// Starts checkpointing `path` every `interval` seconds.
    public init(path: String, interval: Double = 0.2) throws {
        var config = Configuration()
        config.busyMode = .timeout(1)
        queue = try DatabaseQueue(path: path, configuration: config)
        let thread = Thread { [self] in
            while isRunning {
                _ = try? queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(PASSIVE)") }
                SystemClock.pause(seconds: interval)
            }
        }
        thread.name = "clinic-wal-checkpoint"
        thread.start()
    }

    private var isRunning: Bool { lock.withLock { running } }

    /// Stops the thread after its current pass.
    public func stop() { lock.withLock { running = false } }

    deinit { stop() }
}
