import Foundation
import GRDB

/// A PostgreSQL connection lent to one read or transaction: runs the store's
/// SQL (with `?` parameters, turned into `$n` once per text) and remembers what
/// the last statement changed.
final class PostgresSession {
    let connection: PostgresConnection
    private(set) var lastAffectedRows = 0
    private var savepoints = 0
    /// The error that aborted this transaction, if one did: a later statement
    /// then fails with 25P02 ("current transaction is aborted"), and this is
    /// what is thrown instead, so a serialization failure that the rules caught
    /// as a refusal still reaches the pool, which runs the transaction again.
    private var abortedBy: ClinicError?

    /// The transaction's `BEGIN`, not sent yet: it goes with the first statement
    /// (one round trip for both), and a transaction that ran nothing sends nothing.
    private var pendingBegin: String?
    /// Whether `BEGIN` was sent (so there is a transaction to end).
    private(set) var began = false
    /// Whether this session is one transaction (writes may wait for its `COMMIT`).
    private let inTransaction: Bool
    /// Writes whose answers nobody reads (`executeDeferred`): sent with the
    /// transaction's next statement or its `COMMIT`.
    private var deferred: [PostgresCommand] = []

    init(_ connection: PostgresConnection, begin: String? = nil) {
        self.connection = connection
        pendingBegin = begin
        inTransaction = begin != nil
    }

    /// The id the last INSERT of this session returned (`RETURNING id`, added by the dialect).
    private var lastReturnedID: Int64?

    func execute(_ sql: String, _ arguments: StoreArguments) throws {
        let result = try run([Self.command(sql, arguments)])[0]
        lastAffectedRows = result.affectedRows
        if result.columns == ["id"] { lastReturnedID = result.rows.last?.values.first?.int ?? lastReturnedID }
    }

    /// Queues a write whose answer nobody reads: it is sent with the next
    /// statement or the `COMMIT`, and a failure is thrown there.
    func executeDeferred(_ sql: String, _ arguments: StoreArguments) throws {
        guard inTransaction else { return try execute(sql, arguments) }
        deferred.append(Self.command(sql, arguments))
    }

    func query(_ sql: String, _ arguments: StoreArguments) throws -> [StoreRow] {
        try queries([(sql, arguments)])[0]
    }

    /// Several queries in one round trip; their rows in the same order.
    func queries(_ statements: [(sql: String, arguments: StoreArguments)]) throws -> [[StoreRow]] {
        let results = try run(statements.map { Self.command($0.sql, $0.arguments) })
        lastAffectedRows = results.last?.affectedRows ?? 0
        return results.map { result in
            result.rows.map { row in StoreRow(columns: result.columns, values: row.values.map { $0.databaseValue }) }
        }
    }

    /// Ends the transaction: the deferred writes and `COMMIT` in one round trip
    /// (nothing at all when it never began).
    func commit() throws {
        guard began || !deferred.isEmpty else { return }
        _ = try run([PostgresCommand("COMMIT")])
    }

    private static func command(_ sql: String, _ arguments: StoreArguments) -> PostgresCommand {
        PostgresCommand(PostgresDialect.translate(sql), arguments.postgres, prepared: true)
    }

    /// Runs `commands` after what is pending (the `BEGIN`, deferred writes), in one round trip; their results.
    private func run(_ commands: [PostgresCommand]) throws -> [PostgresResult] {
        var batch: [PostgresCommand] = []
        if let begin = pendingBegin {
            batch.append(PostgresCommand(begin))
            pendingBegin = nil
            began = true
        }
        batch += deferred
        deferred = []
        let skipped = batch.count
        do {
            return Array(try connection.pipeline(batch + commands).dropFirst(skipped))
        } catch let error as ClinicError {
            if error.sqlState == Self.inFailedTransaction, let abortedBy { throw abortedBy }
            if abortedBy == nil { abortedBy = error }
            if error.code == .internalError && (error.sqlState ?? "").hasPrefix("42") {
                // A statement PostgreSQL cannot read is a bug in the store: name it in the error
                let text = (batch + commands).map(\.sql).joined(separator: "; ")
                throw ClinicError(.internalError, error.message + " in: " + text.prefix(300), sqlState: error.sqlState)
            }
            throw error
        }
    }

    static let inFailedTransaction = "25P02"

    /// The identity value the last INSERT of this session drew (`lastval()`).
    func lastInsertedID() throws -> Int64 {
        if let lastReturnedID { return lastReturnedID }
        guard let id = try run([PostgresCommand("SELECT lastval()")])[0].rows.first?.values.first?.int else {
            throw ClinicError(.internalError, "PostgreSQL returned no id for the last insert")
        }
        return id
    }

    func inSavepoint<T>(_ body: () throws -> T) throws -> T {
        savepoints += 1
        let name = "clinic_\(savepoints)"
        defer { savepoints -= 1 }
        let before = abortedBy
        _ = try run([PostgresCommand("SAVEPOINT \(name)")])
        do {
            let value = try body()
            deferred.append(PostgresCommand("RELEASE SAVEPOINT \(name)"))  // goes with the next statement
            return value
        } catch {
            deferred = []  // the body's own writes not sent yet: undone by not sending them
            _ = try connection.pipeline([PostgresCommand("ROLLBACK TO SAVEPOINT \(name)"), PostgresCommand("RELEASE SAVEPOINT \(name)")])
            abortedBy = before  // rolled back to: the transaction works again
            throw error
        }
    }
}

extension PostgresValue {
    /// The value as GRDB holds it: flags read as 0/1 integers, as SQLite stores them.
    var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case .int(let n): return n.databaseValue
        case .double(let d): return d.databaseValue
        case .bool(let b): return (b ? 1 : 0 as Int64).databaseValue
        case .text(let s): return s.databaseValue
        case .bytes(let b): return Data(b).databaseValue
        }
    }
}
