import ClinicCore

/// Paints who joins the waitlist for whom, the days and reason fields, and
/// then the confirmation (or the core's refusal).
struct WaitlistJoinScreen {
    let model: WaitlistJoinModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        buffer.write(
            "\(model.patientName) · an earlier visit with \(model.target.wanted)", x: area.x, y: area.y, role: .title, clip: area)
        if let done = model.confirmation {
            Painter.paragraph(&buffer, "✓ " + done, in: Rect(x: area.x, y: area.y + 2, width: area.width, height: 4), role: .success)
            return
        }
        buffer.write(
            "A visit that frees up in these days is offered by SMS, first in line first.", x: area.x, y: area.y + 1,
            role: .dim, clip: area)
        FormPainter.paint(model.form, into: &buffer, rect: Rect(x: area.x, y: area.y + 3, width: area.width, height: 6), labelWidth: 10)
        buffer.write(
            "Days as YYYY-MM-DD. The reason may stay empty.", x: area.x, y: area.y + 9, role: .dim, clip: area)
        if let message = model.message {
            Painter.paragraph(&buffer, "✗ " + message, in: Rect(x: area.x, y: area.y + 11, width: area.width, height: 3), role: .error)
        }
    }
}

extension WaitlistJoinModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { WaitlistJoinScreen(model: self).paint(into: &buffer, area: area) }
}
