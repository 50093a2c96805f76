import ClinicCore

/// Paints the SMS panel's selected item in full: a rule with its heading,
/// then each paragraph beside its label, wrapped whole (`Painter.wrapWhole`).
enum SMSPanelDetailPainter {
    /// One painted line: the label (on a paragraph's first line), the text, its role.
    struct Line: Sendable, Equatable {
        let label: String
        let text: String
        let role: ThemeRole
    }

    /// Cells the labels take.
    static let labelWidth = 9

    /// The detail's lines at `width` cells: the heading, then every paragraph wrapped.
    static func lines(_ detail: SMSPanelDetail, width: Int) -> [Line] {
        let textWidth = max(10, width - labelWidth)
        var out = [Line(label: "", text: detail.heading, role: .title)]
        for p in detail.paragraphs {
            for (i, text) in Painter.wrapWhole(p.text, width: textWidth).enumerated() {
                out.append(Line(label: i == 0 ? p.label : "", text: text, role: p.role))
            }
        }
        return out
    }

    /// Paints `lines` into `rect`; a detail longer than the rect ends in `…`.
    static func paint(_ lines: [Line], into buffer: inout CellBuffer, rect: Rect) {
        guard rect.height > 0, let heading = lines.first else { return }
        let rule = String(repeating: "─", count: max(0, rect.width - CharWidth.of(heading.text) - 4))
        buffer.write("─ " + heading.text + " " + rule, x: rect.x, y: rect.y, role: .border, clip: rect)
        for (i, line) in lines.dropFirst().prefix(rect.height - 1).enumerated() {
            let y = rect.y + 1 + i
            buffer.write(line.label, x: rect.x, y: y, role: .label, clip: rect)
            buffer.write(line.text, x: rect.x + labelWidth, y: y, role: line.role, clip: rect)
        }
        if lines.count > rect.height, rect.height > 1 {
            buffer.write("…", x: rect.x + rect.width - 1, y: rect.y + rect.height - 1, role: .dim, clip: rect)
        }
    }
}
