import ClinicCore

/// Paints an appointment's details, its reason and its history.
struct AppointmentDetailScreen {
    let model: AppointmentDetailModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        let zone = model.context.timeZone
        var y = area.y
        if let notice = model.notice {
            Painter.paragraph(&buffer, notice.text, in: Rect(x: area.x, y: y, width: area.width, height: 2), role: notice.role)
            y += 2
        }
        guard let a = model.appointment else { return }
        let status = VisitStatus(a, now: model.context.now)
        let fields: [(String, String, ThemeRole)] = [
            ("Code", a.code, .normal),
            ("When", "\(Format.dateTime(a.start, zone))–\(Format.time(a.end, zone))", .normal),
            ("Status", status.text, status.role),
            ("Patient", a.patient.name, .normal),
            ("Contact", [a.patient.phone, a.patient.email].compactMap { $0 }.joined(separator: " · "), .normal),
            ("Doctor", a.doctor.name, .normal),
        ]
        for (label, value, role) in fields where y < area.y + area.height {
            buffer.write(CharWidth.pad(label, to: 10), x: area.x, y: y, role: .label, clip: area)
            buffer.write(value, x: area.x + 10, y: y, role: role, clip: area)
            y += 1
        }
        buffer.write("Reason", x: area.x, y: y, role: .label, clip: area)
        y = Painter.paragraph(&buffer, a.reason, in: Rect(x: area.x + 10, y: y, width: area.width - 10, height: 3))
        buffer.write("Note", x: area.x, y: y, role: .label, clip: area)
        y = Painter.paragraph(
            &buffer, model.note?.text ?? "none yet", in: Rect(x: area.x + 10, y: y, width: area.width - 10, height: 4),
            role: model.note == nil ? .dim : .normal)
        y += 1
        buffer.write("History", x: area.x, y: y, role: .label, clip: area)
        // Newest first; a long entry (a cancellation's reason, a move's times) wraps instead of being cut.
        for e in model.events.reversed() where y < area.y + area.height - 1 {
            let text = HistoryLine.text(e, zone: zone, names: model.actorNames)
            for (i, line) in Painter.wrap(text, width: area.width - 4).enumerated() where y < area.y + area.height - 1 {
                y += 1
                buffer.write(line, x: area.x + (i == 0 ? 2 : 4), y: y, role: .dim, clip: area)
            }
        }
    }
}

extension AppointmentDetailModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { AppointmentDetailScreen(model: self).paint(into: &buffer, area: area) }
}
