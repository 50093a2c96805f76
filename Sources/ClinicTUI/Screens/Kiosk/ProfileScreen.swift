import ClinicCore

/// Paints the profile form.
struct ProfileScreen {
    let model: ProfileModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        buffer.write("Your details (email: \(model.context.account?.email ?? ""))", x: area.x, y: area.y, role: .title, clip: area)
        FormPainter.paint(model.form, into: &buffer, rect: Rect(x: area.x, y: area.y + 2, width: area.width, height: FormPainter.height(model.form)))
        if let message = model.message {
            buffer.write(message.text, x: area.x, y: area.y + 3 + FormPainter.height(model.form), role: message.role, clip: area)
        }
    }
}

extension ProfileModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { ProfileScreen(model: self).paint(into: &buffer, area: area) }
}
