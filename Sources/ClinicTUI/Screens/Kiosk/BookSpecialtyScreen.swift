import ClinicCore

/// Paints BookSpecialtyModel.
struct BookSpecialtyScreen {
    let model: BookSpecialtyModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        let m = model
        var list = m.list
        buffer.write("Which kind of doctor do you need?", x: area.x, y: area.y, role: .title, clip: area)
        let rows = m.specialties.map { s in TableRow([s, "\(m.doctors.filter { $0.specialization == s }.count) doctor(s)"]) }
        TablePainter.paint(
            rows, columns: [Column("Specialization", width: 30), Column("")], state: &list, into: &buffer,
            rect: Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2),
            empty: m.error ?? "No doctors can be booked yet.")
    }
}

extension BookSpecialtyModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { BookSpecialtyScreen(model: self).paint(into: &buffer, area: area) }
}
