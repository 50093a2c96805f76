import ClinicCore

/// Paints the profile form.
struct ProfileScreen {
    let model: ProfileModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        let age = model.age.map { " · age \($0)" } ?? ""
        buffer.write("Your details\(age) (a phone or an email is enough; date of birth YYYY-MM-DD)", x: area.x, y: area.y, role: .title, clip: area)
        FormPainter.paint(model.form, into: &buffer, rect: Rect(x: area.x, y: area.y + 2, width: area.width, height: FormPainter.height(model.form)))
        if let message = model.message {
            buffer.write(message.text, x: area.x, y: area.y + 3 + FormPainter.height(model.form), role: message.role, clip: area)
        }
    }
}

extension ProfileModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { ProfileScreen(model: self).paint(into: &buffer, area: area) }
}
