import Dispatch
import GRDB

/// Where the clinic's data lives and the connections to it: one SQLite file
/// (GRDB's WAL pool, the embedded default) or a PostgreSQL server. The store
/// reads and writes through `read` and `write`; both hand the body a
/// `StoreConnection` whatever the engine.
public final class StorePool: Sendable {
    enum Backend: Sendable {
        case sqlite(DatabasePool)
        case postgres(PostgresPool)
    }
    let backend: Backend

    public init(sqlite pool: DatabasePool) { backend = .sqlite(pool) }
    init(postgres pool: PostgresPool) { backend = .postgres(pool) }

    /// Connects to PostgreSQL (`postgres://…` or a libpq connection string) and
    /// brings its schema up to date.
    public static func postgres(url: String) throws -> StorePool {
        let pool = try PostgresPool(url: url)
        try pool.writeWithoutTransaction { db in
            guard case .postgres(let session) = db.backend else { return }
            try PostgresMigrations.migrate(session.connection)
        }
        return StorePool(postgres: pool)
    }

    public var isPostgres: Bool {
        if case .postgres = backend { return true }
        return false
    }

    /// The SQLite pool (nil on PostgreSQL): file maintenance, backups, tooling.
    public var sqlite: DatabasePool? {
        if case .sqlite(let pool) = backend { return pool }
        return nil
    }

    /// The database file (SQLite) or the server's URL (PostgreSQL).
    public var path: String {
        switch backend {
        case .sqlite(let pool): pool.path
        case .postgres(let pool): pool.url
        }
    }

    public func read<T>(_ body: (StoreConnection) throws -> T) throws -> T {
        switch backend {
        case .sqlite(let pool): try pool.read { db in try body(StoreConnection(db)) }
        case .postgres(let pool): try pool.read(body)
        }
    }

    public func write<T>(_ body: (StoreConnection) throws -> T) throws -> T {
        switch backend {
        case .sqlite(let pool): try pool.write { db in try body(StoreConnection(db)) }
        case .postgres(let pool): try pool.write(body)
        }
    }

    /// A queue's claim: on PostgreSQL a READ COMMITTED transaction whose
    /// `FOR UPDATE SKIP LOCKED` rows are its own, so several processes claim from
    /// one queue at once; on SQLite an ordinary write (one writer at a time).
    public func claim<T>(_ body: (StoreConnection) throws -> T) throws -> T {
        switch backend {
        case .sqlite(let pool): try pool.write { db in try body(StoreConnection(db)) }
        case .postgres(let pool): try pool.claim(body)
        }
    }

    /// A write from async code: SQLite's on GRDB's writer queue, PostgreSQL's on
    /// a thread of its own, so an event loop never waits on the server.
    public func write<T: Sendable>(_ body: @escaping @Sendable (StoreConnection) throws -> T) async throws -> T {
        switch backend {
        case .sqlite(let pool):
            return try await pool.write { db in try body(StoreConnection(db)) }
        case .postgres(let pool):
            return try await withCheckedThrowingContinuation { continuation in
                DispatchQueue.global().async { continuation.resume(with: Result { try pool.write(body) }) }
            }
        }
    }

    public func writeWithoutTransaction<T>(_ body: (StoreConnection) throws -> T) throws -> T {
        switch backend {
        case .sqlite(let pool): try pool.writeWithoutTransaction { db in try body(StoreConnection(db)) }
        case .postgres(let pool): try pool.writeWithoutTransaction(body)
        }
    }

    public func close() throws {
        switch backend {
        case .sqlite(let pool): try pool.close()
        case .postgres(let pool): pool.close()
        }
    }
}
