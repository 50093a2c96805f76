import GRDB

/// A unique-constraint failure, on either engine, told apart by what it names.
/// SQLite says `UNIQUE constraint failed: account.email`; PostgreSQL names the
/// constraint or index (`"account_email"`, `"appointment_code_key"`).
struct UniqueViolation {
    let text: String

    /// The violation `error` is, or nil when it is another error.
    init?(_ error: any Error) {
        if let e = error as? DatabaseError, e.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            text = e.message ?? ""
        } else if let e = error as? ClinicError, e.sqlState == PostgresError.uniqueViolation {
            text = e.message
        } else {
            return nil
        }
    }

    /// Whether it is about `table.column`.
    func names(_ table: String, _ column: String) -> Bool {
        text.contains("\(table).\(column)") || text.contains("\"\(table)_\(column)\"") || text.contains("\"\(table)_\(column)_key\"")
    }
}

extension StoreConnection {
    /// Runs a statement whose failure the caller catches and carries on from:
    /// PostgreSQL aborts the whole transaction on an error unless it is in a
    /// savepoint; SQLite's failed statement undoes only itself already.
    func recoverable<T>(_ body: () throws -> T) throws -> T {
        isPostgres ? try inSavepoint(body) : try body()
    }
}
