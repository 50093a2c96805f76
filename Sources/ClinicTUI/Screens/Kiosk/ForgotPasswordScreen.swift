import ClinicCore

/// Paints the request for a reset code.
struct ForgotPasswordScreen {
    let model: ForgotPasswordModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        OneFieldForm.paint(
            heading: "Forgot your password?", field: model.field, labelWidth: 16,
            hint: "We text a 6-digit code to the mobile phone of a patient's account.", error: model.message,
            into: &buffer, area: area)
        let staff = "Staff: the clinic's admin resets your password."
        buffer.write(staff, x: area.x, y: area.y + 6, role: .dim, clip: area)
    }
}

extension ForgotPasswordModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { ForgotPasswordScreen(model: self).paint(into: &buffer, area: area) }
}
