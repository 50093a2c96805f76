import ClinicCore

/// Paints the edit form of a person.
struct AccountEditScreen {
    let model: AccountEditModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        let hint =
            model.account.role == .patient
            ? "A phone or an email is enough; an empty one is removed. Date of birth as YYYY-MM-DD."
            : "Staff keep both an email and a phone."
        buffer.write(hint, x: area.x, y: area.y, role: .dim, clip: area)
        let height = FormPainter.height(model.form)
        FormPainter.paint(model.form, into: &buffer, rect: Rect(x: area.x, y: area.y + 2, width: area.width, height: height), labelWidth: 16)
        if let message = model.message {
            Painter.paragraph(
                &buffer, "✗ " + message, in: Rect(x: area.x, y: area.y + 2 + height, width: area.width, height: 3), role: .error)
        }
    }
}

extension AccountEditModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { AccountEditScreen(model: self).paint(into: &buffer, area: area) }
}
