import Foundation

/// A move's audit note, written and read in one place: `moved from <ISO 8601>
/// to <ISO 8601>`, and to another doctor ` from Dr A to Dr B` after it.
extension AppointmentEvent {
    static func moveNote(from old: Int64, to new: Int64, zone: ClinicTimeZone, doctors: (from: String, to: String)? = nil) -> String {
        "moved from \(zone.iso8601(old)) to \(zone.iso8601(new))" + (doctors.map { " from \($0.from) to \($0.to)" } ?? "")
    }

    /// A move's old and new starts and what follows them in its note (nil: the row is not a move).
    public var move: (from: Int64, to: Int64, rest: String)? {
        guard from == to else { return nil }
        let parts = note.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count >= 5, parts[0] == "moved", parts[1] == "from", parts[3] == "to",
            let old = ISO8601Parsing.parse(String(parts[2])), let new = ISO8601Parsing.parse(String(parts[4]))
        else { return nil }
        let rest = parts.count > 5 ? " " + parts[5...].joined(separator: " ") : ""
        return (Int64(old.timeIntervalSince1970), Int64(new.timeIntervalSince1970), rest)
    }
}
