import ClinicCore

/// Paints the doctor's waitlist: a heading with the count, the last notice,
/// one line per entry (place in line, patient, phone, who they wait for, the
/// days, the offer's code or how the entry ended), and under the table the
/// selected entry's reason and open offer in full.
struct WaitlistScreen {
    let model: WaitlistModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        let zone = model.context.timeZone
        let doctor = model.doctor
        buffer.write(
            "\(doctor.name) · \(doctor.specialization) · \(model.waiting) waiting" + (model.showingClosed ? " · closed entries shown" : ""),
            x: area.x, y: area.y, role: .title, clip: area)
        if let notice = model.notice {
            buffer.write(notice.text, x: area.x, y: area.y + 1, role: notice.role, clip: area)
        }
        let rows = model.entries.map { e in
            TableRow(
                [
                    e.position.map(String.init) ?? "–", e.patient.name, e.patient.phone ?? "—", e.wanted, Format.days(e.from, e.to),
                    e.openOffer?.code ?? Self.ending(e),
                ], role: e.position == nil ? .dim : e.openOffer == nil ? .normal : .warning)
        }
        var list = model.list
        let table = Rect(x: area.x, y: area.y + 3, width: area.width, height: max(0, area.height - 6))
        TablePainter.paint(
            rows,
            columns: [
                Column("#", width: 3), Column("Patient", width: 17), Column("Phone", width: 12), Column("Waits for", width: 16),
                Column("Days", width: 13), Column("Offer"),
            ],
            state: &list, into: &buffer, rect: table, empty: "No one is waiting for \(doctor.name): a adds a patient.")
        guard let e = model.selected else { return }
        let y = area.y + area.height - 2
        buffer.write("Reason: \(e.reason) · \(e.offers == 1 ? "1 offer" : "\(e.offers) offers") so far", x: area.x, y: y, role: .dim, clip: area)
        if let o = e.openOffer {
            let when = "\(Format.shortDay(zone.local(o.start).date)) \(Format.time(o.start, zone))"
            buffer.write(
                "Offer \(o.code): \(o.doctor.name), \(when), until \(Format.time(o.expiresAt, zone)) · TAKE \(o.code) by SMS",
                x: area.x, y: y + 1, role: .warning, clip: area)
        } else if let code = e.appointmentCode {
            buffer.write("Booked from the waitlist: \(code)", x: area.x, y: y + 1, role: .success, clip: area)
        }
    }

    /// What the offer column says for an entry without an open offer.
    static func ending(_ e: WaitlistEntry) -> String {
        switch e.state {
        case .waiting: return e.position == nil ? "past" : ""
        case .booked: return "booked"
        case .removed: return "removed"
        }
    }
}

extension WaitlistModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { WaitlistScreen(model: self).paint(into: &buffer, area: area) }
}
