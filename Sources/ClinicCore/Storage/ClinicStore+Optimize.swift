import GRDB

extension ClinicStore {
    /// Lets SQLite refresh its table statistics where they are missing or stale
    /// (`PRAGMA optimize`, bounded by `analysis_limit`), so the planner keeps
    /// choosing index skip-scans (clinic-wide stats) as a clinic grows.
    /// Long-running processes call it when they start.
    public func optimize() throws {
        guard !pool.isPostgres else { return }  // PostgreSQL's autovacuum analyzes tables as they change
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA analysis_limit = 1000; PRAGMA optimize")
        }
    }
}
