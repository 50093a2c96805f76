import ClinicCore

/// Paints the visit to cancel and the reason field.
struct CancelVisitScreen {
    let model: CancelVisitModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        let a = model.appointment
        buffer.write("\(a.patient.name) with \(a.doctor.name), \(Format.dateTime(a.start, model.context.timeZone))",
                     x: area.x, y: area.y, role: .title, clip: area)
        FormPainter.paint(Form([model.reason]), into: &buffer, rect: Rect(x: area.x, y: area.y + 2, width: area.width, height: 2), labelWidth: 10)
        buffer.write("Enter cancels the visit; Esc keeps it.", x: area.x, y: area.y + 5, role: .dim, clip: area)
        if let message = model.message {
            Painter.paragraph(&buffer, "✗ " + message, in: Rect(x: area.x, y: area.y + 7, width: area.width, height: 3), role: .error)
        }
    }
}

extension CancelVisitModel {
    public func paint(into buffer: inout CellBuffer, area: Rect) { CancelVisitScreen(model: self).paint(into: &buffer, area: area) }
}
