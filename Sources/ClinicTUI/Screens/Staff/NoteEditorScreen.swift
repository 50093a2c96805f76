import ClinicCore

/// Paints the visit and its note: the lines above the one being edited, that
/// line as a field, the lines below; the keys' hint and the last error under them.
struct NoteEditorScreen {
    let model: NoteEditorModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        let a = model.appointment
        buffer.write("\(a.patient.name), \(Format.dateTime(a.start, model.context.timeZone)): \(a.reason)", x: area.x, y: area.y, role: .title, clip: area)
        let labelWidth = 8
        let room = max(3, area.height - 8)  // lines shown around the edited one
        let shownAbove = model.above.suffix(max(0, min(model.above.count, room - 1 - min(model.below.count, room / 2))))
        var y = area.y + 2
        if shownAbove.count < model.above.count { buffer.write("…", x: area.x + labelWidth, y: y - 1, role: .dim, clip: area) }
        for line in shownAbove {
            buffer.write(line, x: area.x + labelWidth, y: y, role: .normal, clip: area)
            y += 1
        }
        FormPainter.paint(Form([model.text]), into: &buffer, rect: Rect(x: area.x, y: y, width: area.width, height: 1), labelWidth: labelWidth)
        y += 1
        let shownBelow = model.below.prefix(max(0, room - shownAbove.count - 1))
        for line in shownBelow {
            buffer.write(line, x: area.x + labelWidth, y: y, role: .normal, clip: area)
            y += 1
        }
        if shownBelow.count < model.below.count { buffer.write("…", x: area.x + labelWidth, y: y, role: .dim, clip: area) }
        let hint = "Enter saves (an empty note removes it); Ctrl-N starts a new line; Esc keeps the note as it was."
        let below = Painter.paragraph(&buffer, hint, in: Rect(x: area.x, y: y + 1, width: area.width, height: 2), role: .dim)
        if let error = model.message {
            Painter.paragraph(&buffer, "✗ " + error, in: Rect(x: area.x, y: below + 1, width: area.width, height: 3), role: .error)
        }
    }
}

extension NoteEditorModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { NoteEditorScreen(model: self).paint(into: &buffer, area: area) }
}
