import CSQLiteTuning
import Foundation
import GRDB
#if canImport(Glibc)
    import Glibc
#endif

/// Opens the clinic's SQLite file the one way every process must: WAL through
/// a `DatabasePool`, a busy timeout so several processes can write, foreign
/// keys, and migrations run under an `flock` beside the file so processes
/// opening a fresh database at once do not race. A new database and lock
/// file are created with `DatabaseFiles`' mode (0600), whatever the umask.
public enum ClinicDatabase {
    /// Opens (creating and migrating if needed) the database at `path`.
    /// With a `checkpointer`, commits leave checkpoints to it (run it as a
    /// service once the pool is open); without, SQLite checkpoints inside the
    /// commit that takes the log past 1,000 pages.
    public static func open(path: String, busyTimeout: TimeInterval = 10, checkpointer: WALCheckpointer? = nil) throws -> DatabasePool {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: dir) else {
            throw ClinicError(.invalidInput, "the database folder \(dir) does not exist")
        }
        _ = tuneSQLiteOnce
        DatabaseFiles.prepareDatabase(path)  // created private, whatever the umask (SQLite would use 0644 minus it)
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            // WAL + NORMAL: a commit survives a crash of any process; the last
            // few may be lost on power loss (see README, Durability).
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // The one writer keeps the indexes' hot pages (24 MB instead of
            // SQLite's 2 MB): a booking touches six indexes at scattered keys.
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA cache_size = -24576") }
            checkpointer?.watch(db)
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: config)
        } catch let error as DatabaseError {
            throw ClinicError(.invalidInput, "cannot open the database \(path): \(error.message ?? "\(error)")")
        }
        try withFileLock(path + ".lock") {
            try ClinicMigrations.migrator.migrate(pool)
        }
        return pool
    }

    /// Process-wide SQLite settings, applied before the first connection opens.
    private static let tuneSQLiteOnce: Void = {
        _ = clinic_sqlite_disable_memstatus()
        _ = clinic_sqlite_statement_journal_spill(8 << 20)  // a savepoint's pages stay in memory (see the shim)
    }()

    /// Runs `body` while holding an exclusive `flock` on `lockPath`.
    static func withFileLock<T>(_ lockPath: String, _ body: () throws -> T) throws -> T {
        let fd = DatabaseFiles.open(lockPath, flags: O_RDWR, mode: DatabaseFiles.mode(besides: lockPath))
        guard fd >= 0 else { return try body() }  // read-only folder: migrations will say what is wrong
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
