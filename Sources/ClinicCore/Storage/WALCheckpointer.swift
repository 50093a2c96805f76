import GRDB
import GRDBSQLite
import ServiceLifecycle
import Synchronization

/// Keeps the write-ahead log short without making commits wait for it.
///
/// SQLite's automatic checkpoint runs inside the commit that crosses its
/// threshold, and that commit waits while the log's dirty pages are synced
/// (measured here: 1.8 ms for 1,000 pages, 17 ms for 10,000). A long-running
/// process (the terminals, `serve`) installs this hook on its connections
/// instead and runs the checkpointer as a ServiceLifecycle `Service`: a commit
/// that leaves `wakePages` frames in the log beyond what the last pass copied
/// wakes `run()`, which checkpoints PASSIVE (readers and writers go on) on its
/// own connection, through GRDB's async API (the syncing happens on GRDB's
/// queue, not on the cooperative pool). Only past `inlinePages` — the service
/// cannot keep up, is not running, or a reader still holds old frames — does
/// the committing connection checkpoint itself, as SQLite would; by then most
/// of the log is copied and synced, so that commit waits briefly.
public final class WALCheckpointer: Service, Sendable {
    /// Frames in the log after a commit that wake the background pass.
    public let wakePages: Int32
    /// Frames after which the committing connection checkpoints itself.
    public let inlinePages: Int32
    /// The database file the passes open their own connection to.
    public let path: String
    /// Frames the last background pass copied (the log restarts from 0 after a full one).
    private let copied = Atomic<Int32>(0)
    /// A pass is asked for and not yet begun (commits read it without a lock).
    private let wanted = Atomic<Bool>(false)
    private let passes = Atomic<Int>(0)
    /// One element per wake-up; a wake-up while one waits adds nothing.
    private let wakeUps: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation

    /// A checkpointer for the database at `path` (opened in WAL mode before `run()`).
    public init(path: String, wakePages: Int32 = 1_000, inlinePages: Int32 = 10_000) {
        self.path = path
        self.wakePages = wakePages
        self.inlinePages = inlinePages
        (wakeUps, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Installs the hook on a connection (from `Configuration.prepareDatabase`).
    /// It replaces SQLite's automatic checkpoint on that connection. The
    /// connection must not outlive this object: the pool's configuration
    /// holds it.
    public func watch(_ db: Database) {
        sqlite3_wal_hook(
            db.sqliteConnection,
            { context, connection, name, frames in
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
                wake.yield()
            }
        }
    }

    /// Checkpoints whenever a commit asks, until graceful shutdown or
    /// cancellation (a pass under way finishes). Run it once.
    public func run() async throws {
        var config = Configuration()
        config.busyMode = .timeout(1)
        let queue = try DatabaseQueue(path: path, configuration: config)
        for await _ in wakeUps.cancelOnGracefulShutdown() {
            wanted.store(false, ordering: .releasing)
            // Column 2: the frames copied (-1 when the pass could not run).
            let frames = try? await queue.writeWithoutTransaction { db -> Int32? in
                try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)")?[2]
            }
            if let frames, frames >= 0 { copied.store(frames, ordering: .relaxed) }
            passes.add(1, ordering: .relaxed)
        }
    }

    /// Background passes run so far (for tests and benchmarks).
    public var completedPasses: Int { passes.load(ordering: .relaxed) }
}
