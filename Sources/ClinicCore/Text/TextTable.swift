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

    /// The table's lines, headings first (each cell measured once: a day
    /// sheet lays out thousands of rows).
    public var lines: [String] {
        let all = [headers] + rows
        let cells = all.map { $0.map(CharWidth.of) }
        var widths = [Int](repeating: 0, count: headers.count)
        for row in cells { for (i, w) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], w) } }
        return all.indices.map { r in
            var line = ""
            for (i, cell) in all[r].enumerated() {
                if i > 0 { line += "  " }
                line += cell
                if i < all[r].count - 1, i < widths.count { line += String(repeating: " ", count: widths[i] - cells[r][i]) }
            }
            return line
        }
    }

    /// A cell as it may be printed.
    public static func printable(_ cell: String) -> String { StoredText.neutralised(cell) }
}
