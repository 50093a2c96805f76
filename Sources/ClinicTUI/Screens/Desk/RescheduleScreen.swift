import ClinicCore

/// Paints the visit being moved, the day picker and the doctor's slots.
struct RescheduleScreen {
    let model: RescheduleModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        let a = model.appointment, zone = model.context.timeZone
        let to = model.doctor.id == a.doctor.id ? "" : " → \(model.doctor.name)'s slots"
        buffer.write(
            "\(a.patient.name) with \(a.doctor.name), now \(Format.dateTime(a.start, zone))\(to)", x: area.x, y: area.y,
            role: .title, clip: area)
        let x = buffer.write(model.day.label(today: model.context.today), x: area.x, y: area.y + 1, role: .label, clip: area)
        buffer.write("  \(model.slots.filter(\.free).count) free of \(model.slots.count)", x: x, y: area.y + 1, role: .dim, clip: area)
        if let notice = model.notice { buffer.write(notice.text, x: area.x, y: area.y + 2, role: notice.role, clip: area) }
        let rows = model.slots.map { e in
            let mine = e.code == a.code
            return TableRow(
                [Format.time(e.slot.start, zone) + "–" + Format.time(e.slot.end, zone), mine ? "this visit" : e.free ? "free" : "taken"],
                role: e.free ? .slotFree : .slotTaken)
        }
        var list = model.list
        TablePainter.paint(
            rows, columns: [Column("Time", width: 14), Column("")], state: &list, into: &buffer,
            rect: Rect(x: area.x, y: area.y + 3, width: min(area.width, 40), height: area.height - 3),
            empty: Format.noSlots(on: model.day.date, today: model.context.today, works: model.works))
    }
}

extension RescheduleModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { RescheduleScreen(model: self).paint(into: &buffer, area: area) }
}
