import ClinicCore

/// Paints a patient's visits and, below them, the selected visit's note
/// (each of its lines wrapped to the width).
struct PatientHistoryScreen {
    let model: PatientHistoryModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        let zone = model.context.timeZone, now = model.context.now
        let coming = model.visits.filter { $0.appointment.isUpcoming(at: now) }.count
        buffer.write(
            "\(model.patient.name) · \(Plural.count(model.visits.count, "visit")), \(coming) to come",
            x: area.x, y: area.y, role: .title, clip: area)
        if let notice = model.notice { buffer.write(notice.text, x: area.x, y: area.y + 1, role: notice.role, clip: area) }
        let listHeight = max(4, (area.height - 3) / 2)
        let rows = model.visits.map { v in
            let a = v.appointment, status = VisitStatus(a, now: now)
            let mark = a.code == model.from ? "•" : v.note == nil ? " " : "✎"
            return TableRow([mark + Format.dateTime(a.start, zone), a.doctor.name, status.text, a.reason], role: status.role)
        }
        var list = model.list
        TablePainter.paint(
            rows, columns: [Column("When", width: 22), Column("Doctor", width: 20), Column("Status", width: 11), Column("Reason")],
            state: &list, into: &buffer, rect: Rect(x: area.x, y: area.y + 2, width: area.width, height: listHeight),
            empty: "No visits.")
        let top = area.y + 3 + listHeight
        let pane = Rect(x: area.x, y: top, width: area.width, height: max(0, area.y + area.height - top))
        guard let v = model.selected else { return }
        guard model.readsNotes else {
            buffer.write("Notes are for doctors; the desk sees the visits.", x: pane.x, y: pane.y, role: .dim, clip: pane)
            return
        }
        guard let note = v.note else {
            buffer.write("No note on this visit.", x: pane.x, y: pane.y, role: .dim, clip: pane)
            return
        }
        buffer.write("Note by \(v.appointment.doctor.name):", x: pane.x, y: pane.y, role: .label, clip: pane)
        var y = pane.y + 1
        for line in note.split(separator: "\n", omittingEmptySubsequences: false) where y < pane.y + pane.height {
            y = Painter.paragraph(
                &buffer, line.isEmpty ? " " : String(line), in: Rect(x: pane.x, y: y, width: pane.width, height: pane.y + pane.height - y))
        }
    }
}

extension PatientHistoryModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { PatientHistoryScreen(model: self).paint(into: &buffer, area: area) }
}
