import GRDB

// The fetch calls the store makes, in GRDB's shape (`Int.fetchOne(db, sql:
// arguments:)`, `StoreRow.fetchAll(statement, arguments:)`) over a
// `StoreConnection`, so a query reads the same on either engine.

extension StoreRow {
    public static func fetchAll(_ db: StoreConnection, sql: String, arguments: StoreArguments = []) throws -> [StoreRow] {
        try db.rows(sql, arguments)
    }

    public static func fetchOne(_ db: StoreConnection, sql: String, arguments: StoreArguments = []) throws -> StoreRow? {
        switch db.backend {
        case .sqlite(let sqlite): return try Row.fetchOne(sqlite, sql: sql, arguments: arguments.grdb).map(StoreRow.init)
        case .postgres(let session): return try session.query(sql, arguments).first
        }
    }

    public static func fetchCursor(_ db: StoreConnection, sql: String, arguments: StoreArguments = []) throws -> StoreRowCursor {
        switch db.backend {
        case .sqlite(let sqlite): return StoreRowCursor(.sqlite(try Row.fetchCursor(sqlite, sql: sql, arguments: arguments.grdb)))
        case .postgres(let session): return StoreRowCursor(.postgres(try session.query(sql, arguments).makeIterator()))
        }
    }

    public static func fetchAll(_ statement: StoreStatement, arguments: StoreArguments = []) throws -> [StoreRow] {
        switch statement.backend {
        case .sqlite(let s): return try Row.fetchAll(s, arguments: arguments.grdb).map(StoreRow.init)
        case .postgres(let session, let sql): return try session.query(sql, arguments)
        }
    }

    public static func fetchOne(_ statement: StoreStatement, arguments: StoreArguments = []) throws -> StoreRow? {
        switch statement.backend {
        case .sqlite(let s): return try Row.fetchOne(s, arguments: arguments.grdb).map(StoreRow.init)
        case .postgres(let session, let sql): return try session.query(sql, arguments).first
        }
    }

    public static func fetchCursor(_ statement: StoreStatement, arguments: StoreArguments = []) throws -> StoreRowCursor {
        switch statement.backend {
        case .sqlite(let s): return StoreRowCursor(.sqlite(try Row.fetchCursor(s, arguments: arguments.grdb)))
        case .postgres(let session, let sql): return StoreRowCursor(.postgres(try session.query(sql, arguments).makeIterator()))
        }
    }
}

// Values of the first column. The second extension only makes SQLite take
// GRDB's faster overloads for types it reads straight from the statement; both
// share PostgreSQL's reading (below).

extension DatabaseValueConvertible {
    public static func fetchOne(_ db: StoreConnection, sql: String, arguments: StoreArguments = []) throws -> Self? {
        switch db.backend {
        case .sqlite(let sqlite): try Self.fetchOne(sqlite, sql: sql, arguments: arguments.grdb)
        case .postgres(let session): try session.firstValue(sql, arguments)
        }
    }

    public static func fetchAll(_ db: StoreConnection, sql: String, arguments: StoreArguments = []) throws -> [Self] {
        switch db.backend {
        case .sqlite(let sqlite): try Self.fetchAll(sqlite, sql: sql, arguments: arguments.grdb)
        case .postgres(let session): try session.firstColumn(sql, arguments)
        }
    }

    public static func fetchOne(_ statement: StoreStatement, arguments: StoreArguments = []) throws -> Self? {
        switch statement.backend {
        case .sqlite(let s): try Self.fetchOne(s, arguments: arguments.grdb)
        case .postgres(let session, let sql): try session.firstValue(sql, arguments)
        }
    }

    public static func fetchAll(_ statement: StoreStatement, arguments: StoreArguments = []) throws -> [Self] {
        switch statement.backend {
        case .sqlite(let s): try Self.fetchAll(s, arguments: arguments.grdb)
        case .postgres(let session, let sql): try session.firstColumn(sql, arguments)
        }
    }
}

extension DatabaseValueConvertible where Self: StatementColumnConvertible {
    public static func fetchOne(_ db: StoreConnection, sql: String, arguments: StoreArguments = []) throws -> Self? {
        switch db.backend {
        case .sqlite(let sqlite): try Self.fetchOne(sqlite, sql: sql, arguments: arguments.grdb)
        case .postgres(let session): try session.firstValue(sql, arguments)
        }
    }

    public static func fetchAll(_ db: StoreConnection, sql: String, arguments: StoreArguments = []) throws -> [Self] {
        switch db.backend {
        case .sqlite(let sqlite): try Self.fetchAll(sqlite, sql: sql, arguments: arguments.grdb)
        case .postgres(let session): try session.firstColumn(sql, arguments)
        }
    }

    public static func fetchOne(_ statement: StoreStatement, arguments: StoreArguments = []) throws -> Self? {
        switch statement.backend {
        case .sqlite(let s): try Self.fetchOne(s, arguments: arguments.grdb)
        case .postgres(let session, let sql): try session.firstValue(sql, arguments)
        }
    }

    public static func fetchAll(_ statement: StoreStatement, arguments: StoreArguments = []) throws -> [Self] {
        switch statement.backend {
        case .sqlite(let s): try Self.fetchAll(s, arguments: arguments.grdb)
        case .postgres(let session, let sql): try session.firstColumn(sql, arguments)
        }
    }
}

extension Optional where Wrapped: DatabaseValueConvertible {
    /// One value that may be NULL (`nil`: no row; `.some(nil)`: a NULL).
    public static func fetchOne(_ db: StoreConnection, sql: String, arguments: StoreArguments = []) throws -> Wrapped?? {
        guard let row = try StoreRow.fetchOne(db, sql: sql, arguments: arguments) else { return nil }
        let value = row.databaseValue(atIndex: 0)
        return .some(value.isNull ? nil : StoreRow.decode(value, "first column") as Wrapped)
    }
}

extension PostgresSession {
    /// The first column of the first row (nil: no row or NULL).
    func firstValue<V: DatabaseValueConvertible>(_ sql: String, _ arguments: StoreArguments) throws -> V? {
        guard let value = try query(sql, arguments).first?.databaseValue(atIndex: 0), !value.isNull else { return nil }
        return StoreRow.decode(value, "first column") as V
    }

    /// The first column of every row (a NULL stops the program, as GRDB's non-optional fetch does).
    func firstColumn<V: DatabaseValueConvertible>(_ sql: String, _ arguments: StoreArguments) throws -> [V] {
        try query(sql, arguments).map { StoreRow.decode($0.databaseValue(atIndex: 0), "first column") as V }
    }
}
