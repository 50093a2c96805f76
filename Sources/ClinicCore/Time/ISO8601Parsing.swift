import Foundation

/// Parses instants written with an explicit offset or `Z`.
public enum ISO8601Parsing {
    /// `2026-03-08T09:30:00-04:00`, `2026-03-08T13:30:00Z`, with or without seconds.
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        // `YYYY-MM-DDTHH:MM…` is read here, and only here: a day or hour out of
        // range is refused, not rolled over (the formatter made 30 February 2 March).
        if hasCommonShape(bytes) { return parseCommon(bytes) }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let d = formatter.date(from: text) { return d }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = formatter.date(from: text) { return d }
        // Without seconds: 2026-03-08T09:30-04:00
        if let t = text.firstIndex(of: "T") {
            let rest = text[text.index(after: t)...]
            if rest.count >= 5, rest.prefix(5).contains(":"), rest.dropFirst(5).first != ":" {
                let withSeconds = text[...t] + rest.prefix(5) + ":00" + rest.dropFirst(5)
                formatter.formatOptions = [.withInternetDateTime]
                return formatter.date(from: String(withSeconds))
            }
        }
        return nil
    }

    /// Whether `b` starts `DDDD-DD-DDTDD:DD` (D a digit).
    static func hasCommonShape(_ b: [UInt8]) -> Bool {
        guard b.count >= 16 else { return false }
        for (i, c) in b.prefix(16).enumerated() {
            switch i {
            case 4, 7: if c != UInt8(ascii: "-") { return false }
            case 10: if c != UInt8(ascii: "T") { return false }
            case 13: if c != UInt8(ascii: ":") { return false }
            default: if c < 0x30 || c > 0x39 { return false }
            }
        }
        return true
    }

    /// The form clients send, read by hand (the API parses one per booking;
    /// building a formatter costs more than the booking's transaction):
    /// `YYYY-MM-DDTHH:MM[:SS[.fraction]]` then `Z` or `±HH:MM`; anything else,
    /// or a field out of range, is nil.
    static func parseCommon(_ b: [UInt8]) -> Date? {
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= b.count else { return nil }
            var n = 0
            for i in range {
                guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
                n = n * 10 + Int(b[i] - 0x30)
            }
            return n
        }
        func byte(_ i: Int, _ c: Character) -> Bool { i < b.count && b[i] == c.asciiValue! }
        guard b.count >= 17, let year = number(0..<4), byte(4, "-"), let month = number(5..<7), byte(7, "-"),
            let day = number(8..<10), byte(10, "T"), let hour = number(11..<13), byte(13, ":"), let minute = number(14..<16),
            let date = LocalDate(year: year, month: month, day: day), hour < 24, minute < 60
        else { return nil }
        var i = 16, second = 0
        var fraction = 0.0
        if byte(i, ":") {
            guard let s = number((i + 1)..<(i + 3)), s < 60 else { return nil }
            second = s; i += 3
            if byte(i, ".") {
                var scale = 0.1
                i += 1
                let start = i
                while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { fraction += Double(b[i] - 0x30) * scale; scale /= 10; i += 1 }
                guard i > start else { return nil }
            }
        }
        var offset = 0
        if byte(i, "Z"), i + 1 == b.count {
            offset = 0
        } else if byte(i, "+") || byte(i, "-"), i + 6 == b.count, let oh = number((i + 1)..<(i + 3)), byte(i + 3, ":"),
            let om = number((i + 4)..<(i + 6)), oh < 24, om < 60
        {
            offset = (oh * 60 + om) * 60 * (b[i] == UInt8(ascii: "-") ? -1 : 1)
        } else {
            return nil
        }
        let seconds = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offset)
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }
}
