import ClinicCore

/// Paints the one answer to the request, the code and the new password twice.
struct ResetCodeScreen {
    let model: ResetCodeModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        buffer.write("Set a new password", x: area.x, y: area.y, role: .title, clip: area)
        var y = Painter.paragraph(&buffer, PasswordResetPolicy.answer, in: Rect(x: area.x, y: area.y + 2, width: area.width, height: 3)) + 1
        FormPainter.paint(model.form, into: &buffer, rect: Rect(x: area.x, y: y, width: area.width, height: FormPainter.height(model.form)))
        y += FormPainter.height(model.form) + 1
        if let message = model.message {
            Painter.paragraph(&buffer, "✗ " + message, in: Rect(x: area.x, y: y, width: area.width, height: 3), role: .error)
        } else {
            buffer.write("No SMS? Esc and ask again, or ask the desk.", x: area.x, y: y, role: .dim, clip: area)
        }
    }
}

extension ResetCodeModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { ResetCodeScreen(model: self).paint(into: &buffer, area: area) }
}
