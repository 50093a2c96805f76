import ClinicCore

/// Paints the home menu and the next visit.
struct PatientHomeScreen {
    let model: PatientHomeModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        let name = model.context.account?.name ?? ""
        buffer.write("Hello, \(name)", x: area.x, y: area.y, role: .title, clip: area)
        var state = model.list
        TablePainter.paint(
            model.items.map { TableRow([$0]) }, columns: nil, state: &state, into: &buffer,
            rect: Rect(x: area.x, y: area.y + 2, width: min(40, area.width), height: model.items.count))
        var y = area.y + 3 + model.items.count
        if let next = model.next {
            let zone = model.context.timeZone
            buffer.write(
                "Next visit: \(Format.dateTime(next.start, zone)) with \(next.doctor.name) · \(next.code) · \(Format.status(next.status))",
                x: area.x, y: y, role: Format.role(next.status), clip: area)
        } else {
            buffer.write("No upcoming visits.", x: area.x, y: y, role: .dim, clip: area)
        }
        y += 2
        if let notice = model.notice {
            Painter.paragraph(&buffer, "✓ " + notice, in: Rect(x: area.x, y: y, width: area.width, height: 2), role: .success)
        }
    }
}

extension PatientHomeModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { PatientHomeScreen(model: self).paint(into: &buffer, area: area) }
}
