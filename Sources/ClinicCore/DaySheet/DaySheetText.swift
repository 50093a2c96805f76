/// The day sheet as plain text for a printer (`lp`) or a screen: a heading
/// with the clinic's name and the local date, then one block per doctor with
/// a table of visits (time, end, patient, phone, status, code, reason) whose
/// columns line up in terminal cells (`TextTable`, `CharWidth`) whatever
/// script the names are in. A time that happens twice that day (the hour the
/// clocks go back) carries its offset: `01:30 -05:00`. Long names and
/// reasons are cut to keep a row on a line; stored control characters print
/// as `�`.
public enum DaySheetText {
    /// Cells a patient's name may take before it is cut with `…`.
    static let nameCells = 28
    /// Cells a reason may take before it is cut with `…`.
    static let reasonCells = 40

    /// The sheet's text, lines ending in a line feed.
    public static func render(_ sheet: DaySheet) -> String {
        let zone = sheet.timeZone
        var times = DaySheetTimes(zone)
        var lines = [
            TextTable.printable(sheet.clinicName),
            "Day sheet for \(sheet.dateInWords) (\(zone.identifier))",
        ]
        for doctor in sheet.doctors {
            lines.append("")
            let what = doctor.active ? doctor.specialization : "\(doctor.specialization), deactivated"
            lines.append(TextTable.printable("\(doctor.name) · \(what)"))
            guard !doctor.visits.isEmpty else {
                lines.append("  " + doctor.emptyNote(on: sheet.date))
                continue
            }
            var table = TextTable(["TIME", "END", "PATIENT", "PHONE", "STATUS", "CODE", "REASON"])
            for a in doctor.visits {
                table.add([
                    times.time(a.start), times.time(a.end),
                    CharWidth.truncate(TextTable.printable(a.patient.name), to: nameCells), a.patient.phone ?? "—",
                    a.status.words, a.code, CharWidth.truncate(TextTable.printable(a.reason), to: reasonCells),
                ])
            }
            lines += table.lines.map { "  " + $0 }
            let active = doctor.visits.filter(\.status.isActive).count
            lines.append("  \(Plural.count(doctor.visits.count, "appointment")), \(active) still open")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
