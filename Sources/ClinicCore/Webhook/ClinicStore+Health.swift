import GRDB

/// What `GET /healthz` reports.
public struct HealthState: Sendable, Codable, Equatable {
    /// `ok` once the database answered.
    public let status: String
    public let database: String
    /// `running` when a scheduler holds a live lease, else `stopped`.
    public let scheduler: String
    /// The lease holder (`host:pid:…`), if any.
    public let schedulerHolder: String?
    /// Outgoing SMS waiting to be sent.
    public let smsQueued: Int

    enum CodingKeys: String, CodingKey {
        case status, database, scheduler
        case schedulerHolder = "scheduler_holder"
        case smsQueued = "sms_queued"
    }
}

extension ClinicStore {
    /// The database's and the scheduler's state, read in one cheap transaction
    /// (on the caller's thread: it is two index lookups).
    public func healthState() throws -> HealthState {
        let now = nowSeconds
        return try pool.read { db in
            let lease = try StoreRow.fetchOne(db, sql: "SELECT holder, expires_at FROM scheduler_lease ORDER BY expires_at DESC LIMIT 1")
            let live = lease.map { ($0["expires_at"] as Int64) > now } ?? false
            let queued = try Int.fetchOne(db, sql: "SELECT count(*) FROM sms_outbox WHERE state IN ('queued','sending')") ?? 0
            return HealthState(
                status: "ok", database: "ok", scheduler: live ? "running" : "stopped",
                schedulerHolder: live ? lease?["holder"] : nil, smsQueued: queued)
        }
    }
}
