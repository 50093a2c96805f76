import GRDB

/// Tells whether any process changed the database since the last look, by
/// polling `PRAGMA data_version` on one pinned connection (GRDB's observation
/// does not see other processes' commits). Cheap enough to call twice a second.
public final class ChangeWatcher: @unchecked Sendable {
    private let queue: DatabaseQueue
    private var last: Int64?

    /// Opens its own connection to the store's database file.
    public init(store: ClinicStore) throws {
        var config = Configuration()
        config.busyMode = .timeout(1)
        config.readonly = true
        queue = try DatabaseQueue(path: store.pool.path, configuration: config)
        last = try version()
    }

    /// Whether the data changed since the previous call (or since opening).
    public func changed() throws -> Bool {
        let now = try version()
        defer { last = now }
        return now != last
    }

    /// `PRAGMA data_version` now: it changes whenever another connection
    /// (of any process, this one's pool included) commits. Safe from any thread.
    func version() throws -> Int64 {
        try queue.inDatabase { db in try Int64.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0 }
    }
}
