import ClinicCore

/// Paints a doctor's time off or the clinic's closure days, and under them
/// the latest changes (when, who, what).
struct TimeOffListScreen {
    let model: TimeOffListModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        var top = area.y + 2
        if let notice = model.notice {  // wrapped: a sick day's outcome is longer than a line at 80 columns
            top = max(top, Painter.paragraph(&buffer, notice.text, in: Rect(x: area.x, y: area.y, width: area.width, height: 2), role: notice.role) + 1)
        }
        let zone = model.context.timeZone
        let rows = model.entries.map { TableRow([$0.span(in: zone), $0.note]) }
        var list = model.list
        let history = model.changes.isEmpty ? 0 : model.changes.count + 2
        let bottom = area.y + area.height - history
        for (i, e) in model.changes.enumerated() {
            if i == 0 { buffer.write("Latest changes", x: area.x, y: bottom + 1, role: .label, clip: area) }
            let what = e.action.rawValue.replacingOccurrences(of: "_", with: " ")
            buffer.write(
                "\(Format.dateTime(e.at, zone))  \(e.actor): \(what) \(e.detail)", x: area.x, y: bottom + 2 + i, role: .dim, clip: area)
        }
        TablePainter.paint(
            rows, columns: [Column("When", width: 40), Column("Note")],
            state: &list, into: &buffer, rect: Rect(x: area.x, y: top, width: area.width, height: bottom - top),
            empty: model.scope == .clinic ? "No closure days: n adds one (a holiday)." : "No time off: n adds some.")
    }
}

extension TimeOffListModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { TimeOffListScreen(model: self).paint(into: &buffer, area: area) }
}
