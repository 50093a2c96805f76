import ClinicCore
import ClinicTesting
import Foundation
import GRDB
import Logging
import ServiceLifecycle
import Testing

/// On a real file: the database file only grows when a checkpoint copies the
/// log into it, and the log file only grows while the log is not restarted.
@Suite("WALCheckpointer: checkpoints leave the committing connection")
struct WALCheckpointerTests {
    /// One page-sized row per commit, so every commit adds frames and pages.
    static let row = String(repeating: "x", count: 3_000)

    /// A pool on a fresh file whose connections carry `checkpointer`'s hook.
    func pool(_ dir: TemporaryDirectory, _ checkpointer: WALCheckpointer) throws -> DatabasePool {
        var config = Configuration()
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            checkpointer.watch(db)
        }
        let pool = try DatabasePool(path: dir.path("wal.sqlite"), configuration: config)
        try pool.write { db in try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)") }
        return pool
    }

    func commit(_ pool: DatabasePool, times: Int) throws {
        for _ in 0..<times {
            try pool.write { db in try db.execute(sql: "INSERT INTO t (body) VALUES (?)", arguments: [Self.row]) }
        }
    }

    func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    @Test("The hook replaces SQLite's automatic checkpoint: with neither service nor backstop, 1,200 commits all stay in the log")
    func theHookReplacesTheAutomaticCheckpoint() throws {
        let dir = try TemporaryDirectory()
        let checkpointer = WALCheckpointer(path: dir.path("wal.sqlite"), wakePages: 1_000_000, inlinePages: 1_000_000)
        let pool = try pool(dir, checkpointer)
        let before = size(dir.path("wal.sqlite"))
        try commit(pool, times: 1_200)  // past SQLite's own threshold of 1,000 frames
        #expect(size(dir.path("wal.sqlite")) == before)
        #expect(size(dir.path("wal.sqlite-wal")) > 1_200 * 4_096)
        #expect(try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t") } == 1_200)
    }

    @Test("Without the service running, a commit past inlinePages checkpoints itself, so the log restarts instead of growing")
    func theBackstopCheckpointsInline() throws {
        let dir = try TemporaryDirectory()
        let checkpointer = WALCheckpointer(path: dir.path("wal.sqlite"), wakePages: 1_000_000, inlinePages: 30)
        let pool = try pool(dir, checkpointer)
        try commit(pool, times: 300)
        #expect(size(dir.path("wal.sqlite")) > 200 * 4_096)
        // A log restarted at least every ~30 frames never holds 300 commits' pages.
        #expect(size(dir.path("wal.sqlite-wal")) < 80 * (4_096 + 24))
        #expect(checkpointer.completedPasses == 0)
    }

    @Test(
        "Commits past wakePages wake the running service, whose pass copies the log into the database; the writer never checkpoints; graceful shutdown ends it")
    func theServiceCheckpoints() async throws {
        let dir = try TemporaryDirectory()
        let checkpointer = WALCheckpointer(path: dir.path("wal.sqlite"), wakePages: 20, inlinePages: 1_000_000)
        let pool = try pool(dir, checkpointer)
        let group = ServiceGroup(configuration: .init(services: [checkpointer], logger: Logger(label: "test")))
        let running = Task { try await group.run() }
        let before = size(dir.path("wal.sqlite"))
        try commit(pool, times: 200)
        #expect(try await Eventually.until(timeout: 120, interval: 0.01) { checkpointer.completedPasses >= 1 })
        // The first pass alone copied the ≥ 20 frames that woke it (≥ 10 new pages).
        #expect(size(dir.path("wal.sqlite")) >= before + 10 * 4_096)
        #expect(try await pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t") } == 200)
        await group.triggerGracefulShutdown()
        try await running.value
    }
}
