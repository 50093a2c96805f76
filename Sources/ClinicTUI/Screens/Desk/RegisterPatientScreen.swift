import ClinicCore

/// Paints the registration form.
struct RegisterPatientScreen {
    let model: RegisterPatientModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        buffer.write("A walk-in: a phone or an email is enough. For the kiosk, set a password on their card (p).", x: area.x, y: area.y, role: .dim, clip: area)
        FormPainter.paint(model.form, into: &buffer, rect: Rect(x: area.x, y: area.y + 2, width: area.width, height: 6), labelWidth: 10)
        if let message = model.message {
            Painter.paragraph(&buffer, "✗ " + message, in: Rect(x: area.x, y: area.y + 9, width: area.width, height: 3), role: .error)
        }
    }
}

extension RegisterPatientModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { RegisterPatientScreen(model: self).paint(into: &buffer, area: area) }
}
