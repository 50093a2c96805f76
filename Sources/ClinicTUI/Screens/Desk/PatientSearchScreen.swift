import ClinicCore

/// Paints the search field and the matching patients.
struct PatientSearchScreen {
    let model: PatientSearchModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        var area = area
        let heading =
            model.waitlist.map { "Waitlist for \($0.name): pick the patient." }
            ?? model.booking.map { "New visit with \($0.doctor.name) from \(Format.day($0.date)): pick the patient." }
        if let heading {
            buffer.write(heading, x: area.x, y: area.y, role: .label, clip: area)
            area = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2)
        }
        FormPainter.paint(Form([model.query]), into: &buffer, rect: Rect(x: area.x, y: area.y, width: area.width, height: 1), labelWidth: 14)
        buffer.write(
            Self.countLine(shown: model.results.count, matches: model.matches, more: model.moreThanCounted),
            x: area.x, y: area.y + 1, role: .dim, clip: area)
        if let error = model.error { buffer.write(error, x: area.x, y: area.y + 1, role: .error, clip: area) }
        if let a = model.byCode {
            let zone = model.context.timeZone
            buffer.write(
                "Appointment \(a.code): \(a.patient.name) with \(a.doctor.name), \(Format.dateTime(a.start, zone)), \(Format.status(a.status)) · Enter opens it",
                x: area.x, y: area.y + 2, role: .label, clip: area)
        }
        let rows = model.results.map { a in
            TableRow([a.name, model.ages[a.id].map(String.init) ?? "", a.phone ?? "—", a.email ?? "—"], role: a.active ? .normal : .dim)
        }
        var list = model.list
        TablePainter.paint(
            rows, columns: [Column("Name", width: 26), Column("Age", width: 3), Column("Phone", width: 14), Column("Email")], state: &list,
            into: &buffer, rect: Rect(x: area.x, y: area.y + 3, width: area.width, height: area.height - 3),
            empty: "No patient matches: Ctrl-N registers a walk-in.")
    }

    /// `1 match`, `4 matches`, `first 200 of 1,234 matches: type more`, `first 200 of over 2,000 matches: type more`.
    static func countLine(shown: Int, matches: Int, more: Bool) -> String {
        guard more || matches > shown else { return shown == 1 ? "1 match" : "\(Format.count(shown)) matches" }
        return "first \(shown) of \(more ? "over " : "")\(Format.count(matches)) matches: type more"
    }
}

extension PatientSearchModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { PatientSearchScreen(model: self).paint(into: &buffer, area: area) }
}
