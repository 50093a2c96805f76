import GRDB

/// Who runs the scheduler now.
public struct SchedulerLease: Sendable, Equatable {
    /// The holder's id (`host:pid:random`).
    public let holder: String
    /// Unix seconds; after this, another process may take over.
    public let expiresAt: Int64
    public let acquiredAt: Int64
    public let renewedAt: Int64
}

extension ClinicStore {
    /// The lease row's name (one scheduler per database).
    static let schedulerLeaseName = "scheduler"

    /// Takes the scheduler lease for `holder`, or renews it if `holder` has it.
    /// Returns false while another holder's lease has not expired. One
    /// `BEGIN IMMEDIATE` transaction, so two processes never both win.
    public func acquireSchedulerLease(holder: String, now: Int64, seconds: Int) throws -> Bool {
        try pool.write { db in try Self.acquireLease(holder: holder, now: now, seconds: seconds, db) }
    }

    /// Gives the lease up (clean shutdown), so another process may take over at once.
    public func releaseSchedulerLease(holder: String) throws {
        try pool.write { db in
            try db.execute(
                sql: "DELETE FROM scheduler_lease WHERE name = ? AND holder = ?",
                arguments: [Self.schedulerLeaseName, holder])
        }
    }

    /// The current lease, if any (it may have expired).
    public func schedulerLease() throws -> SchedulerLease? {
        try pool.read { db in
            try StoreRow.fetchOne(db, sql: "SELECT * FROM scheduler_lease WHERE name = ?", arguments: [Self.schedulerLeaseName])
                .map {
                    SchedulerLease(
                        holder: $0["holder"], expiresAt: $0["expires_at"], acquiredAt: $0["acquired_at"],
                        renewedAt: $0["renewed_at"])
                }
        }
    }

    static func acquireLease(holder: String, now: Int64, seconds: Int, _ db: StoreConnection) throws -> Bool {
        let row = try StoreRow.fetchOne(
            db, cachedSQL: "SELECT holder, expires_at FROM scheduler_lease WHERE name = ?",
            arguments: [schedulerLeaseName])
        let expires = now + Int64(seconds)
        guard let row else {
            try db.execute(
                sql: """
                    INSERT INTO scheduler_lease (name, holder, expires_at, acquired_at, renewed_at) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [schedulerLeaseName, holder, expires, now, now])
            return true
        }
        let current: String = row["holder"]
        let currentExpiry: Int64 = row["expires_at"]
        if current == holder {
            try db.cachedStatement(sql: "UPDATE scheduler_lease SET expires_at = ?, renewed_at = ? WHERE name = ?")
                .execute(arguments: [max(expires, currentExpiry), now, schedulerLeaseName])
            return true
        }
        guard currentExpiry <= now else { return false }
        try db.execute(
            sql: """
                UPDATE scheduler_lease SET holder = ?, expires_at = ?, acquired_at = ?, renewed_at = ? WHERE name = ?
                """, arguments: [holder, expires, now, now, schedulerLeaseName])
        return true
    }
}
