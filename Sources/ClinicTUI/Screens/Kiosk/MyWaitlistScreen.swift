import ClinicCore

/// Paints the patient's waitlist entries and, for the selected one, the
/// offer open for them in words.
struct MyWaitlistScreen {
    let model: MyWaitlistModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        let zone = model.context.timeZone
        buffer.write(
            "We text you when a visit frees up; reply TAKE and the code within 15 minutes.", x: area.x, y: area.y, role: .dim,
            clip: area)
        if let notice = model.notice {
            buffer.write(notice.text, x: area.x, y: area.y + 1, role: notice.role, clip: area)
        }
        let rows = model.entries.map { e in
            TableRow(
                [e.wanted, e.position.map { "number \($0)" } ?? "", Format.days(e.from, e.to), e.openOffer.map { "TAKE \($0.code)" } ?? ""],
                role: e.openOffer == nil ? .normal : .warning)
        }
        var list = model.list
        TablePainter.paint(
            rows, columns: [Column("Waiting for", width: 26), Column("In line", width: 10), Column("Days", width: 14), Column("Offer")],
            state: &list, into: &buffer, rect: Rect(x: area.x, y: area.y + 3, width: area.width, height: max(0, area.height - 6)),
            empty: "You are not on a waitlist. On a doctor's day, w asks for an earlier visit.")
        guard let o = model.selected?.openOffer else { return }
        let when = "\(Format.shortDay(zone.local(o.start).date)) at \(Format.time(o.start, zone))"
        Painter.paragraph(
            &buffer, "A visit with \(o.doctor.name) on \(when) is yours if you reply TAKE \(o.code) by \(Format.time(o.expiresAt, zone)).",
            in: Rect(x: area.x, y: area.y + area.height - 2, width: area.width, height: 2), role: .warning)
    }
}

extension MyWaitlistModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { MyWaitlistScreen(model: self).paint(into: &buffer, area: area) }
}
