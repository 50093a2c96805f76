import GRDB

/// A statement's `?` parameters, the same for both engines: SQLite binds them
/// through GRDB, PostgreSQL receives them as `$1…$n` in text form.
public struct StoreArguments: ExpressibleByArrayLiteral, Sendable {
    public private(set) var values: [DatabaseValue]

    public init() { values = [] }
    public init(_ values: some Sequence<(any DatabaseValueConvertible)?>) { self.values = values.map { $0?.databaseValue ?? .null } }
    public init(_ values: some Sequence<some DatabaseValueConvertible>) { self.values = values.map { $0.databaseValue } }
    public init(_ values: [any DatabaseValueConvertible]) { self.values = values.map { $0.databaseValue } }
    public init(arrayLiteral elements: (any DatabaseValueConvertible)?...) { values = elements.map { $0?.databaseValue ?? .null } }

    public static func += (lhs: inout StoreArguments, rhs: StoreArguments) { lhs.values += rhs.values }

    /// GRDB's form, for SQLite. Built from array literals, eight values at a
    /// time: GRDB's `init(arrayLiteral:)` takes a plain array, where its
    /// initializer from a sequence is generic and, called from outside GRDB,
    /// runs unspecialized (metadata lookups that cost a booking about a fifth
    /// of its CPU when every statement went through it).
    var grdb: StatementArguments {
        var result = StatementArguments()
        var i = 0
        let v = values
        while i < v.count {
            let chunk: StatementArguments
            switch v.count - i {
            case 1: chunk = [v[i]]
            case 2: chunk = [v[i], v[i + 1]]
            case 3: chunk = [v[i], v[i + 1], v[i + 2]]
            case 4: chunk = [v[i], v[i + 1], v[i + 2], v[i + 3]]
            case 5: chunk = [v[i], v[i + 1], v[i + 2], v[i + 3], v[i + 4]]
            case 6: chunk = [v[i], v[i + 1], v[i + 2], v[i + 3], v[i + 4], v[i + 5]]
            case 7: chunk = [v[i], v[i + 1], v[i + 2], v[i + 3], v[i + 4], v[i + 5], v[i + 6]]
            default: chunk = [v[i], v[i + 1], v[i + 2], v[i + 3], v[i + 4], v[i + 5], v[i + 6], v[i + 7]]
            }
            if i == 0 { result = chunk } else { result += chunk }
            i += 8
        }
        return result
    }

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
