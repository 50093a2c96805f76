import ClinicCore

/// Paints the seven day fields and, beside or below them, next week's slots.
struct HoursEditorScreen {
    let model: HoursEditorModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        let formWidth = min(area.width, 40)
        FormPainter.paint(model.form, into: &buffer, rect: Rect(x: area.x, y: area.y, width: formWidth, height: 14), labelWidth: 5)
        let side = area.width - formWidth >= 34
        let px = side ? area.x + formWidth + 2 : area.x
        var y = side ? area.y : area.y + 14
        let bottom = area.y + area.height
        if let message = model.message {
            Painter.paragraph(&buffer, "✗ " + message.text, in: Rect(x: area.x, y: bottom - 2, width: area.width, height: 2), role: message.role)
        }
        guard let preview = model.preview, y < bottom else { return }
        buffer.write("Next week: slots (now)", x: px, y: y, role: .label, clip: area)
        y += 1
        let zone = model.context.timeZone
        for day in preview.days where y < bottom {
            let first = day.slots.first.map { Format.time($0.start, zone) } ?? "", last = day.slots.last.map { Format.time($0.end, zone) } ?? ""
            let span = day.slots.isEmpty ? "off" : "\(first)–\(last)"
            let changed = day.slots.count != day.currentCount
            let date = CharWidth.pad(String(Format.day(day.date).prefix(10)), to: 10)
            let counts = CharWidth.pad("\(day.slots.count) (\(day.currentCount))", to: 8)
            buffer.write(
                "\(date) \(counts) \(span)", x: px, y: y,
                role: changed ? .warning : .normal, clip: area)
            y += 1
        }
        if !preview.stranded.isEmpty {
            let top = side ? area.y + 14 : y + 1
            Painter.paragraph(
                &buffer, "Booked outside the new hours: " + preview.stranded.joined(separator: ", ") + ". Move or cancel them first.",
                in: Rect(x: area.x, y: top, width: area.width, height: max(0, min(3, bottom - 2 - top))), role: .error)
        }
    }
}

extension HoursEditorModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { HoursEditorScreen(model: self).paint(into: &buffer, area: area) }
}
