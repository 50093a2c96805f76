import ClinicCore

/// Paints EarliestSlotsModel: the first day searched, then day, time and doctor of each free slot.
struct EarliestSlotsScreen {
    let model: EarliestSlotsModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        let zone = model.context.timeZone
        buffer.write("\(model.specialty): earliest available", x: area.x, y: area.y, role: .title, clip: area)
        let x = buffer.write("From ◂ [  \(Format.day(model.from))  ] ▸", x: area.x, y: area.y + 1, role: .label, clip: area)
        buffer.write("  any doctor", x: x, y: area.y + 1, role: .dim, clip: area)
        var top = area.y + 2
        if let notice = model.notice {
            buffer.write("! " + notice, x: area.x, y: top, role: .warning, clip: area)
            top += 1
        }
        let rows = model.entries.map { e in
            TableRow(
                [Format.day(zone.local(e.slot.start).date), Format.time(e.slot.start, zone) + "–" + Format.time(e.slot.end, zone), e.doctor.name],
                role: .slotFree)
        }
        var list = model.list
        let days = model.found.map { $0.through.daysSinceEpoch - $0.from.daysSinceEpoch + 1 } ?? ClinicStore.nextFreeSlotsHorizonDays
        TablePainter.paint(
            rows, columns: [Column("Day", width: 16), Column("Time", width: 13), Column("Doctor")], state: &list, into: &buffer,
            rect: Rect(x: area.x, y: top + 1, width: area.width, height: area.y + area.height - top - 1),
            empty: "No free slot in the \(days) days from \(Format.day(model.from)): ] looks later.")
    }
}

extension EarliestSlotsModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { EarliestSlotsScreen(model: self).paint(into: &buffer, area: area) }
}
