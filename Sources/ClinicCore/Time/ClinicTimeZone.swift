import Foundation

/// The clinic's IANA time zone and the wall-clock ↔ instant arithmetic the
/// rules need. Nothing here looks at the machine's own time zone.
public struct ClinicTimeZone: Sendable, Hashable {
    /// The Foundation zone (rules from the toolchain's ICU data).
    public let zone: TimeZone

    /// `nil` for an unknown identifier.
    public init?(identifier: String) {
        guard !identifier.isEmpty, let zone = TimeZone(identifier: identifier) else { return nil }
        self.zone = zone
        self.identifier = identifier
    }

    /// The IANA identifier as given, e.g. `America/New_York` (Foundation would report `UTC` as `GMT`).
    public let identifier: String

    /// UTC offset in seconds at an instant (unix seconds).
    public func offset(at instant: Int64) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
    }

    /// Every real instant whose wall-clock reading is `date` at `minute`
    /// (0 … 1440): none in a spring-forward gap, two in a repeated hour.
    public func instants(of date: LocalDate, minute: Int) -> [Int64] {
        let wall = Int64(date.daysSinceEpoch) * 86_400 + Int64(minute) * 60
        let before = Int64(offset(at: wall - 86_400))
        let after = Int64(offset(at: wall + 86_400))
        var found: [Int64] = []
        for off in before == after ? [before] : [before, after] {
            let candidate = wall - off
            if Int64(offset(at: candidate)) == off, !found.contains(candidate) { found.append(candidate) }
        }
        return found.sorted()
    }

    /// The instant that ends a wall-clock interval at `minute`: the later one
    /// in a repeated hour, the moment of the jump in a gap.
    public func endInstant(of date: LocalDate, minute: Int) -> Int64 {
        if let last = instants(of: date, minute: minute).last { return last }
        return gapTransition(of: date, minute: minute)
    }

    /// The instant that starts a wall-clock interval: the earlier one in a
    /// repeated hour, the moment of the jump in a gap.
    public func startInstant(of date: LocalDate, minute: Int) -> Int64 {
        if let first = instants(of: date, minute: minute).first { return first }
        return gapTransition(of: date, minute: minute)
    }

    /// The wall-clock reading of an instant.
    public func local(_ instant: Int64) -> LocalDateTime {
        let off = offset(at: instant)
        let wall = instant + Int64(off)
        let days = Int((wall >= 0 ? wall : wall - 86_399) / 86_400)
        let secondOfDay = Int(wall - Int64(days) * 86_400)
        return LocalDateTime(
            date: LocalDate(daysSinceEpoch: days), minute: secondOfDay / 60,
            second: secondOfDay % 60, offsetSeconds: off)
    }

    /// The wall-clock reading of a `Date`.
    public func local(_ date: Date) -> LocalDateTime { local(Int64(date.timeIntervalSince1970.rounded(.down))) }

    /// `HH:MM` for people, with the UTC offset when that wall time happens
    /// twice that day (the hour the clocks go back): `01:30 -04:00`.
    public func unambiguousTime(_ instant: Int64) -> String {
        let t = local(instant)
        let twice = [-3600, -1800, 1800, 3600].contains { shift in
            let other = local(instant + Int64(shift))
            return other.date == t.date && other.minute == t.minute
        }
        return twice ? "\(t.time) \(LocalDateTime.offsetText(t.offsetSeconds))" : t.time.description
    }

    /// ISO 8601 with the zone's offset at that instant: `2026-03-08T09:30:00-04:00`.
    public func iso8601(_ instant: Int64) -> String { local(instant).iso8601 }

    /// ISO 8601 in UTC with `Z`: `2026-03-02T12:00:00Z` (written by hand:
    /// a Foundation formatter costs more to make than a request to answer).
    public static func utcISO8601(_ instant: Int64) -> String {
        let days = Int((instant >= 0 ? instant : instant - 86_399) / 86_400)
        let second = Int(instant - Int64(days) * 86_400)
        let text = LocalDateTime(date: LocalDate(daysSinceEpoch: days), minute: second / 60, second: second % 60, offsetSeconds: 0).iso8601
        return text.dropLast(6) + "Z"
    }

    /// The first instant of a local day (midnight, or the jump if midnight is skipped).
    public func startOfDay(_ date: LocalDate) -> Int64 { startInstant(of: date, minute: 0) }

    private func gapTransition(of date: LocalDate, minute: Int) -> Int64 {
        let wall = Int64(date.daysSinceEpoch) * 86_400 + Int64(minute) * 60
        let before = Int64(offset(at: wall - 86_400))
        var low = wall - before - 86_400, high = wall - before + 86_400
        // Binary search for the first instant with the later offset.
        let later = offset(at: high)
        while high - low > 1 {
            let mid = low + (high - low) / 2
            if offset(at: mid) == later { high = mid } else { low = mid }
        }
        return high
    }
}

/// A wall-clock reading with the offset in force.
public struct LocalDateTime: Hashable, Sendable {
    public let date: LocalDate
    /// Minutes since local midnight.
    public let minute: Int
    public let second: Int
    /// UTC offset in seconds.
    public let offsetSeconds: Int

    /// `HH:MM`.
    public var time: LocalTime { LocalTime(minutes: minute)! }

    /// `2026-03-08T09:30:00-04:00`.
    public var iso8601: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(25)
        write(into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `iso8601`'s text, digit by digit: the API writes two of these per slot and appointment.
    public func write(into bytes: inout [UInt8]) {
        func digits(_ n: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var n = n
            if n >= divisor * 10 { bytes.append(contentsOf: String(n).utf8); return }  // a year past 9999
            while divisor > 0 { bytes.append(UInt8(ascii: "0") + UInt8(n / divisor)); n %= divisor; divisor /= 10 }
        }
        digits(date.year, 4); bytes.append(UInt8(ascii: "-")); digits(date.month, 2); bytes.append(UInt8(ascii: "-"))
        digits(date.day, 2); bytes.append(UInt8(ascii: "T")); digits(minute / 60, 2); bytes.append(UInt8(ascii: ":"))
        digits(minute % 60, 2); bytes.append(UInt8(ascii: ":")); digits(second, 2)
        let m = abs(offsetSeconds) / 60
        bytes.append(offsetSeconds < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        digits(m / 60, 2); bytes.append(UInt8(ascii: ":")); digits(m % 60, 2)
    }

    /// `+05:30`, `-04:00`, `+00:00`.
    public static func offsetText(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let m = abs(seconds) / 60
        return "\(sign)\(pad(m / 60, 2)):\(pad(m % 60, 2))"
    }
}
