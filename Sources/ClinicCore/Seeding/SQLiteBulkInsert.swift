import GRDB
import GRDBSQLite

/// A prepared INSERT driven through SQLite's C API, for seeding millions of
/// rows: GRDB's argument arrays cost more than SQLite itself at that scale.
struct SQLiteBulkInsert {
    /// A value to bind.
    enum Value {
        case int(Int64)
        case text(String)
        case null
    }

    private let statement: Statement
    /// SQLite copies the text (the C macro SQLITE_TRANSIENT is not imported).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
    }

    /// Binds `values` in order and runs the statement once.
    func insert(_ values: Value...) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            switch value {
            case .int(let n): sqlite3_bind_int64(handle, index, n)
            case .null: sqlite3_bind_null(handle, index)
            case .text(let s): sqlite3_bind_text(handle, index, s, -1, Self.transient)
            }
        }
        let rc = sqlite3_step(handle)
        guard rc == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: rc),
                message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))))
        }
    }
}
