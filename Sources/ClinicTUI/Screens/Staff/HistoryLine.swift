import ClinicCore

/// One audit row as the details screen shows it: when, the move in words,
/// who by name (the role only when the account is gone, or the scheduler),
/// the channel, and the note. A move reads `moved from Tue 3 Mar 2026 14:00
/// to Wed 4 Mar 2026 10:00`, not `scheduled → scheduled (moved from <ISO>…)`.
enum HistoryLine {
    static func text(_ e: AppointmentEvent, zone: ClinicTimeZone, names: [Int64: String]) -> String {
        let who = e.actorID.flatMap { names[$0] }.map { "\($0) (\(e.actorRole))" } ?? e.actorRole
        var what = (e.from.map { Format.status($0) + " → " } ?? "") + Format.status(e.to)
        var note = e.note
        if let move = e.move {
            what = "moved from \(Format.dateTime(move.from, zone)) to \(Format.dateTime(move.to, zone))" + move.rest
            note = ""
        }
        return "\(Format.dateTime(e.at, zone))  \(what)  by \(who) via \(e.via.rawValue)" + (note.isEmpty ? "" : " (\(note))")
    }
}
