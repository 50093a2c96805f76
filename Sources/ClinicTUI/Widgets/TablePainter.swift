import ClinicCore

/// One column of a table: a heading and a width (0: take what is left).
struct Column: Sendable {
    let title: String
    let width: Int
    init(_ title: String, width: Int = 0) { self.title = title; self.width = width }
}

/// One row of a table: its cells and a role for the whole row.
struct TableRow: Sendable {
    let cells: [String]
    let role: ThemeRole
    init(_ cells: [String], role: ThemeRole = .normal) { self.cells = cells; self.role = role }
}

/// Paints a scrolling list or table with a highlighted selection and a scroll mark.
enum TablePainter {
    /// Paints `rows` into `rect`; with `columns`, a heading row first. Scrolls `state` to keep the selection in view.
    static func paint(
        _ rows: [TableRow], columns: [Column]?, state: inout ListState, focused: Bool = true,
        into buffer: inout CellBuffer, rect: Rect, empty: String = "(nothing here)"
    ) {
        var body = rect
        if let columns {
            buffer.write(" " + line(columns.map(\.title), columns, rect.width - 1), x: rect.x, y: rect.y, role: .label, clip: rect)
            body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        }
        guard !rows.isEmpty else {
            buffer.write(empty, x: body.x, y: body.y, role: .dim, clip: body)
            return
        }
        state.scroll(height: body.height)
        for i in 0..<body.height {
            let index = state.top + i
            guard index < rows.count else { break }
            let row = rows[index]
            let text = columns.map { line(row.cells, $0, body.width - 1) } ?? CharWidth.pad(row.cells.joined(separator: "  "), to: body.width - 1)
            let isSelected = focused && index == state.selected
            let y = body.y + i
            buffer.write((isSelected ? "▸" : " ") + text, x: body.x, y: y, role: isSelected ? .selection : row.role, clip: body)
        }
        if rows.count > body.height, body.height > 0 {
            let mark = "\(state.selected + 1)/\(rows.count)"
            buffer.write(mark, x: body.x + body.width - CharWidth.of(mark), y: body.y + body.height - 1, role: .dim, clip: body)
        }
    }

    /// Cells laid out in columns, padded or cut to fit `width`.
    static func line(_ cells: [String], _ columns: [Column], _ width: Int) -> String {
        let fixed = columns.reduce(0) { $0 + $1.width + 1 }
        var out = ""
        for (i, column) in columns.enumerated() {
            let w = column.width > 0 ? column.width : max(4, width - fixed)
            out += CharWidth.pad(i < cells.count ? cells[i] : "", to: w) + " "
        }
        return CharWidth.pad(out, to: width)
    }
}
