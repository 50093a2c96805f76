import ClinicCore

/// Paints the time-off form, and under it the booked visits it would cancel.
struct TimeOffScreen {
    let model: TimeOffModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        buffer.write(
            "YYYY-MM-DD for whole days (To includes that day), or YYYY-MM-DD HH:MM (To is when it ends).", x: area.x, y: area.y, role: .dim, clip: area)
        FormPainter.paint(model.form, into: &buffer, rect: Rect(x: area.x, y: area.y + 2, width: area.width, height: 6), labelWidth: 12)
        guard let message = model.message else { return }
        let below = Painter.paragraph(
            &buffer, (model.preview.isEmpty ? "✗ " : "! ") + message, in: Rect(x: area.x, y: area.y + 9, width: area.width, height: 3),
            role: model.preview.isEmpty ? .error : .warning)
        guard !model.preview.isEmpty else { return }
        let zone = model.context.timeZone
        let clinicWide = model.scope == .clinic  // a doctor's own time off needs no doctor column
        let rows = model.preview.map { a in
            TableRow([a.code, Format.dateTime(a.start, zone)] + (clinicWide ? [a.doctor.name] : []) + [a.patient.name, a.patient.phone ?? "—"])
        }
        var list = ListState(count: rows.count)
        let top = below + 1
        let columns =
            [Column("Code", width: 7), Column("When", width: 20)] + (clinicWide ? [Column("Doctor", width: 16)] : [])
            + [Column("Patient"), Column("Phone", width: 13)]
        TablePainter.paint(
            rows, columns: columns, state: &list, into: &buffer,
            rect: Rect(x: area.x, y: top, width: area.width, height: max(area.y + area.height - top, 0)),
            empty: "")
    }
}

extension TimeOffModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { TimeOffScreen(model: self).paint(into: &buffer, area: area) }
}
