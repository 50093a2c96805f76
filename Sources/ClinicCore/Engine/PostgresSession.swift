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

    init(_ connection: PostgresConnection) { self.connection = connection }

    /// The id the last INSERT of this session returned (`RETURNING id`, added by the dialect).
    private var lastReturnedID: Int64?

    func execute(_ sql: String, _ arguments: StoreArguments) throws {
        let result = try run(sql, arguments)
        lastAffectedRows = result.affectedRows
        if result.columns == ["id"] { lastReturnedID = result.rows.last?.values.first?.int ?? lastReturnedID }
    }

    func query(_ sql: String, _ arguments: StoreArguments) throws -> [StoreRow] {
        let result = try run(sql, arguments)
        lastAffectedRows = result.affectedRows
        return result.rows.map { row in StoreRow(columns: result.columns, values: row.values.map { $0.databaseValue }) }
    }

    private func run(_ sql: String, _ arguments: StoreArguments) throws -> PostgresResult {
        let translated = PostgresDialect.translate(sql)
        do {
            return try connection.executePrepared(translated, arguments.postgres)
        } catch let error as ClinicError {
            if error.sqlState == Self.inFailedTransaction, let abortedBy { throw abortedBy }
            if abortedBy == nil { abortedBy = error }
            if error.code == .internalError && (error.sqlState ?? "").hasPrefix("42") {
                // A statement PostgreSQL cannot read is a bug in the store: name it in the error
                throw ClinicError(.internalError, error.message + " in: " + translated.prefix(300), sqlState: error.sqlState)
            }
            throw error
        }
    }

    static let inFailedTransaction = "25P02"

    /// The identity value the last INSERT of this session drew (`lastval()`).
    func lastInsertedID() throws -> Int64 {
        if let lastReturnedID { return lastReturnedID }
        guard let id = try connection.scalar("SELECT lastval()").int else {
            throw ClinicError(.internalError, "PostgreSQL returned no id for the last insert")
        }
        return id
    }

    func inSavepoint<T>(_ body: () throws -> T) throws -> T {
        savepoints += 1
        let name = "clinic_\(savepoints)"
        defer { savepoints -= 1 }
        let before = abortedBy
        try connection.execute("SAVEPOINT \(name)")
        do {
            let value = try body()
            try connection.execute("RELEASE SAVEPOINT \(name)")
            return value
        } catch {
            try connection.execute("ROLLBACK TO SAVEPOINT \(name)")
            try connection.execute("RELEASE SAVEPOINT \(name)")
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
