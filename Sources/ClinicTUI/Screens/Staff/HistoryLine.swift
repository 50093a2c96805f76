import ClinicCore
import Foundation

/// One audit row as the details screen shows it: when, the move in words,
/// who by name (the role only when the account is gone, or the scheduler),
/// the channel, and the note. A move reads `moved from Tue 3 Mar 2026 14:00
/// to Wed 4 Mar 2026 10:00`, not `scheduled → scheduled (moved from <ISO>…)`.
enum HistoryLine {
    static func text(_ e: AppointmentEvent, zone: ClinicTimeZone, names: [Int64: String]) -> String {
        let who = e.actorID.flatMap { names[$0] }.map { "\($0) (\(e.actorRole))" } ?? e.actorRole
        var what = (e.from.map { Format.status($0) + " → " } ?? "") + Format.status(e.to)
        var note = e.note
        if let move = moveTimes(e.note), e.from == e.to {
            what = "moved from \(Format.dateTime(move.from, zone)) to \(Format.dateTime(move.to, zone))" + move.rest
            note = ""
        }
        return "\(Format.dateTime(e.at, zone))  \(what)  by \(who) via \(e.via.rawValue)" + (note.isEmpty ? "" : " (\(note))")
    }

    /// The two instants of the core's move note (`moved from <ISO 8601> to
    /// <ISO 8601>`), and what follows them (` from Dr A to Dr B`).
    static func moveTimes(_ note: String) -> (from: Int64, to: Int64, rest: String)? {
        let parts = note.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count >= 5, parts[0] == "moved", parts[1] == "from", parts[3] == "to",
            let from = ISO8601Parsing.parse(String(parts[2])), let to = ISO8601Parsing.parse(String(parts[4]))
        else { return nil }
        let rest = parts.count > 5 ? " " + parts[5...].joined(separator: " ") : ""
        return (Int64(from.timeIntervalSince1970), Int64(to.timeIntervalSince1970), rest)
    }
}
