import ClinicCore

/// Paints the sign-in form, the refusal, and the demo sign-ins when there are some.
struct SignInScreen {
    let model: SignInModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        let context = model.context
        var y = area.y
        let heading = context.mode == .kiosk ? "Sign in to book and see your appointments" : "Staff sign-in"
        buffer.write(heading, x: area.x, y: y, role: .title, clip: area)
        y += 2
        FormPainter.paint(model.form, into: &buffer, rect: Rect(x: area.x, y: y, width: area.width, height: FormPainter.height(model.form)))
        y += FormPainter.height(model.form) + 1
        if let notice = model.notice, model.message == nil {
            y = Painter.paragraph(&buffer, "✓ " + notice, in: Rect(x: area.x, y: y, width: area.width, height: 2), role: .success) + 1
        }
        if let message = model.message {
            y = Painter.paragraph(&buffer, "✗ " + message, in: Rect(x: area.x, y: y, width: area.width, height: 3), role: .error) + 1
        }
        guard !context.demoSignIns.isEmpty, y < area.y + area.height - 2 else { return }
        buffer.write("Demo sign-ins (password \(context.demoSignIns[0].password)):", x: area.x, y: y, role: .label, clip: area)
        for signIn in context.demoSignIns {
            y += 1
            buffer.write(
                "  " + CharWidth.pad(signIn.role.rawValue, to: 13) + signIn.login, x: area.x, y: y,
                role: Router.refusal(for: signIn.role, in: context.mode) == nil ? .normal : .dim, clip: area)
        }
    }
}

extension SignInModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { SignInScreen(model: self).paint(into: &buffer, area: area) }
}
