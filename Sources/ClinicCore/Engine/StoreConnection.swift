import GRDB

/// One connection inside a read or a transaction, on either engine: what every
/// store method receives as `db`. SQL is written once, in the SQL both engines
/// read (`?` parameters, `ON CONFLICT`, `COALESCE`); PostgreSQL's session turns
/// `?` into `$n`. Where the engines truly differ, `isPostgres` picks the text.
public struct StoreConnection {
    enum Backend {
        case sqlite(Database)
        case postgres(PostgresSession)
    }
    let backend: Backend

    init(_ db: Database) { backend = .sqlite(db) }
    init(_ session: PostgresSession) { backend = .postgres(session) }

    /// Whether this is PostgreSQL (the few statements written per engine).
    public var isPostgres: Bool {
        if case .postgres = backend { return true }
        return false
    }

    /// Runs one statement (or, without arguments on SQLite, a script of several).
    public func execute(sql: String, arguments: StoreArguments = []) throws {
        switch backend {
        case .sqlite(let db): try db.execute(sql: sql, arguments: arguments.grdb)
        case .postgres(let session): try session.execute(sql, arguments)
        }
    }

    /// A statement prepared once per connection.
    public func cachedStatement(sql: String) throws -> StoreStatement {
        switch backend {
        case .sqlite(let db): return StoreStatement(.sqlite(try db.cachedStatement(sql: sql)))
        case .postgres(let session): return StoreStatement(.postgres(session, sql))
        }
    }

    /// The id of the row the last INSERT on this connection added.
    public var lastInsertedRowID: Int64 {
        get throws {
            switch backend {
            case .sqlite(let db): return db.lastInsertedRowID
            case .postgres(let session): return try session.lastInsertedID()
            }
        }
    }

    /// How many rows the last statement changed.
    public var changesCount: Int {
        switch backend {
        case .sqlite(let db): db.changesCount
        case .postgres(let session): session.lastAffectedRows
        }
    }

    /// Runs `body` so that an error inside it undoes only its own statements and
    /// leaves the transaction usable (PostgreSQL aborts the whole transaction on
    /// any error otherwise): around statements whose failure is caught and handled.
    public func inSavepoint<T>(_ body: () throws -> T) throws -> T {
        switch backend {
        case .sqlite(let db): return try db.inCachedSavepoint(body)
        case .postgres(let session): return try session.inSavepoint(body)
        }
    }

    /// The rows of several queries, in order: on PostgreSQL all sent in one
    /// round trip (with the transaction's `BEGIN` and deferred writes, if pending).
    public func rowsTogether(_ queries: [(statement: StoreStatement, arguments: StoreArguments)]) throws -> [[StoreRow]] {
        switch backend {
        case .sqlite: return try queries.map { try StoreRow.fetchAll($0.statement, arguments: $0.arguments) }
        case .postgres(let session):
            return try session.queries(
                queries.map { query in
                    guard case .postgres(_, let sql) = query.statement.backend else { preconditionFailure("a statement of another engine") }
                    return (sql, query.arguments)
                })
        }
    }

    // MARK: fetching

    func rows(_ sql: String, _ arguments: StoreArguments) throws -> [StoreRow] {
        switch backend {
        case .sqlite(let db): return try Row.fetchAll(db, sql: sql, arguments: arguments.grdb).map(StoreRow.init)
        case .postgres(let session): return try session.query(sql, arguments)
        }
    }
}

/// A prepared statement on either engine.
public struct StoreStatement {
    enum Backend {
        case sqlite(Statement)
        case postgres(PostgresSession, String)
    }
    let backend: Backend
    init(_ backend: Backend) { self.backend = backend }

    public func execute(arguments: StoreArguments = []) throws {
        switch backend {
        case .sqlite(let statement): try statement.execute(arguments: arguments.grdb)
        case .postgres(let session, let sql): try session.execute(sql, arguments)
        }
    }

    /// A write whose answer nobody reads: run now on SQLite; on PostgreSQL sent
    /// with the transaction's next statement or its `COMMIT` (a round trip
    /// fewer), and its failure thrown there — so not for a statement whose
    /// failure is caught, nor one whose `changesCount` or id is read.
    public func executeDeferred(arguments: StoreArguments = []) throws {
        switch backend {
        case .sqlite(let statement): try statement.execute(arguments: arguments.grdb)
        case .postgres(let session, let sql): try session.executeDeferred(sql, arguments)
        }
    }
}
