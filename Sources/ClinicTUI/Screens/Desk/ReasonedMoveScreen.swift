import ClinicCore

/// Paints the visit to change and the reason field.
struct ReasonedMoveScreen {
    let model: ReasonedMoveModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        let a = model.appointment
        OneFieldForm.paint(
            heading: "\(a.patient.name) with \(a.doctor.name), \(Format.dateTime(a.start, model.context.timeZone))",
            field: model.reason, labelWidth: 10, hint: model.hint, error: model.message,
            into: &buffer, area: area)
    }
}

extension ReasonedMoveModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { ReasonedMoveScreen(model: self).paint(into: &buffer, area: area) }
}
