import ClinicCore

/// Paints the sign-up form.
struct SignUpScreen {
    let model: SignUpModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        buffer.write("New patient: create your account", x: area.x, y: area.y, role: .title, clip: area)
        let rect = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 4)
        FormPainter.paint(model.form, into: &buffer, rect: rect)
        if let message = model.message {
            buffer.write("✗ " + message, x: area.x, y: area.y + area.height - 1, role: .error, clip: area)
        }
    }
}

extension SignUpModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { SignUpScreen(model: self).paint(into: &buffer, area: area) }
}
