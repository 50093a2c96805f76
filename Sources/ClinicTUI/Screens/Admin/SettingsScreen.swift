import ClinicCore

/// Paints the settings form and the services' state.
struct SettingsScreen {
    let model: SettingsModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        FormPainter.paint(model.form, into: &buffer, rect: Rect(x: area.x, y: area.y, width: area.width, height: 14), labelWidth: 21)
        buffer.write("Scheduler / SMS gateway", x: area.x, y: area.y + 14, role: .label, clip: area)
        buffer.write(model.context.services, x: area.x + 25, y: area.y + 14, role: .normal, clip: area)
        if let message = model.message {
            Painter.paragraph(&buffer, message.text, in: Rect(x: area.x, y: area.y + 16, width: area.width, height: 3), role: message.role)
        }
    }
}

extension SettingsModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { SettingsScreen(model: self).paint(into: &buffer, area: area) }
}
