import ClinicCore

/// Paints the visit to cancel and the reason field.
struct CancelVisitScreen {
    let model: CancelVisitModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        let a = model.appointment
        OneFieldForm.paint(
            heading: "\(a.patient.name) with \(a.doctor.name), \(Format.dateTime(a.start, model.context.timeZone))",
            field: model.reason, labelWidth: 10, hint: "Enter cancels the visit; Esc keeps it.", error: model.message,
            into: &buffer, area: area)
    }
}

extension CancelVisitModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { CancelVisitScreen(model: self).paint(into: &buffer, area: area) }
}
