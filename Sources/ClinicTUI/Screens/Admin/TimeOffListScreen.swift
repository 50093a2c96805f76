import ClinicCore

/// Paints a doctor's time off or the clinic's closure days.
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
        TablePainter.paint(
            rows, columns: [Column("When", width: 40), Column("Note")],
            state: &list, into: &buffer, rect: Rect(x: area.x, y: top, width: area.width, height: area.y + area.height - top),
            empty: model.scope == .clinic ? "No closure days: n adds one (a holiday)." : "No time off: n adds some.")
    }
}

extension TimeOffListModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { TimeOffListScreen(model: self).paint(into: &buffer, area: area) }
}
