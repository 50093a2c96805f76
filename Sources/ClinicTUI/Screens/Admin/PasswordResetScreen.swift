import ClinicCore

/// Paints the two password fields.
struct PasswordResetScreen {
    let model: PasswordResetModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        buffer.write("\(model.account.name) · \(model.account.contact)", x: area.x, y: area.y, role: .title, clip: area)
        FormPainter.paint(model.form, into: &buffer, rect: Rect(x: area.x, y: area.y + 2, width: area.width, height: 4), labelWidth: 14)
    }
}

extension PasswordResetModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { PasswordResetScreen(model: self).paint(into: &buffer, area: area) }
}
