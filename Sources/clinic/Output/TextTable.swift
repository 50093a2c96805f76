import ClinicCore
import ClinicTUI

/// A plain aligned text table for terminal output (widths in terminal
/// columns, so CJK names line up). Control characters, line breaks and
/// text-direction controls in cells print as `�` (`StoredText.neutralised`):
/// a cell never moves the cursor, changes the terminal or reorders the row.
struct TextTable {
    let headers: [String]
    var rows: [[String]] = []

    init(_ headers: [String]) { self.headers = headers }

    mutating func add(_ row: [String]) { rows.append(row.map(Self.printable)) }

    var rendered: String {
        let all = [headers] + rows
        let widths = headers.indices.map { i in all.map { $0.indices.contains(i) ? CharWidth.of($0[i]) : 0 }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - CharWidth.of(cell))
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    static func printable(_ cell: String) -> String { StoredText.neutralised(cell) }
}
