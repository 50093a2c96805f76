import ClinicCore

/// Paints the welcome.
struct WelcomeScreen {
    let model: WelcomeModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        buffer.write("Welcome to \(model.context.clinicName)", x: area.x, y: area.y, role: .title, clip: area)
        buffer.write(
            "Book a visit, see or cancel your appointments, keep your details up to date.",
            x: area.x, y: area.y + 1, role: .dim, clip: area)
        var state = model.list
        TablePainter.paint(
            model.items.map { TableRow([$0]) }, columns: nil, state: &state, into: &buffer,
            rect: Rect(x: area.x, y: area.y + 3, width: min(40, area.width), height: 3))
    }
}

extension WelcomeModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { WelcomeScreen(model: self).paint(into: &buffer, area: area) }
}
