/// Paints the day picker and the slots.
struct BookSlotScreen {
    let model: BookSlotModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        let zone = model.context.timeZone
        buffer.write("\(model.doctor.name) · \(model.doctor.specialization)", x: area.x, y: area.y, role: .title, clip: area)
        let free = model.slots.filter(\.free).count
        let day = "◂ [  \(Format.day(model.date))  ] ▸"
        let x = buffer.write(day, x: area.x, y: area.y + 1, role: .label, clip: area)
        buffer.write("  \(free) free of \(model.slots.count)", x: x, y: area.y + 1, role: .dim, clip: area)
        var top = area.y + 2
        if let notice = model.notice {
            buffer.write("! " + notice, x: area.x, y: top, role: .warning, clip: area)
            top += 1
        }
        let rows = model.slots.map { e in
            TableRow(
                [Format.time(e.slot.start, zone) + "–" + Format.time(e.slot.end, zone), e.free ? "free" : "taken"],
                role: e.free ? .slotFree : .slotTaken)
        }
        if area.width >= 60 {  // beside the slots: what `w` is for
            Painter.paragraph(
                &buffer, "Want an earlier visit? w: tell me when an earlier visit frees up (the waitlist; offers come by SMS).",
                in: Rect(x: area.x + 42, y: top + 1, width: area.width - 42, height: 4), role: .dim)
        }
        var list = model.list
        TablePainter.paint(
            rows, columns: [Column("Time", width: 14), Column("")], state: &list, into: &buffer,
            rect: Rect(x: area.x, y: top + 1, width: min(area.width, 40), height: area.y + area.height - top - 1),
            empty: Format.noSlots(on: model.date, today: model.context.today, works: model.works))
    }
}

extension BookSlotModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { BookSlotScreen(model: self).paint(into: &buffer, area: area) }
}
