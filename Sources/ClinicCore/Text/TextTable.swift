/// A plain aligned text table for terminals and printers (widths in
/// terminal columns, `CharWidth`, so names in any script line up): the CLI's
/// tables and the printed day sheet. Control characters, line breaks and
/// text-direction controls in cells print as `�` (`StoredText.neutralised`):
/// a cell never moves the cursor, changes the terminal or reorders the row.
public struct TextTable: Sendable {
    /// The heading of each column.
    public let headers: [String]
    /// The rows added so far, already printable.
    public private(set) var rows: [[String]] = []

    /// A table with these column headings.
    public init(_ headers: [String]) { self.headers = headers }

    /// Adds a row (its cells made printable).
    public mutating func add(_ row: [String]) { rows.append(row.map(Self.printable)) }

    /// The table's lines joined by line feeds, columns two spaces apart; the
    /// last column is not padded.
    public var rendered: String { lines.joined(separator: "\n") }

    /// The table's lines, headings first.
    public var lines: [String] {
        let all = [headers] + rows
        let widths = headers.indices.map { i in all.map { $0.indices.contains(i) ? CharWidth.of($0[i]) : 0 }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - CharWidth.of(cell))
            }.joined(separator: "  ")
        }
    }

    /// A cell as it may be printed.
    public static func printable(_ cell: String) -> String { StoredText.neutralised(cell) }
}
