/// Paints the reason field or the summary to confirm.
struct BookConfirmScreen {
    let model: BookConfirmModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        let zone = model.context.timeZone
        buffer.write("\(model.doctor.name) · \(model.doctor.specialization)", x: area.x, y: area.y, role: .title, clip: area)
        buffer.write(
            "\(Format.dateTime(model.slot.start, zone))–\(Format.time(model.slot.end, zone))", x: area.x, y: area.y + 1,
            role: .label, clip: area)
        if let patient = model.patient {
            buffer.write("For \(patient.name) · \(patient.contact)", x: area.x, y: area.y + 2, role: .label, clip: area)
        }
        var y = area.y + 3
        if model.overriding {
            buffer.write("Reason: " + model.reason[0], x: area.x, y: y, role: .normal, clip: area)
            let below = Painter.paragraph(
                &buffer, "! " + (model.message ?? "") + ". Type why and press Enter to book anyway (it is kept in the history), or Esc.",
                in: Rect(x: area.x, y: y + 2, width: area.width, height: 4), role: .warning)
            FormPainter.paint(model.overrideReason, into: &buffer, rect: Rect(x: area.x, y: below + 1, width: area.width, height: 2), labelWidth: 22)
            return
        }
        if model.confirming {
            buffer.write("Reason: " + model.reason[0], x: area.x, y: y, role: .normal, clip: area)
            buffer.write("Press Enter to book this visit, Esc to change the reason.", x: area.x, y: y + 2, role: .success, clip: area)
            y += 4
        } else {
            FormPainter.paint(model.reason, into: &buffer, rect: Rect(x: area.x, y: y, width: area.width, height: 2), labelWidth: 22)
            y += 3
        }
        if let message = model.message {
            Painter.paragraph(&buffer, "✗ " + message, in: Rect(x: area.x, y: y, width: area.width, height: 3), role: .error)
        }
    }
}

extension BookConfirmModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { BookConfirmScreen(model: self).paint(into: &buffer, area: area) }
}
