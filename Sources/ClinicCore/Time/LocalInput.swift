import Foundation

/// Reads the dates and times people type (`2026-03-08`, `2026-03-08 09:30`)
/// as the clinic's wall-clock time; an ISO 8601 instant with an offset is
/// also accepted, which is how to name the second 01:30 of a fall-back night.
public enum LocalInput {
    /// A date `YYYY-MM-DD`.
    public static func date(_ text: String) throws -> LocalDate {
        guard let d = LocalDate(text.trimmingCharacters(in: .whitespaces)) else {
            throw ClinicError(.invalidInput, "'\(text)' is not a date YYYY-MM-DD")
        }
        return d
    }

    /// An instant from `YYYY-MM-DD HH:MM` in `zone`, or from ISO 8601 with offset.
    public static func instant(_ text: String, in zone: ClinicTimeZone) throws -> Int64 {
        let t = text.trimmingCharacters(in: .whitespaces)
        let parts = t.split(separator: " ", omittingEmptySubsequences: true)
        if parts.count == 2, let d = LocalDate(String(parts[0])), let time = LocalTime(String(parts[1])) {
            let found = zone.instants(of: d, minute: time.minutes)
            guard let first = found.first else {
                throw ClinicError(.invalidInput, "\(t) does not exist in \(zone.identifier) (the clocks jump forward then)")
            }
            return first
        }
        if t.contains("T"), let date = ISO8601Parsing.parse(t) {
            return Int64(date.timeIntervalSince1970.rounded(.down))
        }
        throw ClinicError(.invalidInput, "'\(text)' is not a local time 'YYYY-MM-DD HH:MM' (or ISO 8601 with an offset)")
    }
}
