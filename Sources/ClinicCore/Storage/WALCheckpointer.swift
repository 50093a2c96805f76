import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// Keeps the write-ahead log short without making commits wait for it.
///
/// SQLite's automatic checkpoint runs inside the commit that crosses its
/// threshold, and that commit waits while the log's dirty pages are synced
/// (measured here: 1.8 ms for 1,000 pages, 17 ms for 10,000). A long-running
/// process (the terminals, `serve`) installs this hook on its connections
/// instead: a commit that leaves `wakePages` frames in the log beyond what the
/// last pass copied wakes a background thread, which checkpoints PASSIVE
/// (readers and writers go on) and does the syncing on its own connection. Only past `inlinePages` — the
/// thread cannot keep up, or a reader still holds old frames — does the
/// committing connection checkpoint itself, as SQLite would; by then most of
/// the log is copied and synced, so that commit waits briefly.
public final class WALCheckpointer: @unchecked Sendable {
    /// Frames in the log after a commit that wake the background thread.
    public let wakePages: Int32
    /// Frames after which the committing connection checkpoints itself.
    public let inlinePages: Int32
    /// Frames the last background pass copied (the log restarts from 0 after a full one).
    private let copied = Atomic<Int32>(0)
    /// A pass is asked for and not yet begun (commits read it without the lock).
    private let wanted = Atomic<Bool>(false)
    private let condition = NSCondition()
    private var running = true
    private var passes = 0

    public init(wakePages: Int32 = 1_000, inlinePages: Int32 = 10_000) {
        self.wakePages = wakePages
        self.inlinePages = inlinePages
    }

    /// Installs the hook on a connection (from `Configuration.prepareDatabase`).
    /// It replaces SQLite's automatic checkpoint on that connection. The
    /// connection must not outlive this object: the pool's configuration
    /// holds it.
    public func watch(_ db: Database) {
        sqlite3_wal_hook(db.sqliteConnection, { context, connection, name, frames in
            guard let context else { return SQLITE_OK }
            Unmanaged<WALCheckpointer>.fromOpaque(context).takeUnretainedValue()
                .committed(frames: frames, connection: connection, name: name)
            return SQLITE_OK
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    private func committed(frames: Int32, connection: OpaquePointer?, name: UnsafePointer<CChar>?) {
        if frames >= inlinePages {
            // SQLite's own automatic checkpoint does the same; BUSY (another
            // checkpoint is running) is fine: the next commit tries again.
            _ = sqlite3_wal_checkpoint_v2(connection, name, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
        } else {
            let base = copied.load(ordering: .relaxed)
            let uncopied = frames < base ? frames : frames - base
            if uncopied >= wakePages, wanted.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged {
                condition.withLock { condition.signal() }
            }
        }
    }

    /// Starts the background thread, with its own connection to the
    /// database at `path` (opened already, in WAL mode).
    public func start(path: String) throws {
        var config = Configuration()
        config.busyMode = .timeout(1)
        let queue = try DatabaseQueue(path: path, configuration: config)
        let thread = Thread { [self] in
            while waitUntilWanted() {
                let done = try? queue.writeWithoutTransaction { db in
                    try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)")
                }
                if let done, let frames = done[2] as Int32?, frames >= 0 { copied.store(frames, ordering: .relaxed) }
                condition.withLock { passes += 1 }
            }
        }
        thread.name = "clinic-wal-checkpoint"
        thread.start()
    }

    /// Blocks until a commit asks for a pass (true) or `stop` is called (false).
    private func waitUntilWanted() -> Bool {
        condition.withLock {
            while running && !wanted.load(ordering: .acquiring) { condition.wait() }
            wanted.store(false, ordering: .releasing)
            return running
        }
    }

    /// Background passes run so far (for tests and benchmarks).
    public var completedPasses: Int { condition.withLock { passes } }

    /// Stops the thread after its current pass.
    public func stop() {
        condition.withLock {
            running = false
            condition.signal()
        }
    }

    deinit { stop() }
}
