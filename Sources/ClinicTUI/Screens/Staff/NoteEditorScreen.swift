import ClinicCore

/// Paints the visit and its note field.
struct NoteEditorScreen {
    let model: NoteEditorModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        let a = model.appointment
        buffer.write("\(a.patient.name), \(Format.dateTime(a.start, model.context.timeZone)): \(a.reason)",
                     x: area.x, y: area.y, role: .title, clip: area)
        FormPainter.paint(Form([model.text]), into: &buffer, rect: Rect(x: area.x, y: area.y + 2, width: area.width, height: 2), labelWidth: 8)
        buffer.write("Enter saves (an empty note removes it); Esc keeps the note as it was.", x: area.x, y: area.y + 5, role: .dim, clip: area)
        if let message = model.message {
            Painter.paragraph(&buffer, "✗ " + message, in: Rect(x: area.x, y: area.y + 7, width: area.width, height: 3), role: .error)
        }
    }
}

extension NoteEditorModel {
    public func paint(into buffer: inout CellBuffer, area: Rect) { NoteEditorScreen(model: self).paint(into: &buffer, area: area) }
}
