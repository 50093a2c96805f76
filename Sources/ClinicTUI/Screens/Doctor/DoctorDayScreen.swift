import ClinicCore

/// Paints the day picker, a notice and the day's appointments as a table.
struct DoctorDayScreen {
    let model: DoctorDayModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        let context = model.context, zone = context.timeZone, now = context.now
        let x = buffer.write(model.day.label(today: context.today), x: area.x, y: area.y, role: .label, clip: area)
        let active = model.appointments.filter(\.status.isActive).count
        buffer.write("  \(active) to see · \(model.appointments.count) in all", x: x, y: area.y, role: .dim, clip: area)
        if let notice = model.notice {
            buffer.write(notice.text, x: area.x, y: area.y + 1, role: notice.role, clip: area)
        }
        let rows = model.appointments.map { a in
            let status = VisitStatus(a, now: now)
            return TableRow([Format.time(a.start, zone), a.patient.name, a.code, status.text, a.reason], role: status.role)
        }
        var list = model.list
        TablePainter.paint(
            rows,
            columns: [
                Column("Time", width: 5), Column("Patient", width: 22), Column("Code", width: 6),
                Column("Status", width: 12), Column("Reason"),
            ],
            state: &list, into: &buffer, rect: Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2),
            empty: "No appointments this day: ] and [ move to other days.")
    }
}

extension DoctorDayModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { DoctorDayScreen(model: self).paint(into: &buffer, area: area) }
}
