import Foundation

/// The VTIMEZONE of the clinic's IANA zone for a calendar of one day (RFC
/// 5545 §3.6.5), built from the zone's real transitions (Foundation's
/// `nextDaylightSavingTimeTransition(after:)`, the toolchain's ICU rules)
/// rather than recurrence rules: the transition in force when the day
/// begins, every transition during the day (a DST change day), and the next
/// one after it. Each is a STANDARD or DAYLIGHT sub-component with its local
/// DTSTART (the wall clock before the change), TZOFFSETFROM and TZOFFSETTO.
/// A zone without transitions near the day (Asia/Kolkata) gets one STANDARD
/// with its fixed offset.
enum ICalendarTimeZone {
    /// How far before and after the day transitions are looked for.
    static let reach: Int64 = 400 * 86_400

    /// One change of offset.
    struct Transition: Equatable {
        /// The instant of the change (unix seconds).
        let at: Int64
        let offsetFrom: Int
        let offsetTo: Int
        let daylight: Bool
    }

    /// The transitions a calendar of `[from, to)` needs (see the type's note).
    static func transitions(_ zone: ClinicTimeZone, from: Int64, to: Int64) -> [Transition] {
        var all: [Transition] = []
        var cursor = Date(timeIntervalSince1970: TimeInterval(from - reach))
        while let next = zone.zone.nextDaylightSavingTimeTransition(after: cursor), next.timeIntervalSince1970 < TimeInterval(to + reach) {
            let at = Int64(next.timeIntervalSince1970.rounded())
            all.append(
                Transition(
                    at: at, offsetFrom: zone.offset(at: at - 1), offsetTo: zone.offset(at: at),
                    daylight: zone.zone.isDaylightSavingTime(for: Date(timeIntervalSince1970: TimeInterval(at)))))
            cursor = next
        }
        var chosen = all.filter { $0.at > from && $0.at < to }
        if let before = all.last(where: { $0.at <= from }) { chosen.insert(before, at: 0) }
        if let after = all.first(where: { $0.at >= to }) { chosen.append(after) }
        if chosen.first.map({ $0.at > from }) ?? true {
            // Nothing in force from before the day is known: the day begins at a fixed offset.
            let offset = zone.offset(at: from)
            let daylight = zone.zone.isDaylightSavingTime(for: Date(timeIntervalSince1970: TimeInterval(from)))
            chosen.insert(Transition(at: Self.epochStart(offset), offsetFrom: offset, offsetTo: offset, daylight: daylight), at: 0)
        }
        return chosen
    }

    /// The instant whose wall clock reads 1970-01-01 00:00 at `offset`.
    static func epochStart(_ offset: Int) -> Int64 { -Int64(offset) }

    /// Writes the VTIMEZONE for a calendar of `[from, to)`.
    static func write(_ zone: ClinicTimeZone, from: Int64, to: Int64, into ics: inout ICalendarWriter) {
        ics.line("BEGIN:VTIMEZONE")
        ics.line("TZID:" + zone.identifier)
        for t in transitions(zone, from: from, to: to) {
            let kind = t.daylight ? "DAYLIGHT" : "STANDARD"
            ics.line("BEGIN:" + kind)
            ics.line("DTSTART:" + localDateTime(t.at, offset: t.offsetFrom))
            ics.line("TZOFFSETFROM:" + offset(t.offsetFrom))
            ics.line("TZOFFSETTO:" + offset(t.offsetTo))
            ics.line("END:" + kind)
        }
        ics.line("END:VTIMEZONE")
    }

    /// `20260308T020000`: the wall clock of `instant` at `offset` seconds from UTC (a DATE-TIME in local form).
    static func localDateTime(_ instant: Int64, offset: Int) -> String {
        let wall = instant + Int64(offset)
        let days = Int((wall >= 0 ? wall : wall - 86_399) / 86_400)
        let second = Int(wall - Int64(days) * 86_400)
        let d = LocalDate(daysSinceEpoch: days)
        return "\(pad(d.year, 4))\(pad(d.month, 2))\(pad(d.day, 2))T\(pad(second / 3600, 2))\(pad(second / 60 % 60, 2))\(pad(second % 60, 2))"
    }

    /// `-0500`, `+0530`, `+0000` (a UTC-OFFSET; seconds only when there are some).
    static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let s = abs(seconds)
        return sign + pad(s / 3600, 2) + pad(s / 60 % 60, 2) + (s % 60 == 0 ? "" : pad(s % 60, 2))
    }
}
