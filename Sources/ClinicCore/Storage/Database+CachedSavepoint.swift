import GRDB

extension Database {
    /// Runs `body` in a savepoint inside the current transaction: rolled back to on
    /// error (the error is rethrown), released on success. Unlike `inSavepoint`,
    /// its three statements are prepared once per connection: the webhook opens two
    /// savepoints per message, and preparing them each time was a measured share of
    /// its writer's time.
    func inCachedSavepoint<T>(_ body: () throws -> T) throws -> T {
        try cachedStatement(sql: "SAVEPOINT clinic").execute()
        do {
            let value = try body()
            try cachedStatement(sql: "RELEASE SAVEPOINT clinic").execute()
            return value
        } catch {
            try cachedStatement(sql: "ROLLBACK TO SAVEPOINT clinic").execute()
            try cachedStatement(sql: "RELEASE SAVEPOINT clinic").execute()
            throw error
        }
    }
}
