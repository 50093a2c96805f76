import ClinicTUI

/// A plain aligned text table for terminal output (widths in terminal
/// columns, so CJK names line up). Control characters in cells print as `�`:
/// a cell never moves the cursor or changes the terminal.
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

    static func printable(_ cell: String) -> String {
        guard cell.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return cell }
        return String(String.UnicodeScalarView(cell.unicodeScalars.map { $0.properties.generalCategory == .control ? "\u{FFFD}" : $0 }))
    }
}
