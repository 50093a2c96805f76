import GRDB

/// A statement's `?` parameters, the same for both engines: SQLite binds them
/// through GRDB, PostgreSQL receives them as `$1…$n` in text form.
public struct StoreArguments: ExpressibleByArrayLiteral, Sendable {
    public private(set) var values: [DatabaseValue]

    public init() { values = [] }
    public init(_ values: some Sequence<(any DatabaseValueConvertible)?>) { self.values = values.map { $0?.databaseValue ?? .null } }
    public init(_ values: some Sequence<some DatabaseValueConvertible>) { self.values = values.map(\.databaseValue) }
    public init(_ values: [any DatabaseValueConvertible]) { self.values = values.map(\.databaseValue) }
    public init(arrayLiteral elements: (any DatabaseValueConvertible)?...) { values = elements.map { $0?.databaseValue ?? .null } }

    public static func += (lhs: inout StoreArguments, rhs: StoreArguments) { lhs.values += rhs.values }

    /// GRDB's form, for SQLite.
    var grdb: StatementArguments { values.isEmpty ? StatementArguments() : StatementArguments(values) }

    /// libpq's text form (nil: NULL). Integers and text travel as they are; blobs in hex.
    var postgres: [PostgresValue] {
        values.map { value in
            switch value.storage {
            case .null: return .null
            case .int64(let n): return .int(n)
            case .double(let d): return .double(d)
            case .string(let s): return .text(s)
            case .blob(let data): return .bytes([UInt8](data))
            }
        }
    }
}
