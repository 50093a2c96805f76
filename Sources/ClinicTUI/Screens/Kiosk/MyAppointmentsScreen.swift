import ClinicCore

/// Paints the tabs, the list and the pending question.
struct MyAppointmentsScreen {
    let model: MyAppointmentsModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        let zone = model.context.timeZone
        var x = buffer.write(" Upcoming ", x: area.x, y: area.y, role: model.showingPast ? .dim : .selection, clip: area)
        x = buffer.write("  ", x: x, y: area.y, role: .normal, clip: area)
        buffer.write(" Past ", x: x, y: area.y, role: model.showingPast ? .selection : .dim, clip: area)
        var top = area.y + 2
        if let notice = model.notice {
            buffer.write(notice.text, x: area.x, y: area.y + 1, role: notice.role, clip: area)
            top = area.y + 2
        }
        let rows = model.appointments.map { a in
            TableRow([Format.dateTime(a.start, zone), a.doctor.name, a.code, Format.status(a.status), a.reason], role: Format.role(a.status))
        }
        var list = model.list
        TablePainter.paint(
            rows,
            columns: [
                Column("When", width: 21), Column("Doctor", width: 20), Column("Code", width: 6),
                Column("Status", width: 10), Column("Reason"),
            ],
            state: &list, into: &buffer, rect: Rect(x: area.x, y: top, width: area.width, height: area.y + area.height - top),
            empty: model.showingPast ? "No past visits." : "No upcoming visits: b on the home screen books one.")
    }
}

extension MyAppointmentsModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { MyAppointmentsScreen(model: self).paint(into: &buffer, area: area) }
}
