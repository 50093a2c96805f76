import ClinicCore

/// Paints the time-off form.
struct TimeOffScreen {
    let model: TimeOffModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        buffer.write(
            "YYYY-MM-DD for whole days (To includes that day), or YYYY-MM-DD HH:MM (To is when it ends).", x: area.x, y: area.y, role: .dim, clip: area)
        FormPainter.paint(model.form, into: &buffer, rect: Rect(x: area.x, y: area.y + 2, width: area.width, height: 6), labelWidth: 12)
        if let message = model.message {
            Painter.paragraph(&buffer, "✗ " + message, in: Rect(x: area.x, y: area.y + 9, width: area.width, height: 3), role: .error)
        }
    }
}

extension TimeOffModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { TimeOffScreen(model: self).paint(into: &buffer, area: area) }
}
