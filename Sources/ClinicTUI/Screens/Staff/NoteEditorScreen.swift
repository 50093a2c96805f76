import ClinicCore

/// Paints the visit and its note field.
struct NoteEditorScreen {
    let model: NoteEditorModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        let a = model.appointment
        OneFieldForm.paint(
            heading: "\(a.patient.name), \(Format.dateTime(a.start, model.context.timeZone)): \(a.reason)",
            field: model.text, labelWidth: 8,
            hint: "Enter saves (an empty note removes it); Esc keeps the note as it was.", error: model.message,
            into: &buffer, area: area)
    }
}

extension NoteEditorModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { NoteEditorScreen(model: self).paint(into: &buffer, area: area) }
}
