import ClinicCore

/// Paints a doctor's time off.
struct TimeOffListScreen {
    let model: TimeOffListModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        if let notice = model.notice { buffer.write(notice.text, x: area.x, y: area.y, role: notice.role, clip: area) }
        let zone = model.context.timeZone
        let rows = model.entries.map { TableRow([$0.span(in: zone), $0.note]) }
        var list = model.list
        TablePainter.paint(
            rows, columns: [Column("When", width: 40), Column("Note")],
            state: &list, into: &buffer, rect: Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2),
            empty: "No time off: n adds some.")
    }
}

extension TimeOffListModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { TimeOffListScreen(model: self).paint(into: &buffer, area: area) }
}
