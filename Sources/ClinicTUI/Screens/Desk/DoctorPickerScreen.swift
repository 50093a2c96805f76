import ClinicCore

/// Paints the doctors a visit may move to.
struct DoctorPickerScreen {
    let model: DoctorPickerModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        var list = model.list
        let rows = model.doctors.map { TableRow([$0.name, $0.specialization, "\($0.slotMinutes) min"]) }
        TablePainter.paint(
            rows, columns: [Column("Doctor", width: 30), Column("Specialization", width: 24), Column("")], state: &list, into: &buffer,
            rect: Rect(x: area.x, y: area.y, width: area.width, height: area.height))
    }
}

extension DoctorPickerModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { DoctorPickerScreen(model: self).paint(into: &buffer, area: area) }
}
