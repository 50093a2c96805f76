import Foundation
import GRDB

/// Tells whether any process changed the database since the last look, on one
/// pinned connection of its own, cheap enough to call twice a second. SQLite:
/// `PRAGMA data_version` (GRDB's observation does not see other processes'
/// commits). PostgreSQL: the server's current snapshot (`xmin:xmax:running`),
/// which moves whenever any writing transaction, on any machine, commits.
public final class ChangeWatcher: @unchecked Sendable {
    private enum Source {
        case sqlite(DatabaseQueue)
        case postgres(PostgresConnection, url: String)
    }
    private var source: Source
    private let lock = NSLock()
    private var last: Int64?
    private var snapshot = ""
    private var counter: Int64 = 0

    /// Opens its own connection to the store's database.
    public init(store: ClinicStore) throws {
        if store.pool.isPostgres {
            source = .postgres(try PostgresConnection(store.pool.path), url: store.pool.path)
        } else {
            var config = Configuration()
            config.busyMode = .timeout(1)
            config.readonly = true
            source = .sqlite(try DatabaseQueue(path: store.pool.path, configuration: config))
        }
        last = try version()
    }

    /// Whether the data changed since the previous call (or since opening).
    public func changed() throws -> Bool {
        let now = try version()
        defer { lock.withLock { last = now } }
        return now != lock.withLock { last }
    }

    /// A number that grows whenever another connection (of any process, this
    /// one's pool included) commits. Safe from any thread.
    func version() throws -> Int64 {
        switch source {
        case .sqlite(let queue):
            return try queue.inDatabase { db in try Int64.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0 }
        case .postgres(let connection, let url):
            return try lock.withLock {
                var connection = connection
                if !connection.isOK {  // the server restarted or failed over: follow it
                    connection = try PostgresConnection(url)
                    source = .postgres(connection, url: url)
                }
                let now = try connection.scalar("SELECT pg_current_snapshot()::text").string ?? ""
                if now != snapshot { snapshot = now; counter += 1 }
                return counter
            }
        }
    }
}
