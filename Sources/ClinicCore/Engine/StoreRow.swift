import Foundation
import GRDB

/// One result row from either engine, read by column index or name as GRDB's
/// `Row` is: `let id: Int64 = row[0]`, `let note: String? = row["note"]`.
public struct StoreRow {
    enum Storage {
        case sqlite(Row)
        case postgres(columns: [String], values: [DatabaseValue])
    }
    let storage: Storage

    init(_ row: Row) { storage = .sqlite(row) }
    init(columns: [String], values: [DatabaseValue]) { storage = .postgres(columns: columns, values: values) }

    public var count: Int {
        switch storage {
        case .sqlite(let row): row.count
        case .postgres(_, let values): values.count
        }
    }

    public var columnNames: [String] {
        switch storage {
        case .sqlite(let row): Array(row.columnNames)
        case .postgres(let columns, _): columns
        }
    }

    /// The raw value at `index`.
    public func databaseValue(atIndex index: Int) -> DatabaseValue {
        switch storage {
        case .sqlite(let row): row[index]
        case .postgres(_, let values): values[index]
        }
    }

    /// The raw value of the leftmost column named `name` (case-insensitive, as
    /// GRDB); nil when there is no such column.
    public func databaseValue(named name: String) -> DatabaseValue? {
        switch storage {
        case .sqlite(let row):
            return row.hasColumn(name) ? (row[name] as DatabaseValue) : nil
        case .postgres(let columns, let values):
            if let i = columns.firstIndex(of: name) { return values[i] }
            let lower = name.lowercased()
            return columns.firstIndex { $0.lowercased() == lower }.map { values[$0] }
        }
    }

    public subscript<V: DatabaseValueConvertible>(_ index: Int) -> V {
        switch storage {
        case .sqlite(let row): return row[index]
        case .postgres(_, let values): return Self.decode(values[index], "column \(index)")
        }
    }

    /// SQLite reads these straight from the statement (GRDB's fast path).
    public subscript<V: DatabaseValueConvertible & StatementColumnConvertible>(_ index: Int) -> V {
        switch storage {
        case .sqlite(let row): return row[index]
        case .postgres(_, let values): return Self.decode(values[index], "column \(index)")
        }
    }

    public subscript<V: DatabaseValueConvertible>(_ name: String) -> V {
        switch storage {
        case .sqlite(let row): return row[name]
        case .postgres: return Self.decode(databaseValue(named: name) ?? .null, "column \(name)")
        }
    }

    public subscript<V: DatabaseValueConvertible & StatementColumnConvertible>(_ name: String) -> V {
        switch storage {
        case .sqlite(let row): return row[name]
        case .postgres: return Self.decode(databaseValue(named: name) ?? .null, "column \(name)")
        }
    }

    /// Decodes a value that may not fit its Swift type (a stored enum): throws instead of stopping.
    public func decode<V: DatabaseValueConvertible>(_ type: V.Type = V.self, atIndex index: Int) throws -> V {
        switch storage {
        case .sqlite(let row): return try row.decode(type, atIndex: index)
        case .postgres(_, let values):
            guard let value = V.fromDatabaseValue(values[index]) else {
                throw ClinicError(.internalError, "could not read \(values[index]) as \(V.self) at column \(index)")
            }
            return value
        }
    }

    public func decode<V: DatabaseValueConvertible>(_ type: V.Type = V.self, forColumn name: String) throws -> V {
        switch storage {
        case .sqlite(let row): return try row.decode(type, forColumn: name)
        case .postgres:
            guard let raw = databaseValue(named: name), let value = V.fromDatabaseValue(raw) else {
                throw ClinicError(.internalError, "could not read column \(name) as \(V.self)")
            }
            return value
        }
    }

    static func decode<V: DatabaseValueConvertible>(_ value: DatabaseValue, _ what: String) -> V {
        guard let decoded = V.fromDatabaseValue(value) else { preconditionFailure("could not read \(value) as \(V.self) (\(what))") }
        return decoded
    }
}

/// Rows one at a time: SQLite steps its statement (the row is reused: read it
/// before the next); PostgreSQL's come from the whole result already read.
public final class StoreRowCursor {
    enum Storage {
        case sqlite(RowCursor)
        case postgres(IndexingIterator<[StoreRow]>)
    }
    private var storage: Storage

    init(_ storage: Storage) { self.storage = storage }

    public func next() throws -> StoreRow? {
        switch storage {
        case .sqlite(let cursor): return try cursor.next().map(StoreRow.init)
        case .postgres(var iterator):
            let row = iterator.next()
            storage = .postgres(iterator)
            return row
        }
    }
}
