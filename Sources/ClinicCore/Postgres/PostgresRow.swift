/// One result row: the columns' names and typed values.
public struct PostgresRow: Sendable, Equatable {
    public let columns: [String]
    public let values: [PostgresValue]

    public subscript(_ index: Int) -> PostgresValue { values[index] }

    /// The value of the first column named `name` (`.null` when there is none).
    public subscript(_ name: String) -> PostgresValue {
        columns.firstIndex(of: name).map { values[$0] } ?? .null
    }
}

/// What one statement returned: its rows (for a query) and the rows it changed.
public struct PostgresResult: Sendable {
    public let columns: [String]
    public let rows: [PostgresRow]
    /// `INSERT 0 3`, `UPDATE 3`, `COPY 3` → 3.
    public let affectedRows: Int

    init(_ result: LibPQResult) {
        let columnCount = result.columnCount
        let columns = (0..<columnCount).map(result.columnName)
        let kinds = (0..<columnCount).map(result.kind)
        self.columns = columns
        self.rows = (0..<result.rowCount).map { r in
            PostgresRow(
                columns: columns,
                values: (0..<columnCount).map { c in
                    result.isNull(r, c) ? .null : PostgresValue(text: result.text(r, c), kind: kinds[c])
                })
        }
        self.affectedRows = result.affectedRows
    }
}

/// One statement of a pipeline (`PostgresConnection.pipeline`): `$1…$n`
/// parameters; `prepared`: prepared on the connection the first time (parsed
/// and planned once, as SQLite's statement cache does), in the same round trip.
public struct PostgresCommand: Sendable {
    public let sql: String
    public let parameters: [PostgresValue]
    public let prepared: Bool

    public init(_ sql: String, _ parameters: [PostgresValue] = [], prepared: Bool = false) {
        self.sql = sql
        self.parameters = parameters
        self.prepared = prepared
    }
}
