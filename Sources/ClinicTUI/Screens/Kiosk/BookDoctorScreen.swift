import ClinicCore

/// Paints BookDoctorModel: the earliest-available row, then the doctors.
struct BookDoctorScreen {
    let model: BookDoctorModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        let m = model
        var list = m.list
        buffer.write("\(m.specialty): choose a doctor", x: area.x, y: area.y, role: .title, clip: area)
        let rows =
            [TableRow([BookDoctorModel.earliestRow, "the next free slots of all \(m.doctors.count)"], role: .slotFree)]
            + m.doctors.map { TableRow([$0.name, "\($0.slotMinutes) min visits"]) }
        TablePainter.paint(
            rows, columns: [Column("Doctor", width: 34), Column("")], state: &list, into: &buffer,
            rect: Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2))
    }
}

extension BookDoctorModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { BookDoctorScreen(model: self).paint(into: &buffer, area: area) }
}
