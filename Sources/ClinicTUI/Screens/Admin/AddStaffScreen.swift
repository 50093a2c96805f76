import ClinicCore

/// Paints the new account's form.
struct AddStaffScreen {
    let model: AddStaffModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        buffer.write("Specialization, slot minutes and hours are for doctors only.", x: area.x, y: area.y, role: .dim, clip: area)
        FormPainter.paint(
            model.form, into: &buffer, rect: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 2),
            labelWidth: 16)
        if let message = model.message {
            buffer.write("✗ " + message, x: area.x, y: area.y + area.height - 1, role: .error, clip: area)
        }
    }
}

extension AddStaffModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { AddStaffScreen(model: self).paint(into: &buffer, area: area) }
}
