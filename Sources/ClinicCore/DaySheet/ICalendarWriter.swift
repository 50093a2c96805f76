/// iCalendar content lines (RFC 5545 §3.1) written into bytes: each line
/// folded so no physical line is longer than 75 octets (a CRLF and a space
/// before each continuation, never inside a UTF-8 sequence), every line
/// ending in CRLF; TEXT values escaped (§3.3.11: `\\`, `\;`, `\,`, `\n`).
/// A line is gathered in a scratch buffer (`begin`, `raw`, `escaped`) and
/// folded into the calendar by `end`: a day of thousands of visits is written
/// without a string per property.
struct ICalendarWriter {
    /// The calendar so far.
    private(set) var bytes: [UInt8] = []
    /// The content line being gathered.
    private var pending: [UInt8] = []

    /// A writer whose calendar is expected to take about `capacity` bytes.
    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// Longest physical line, in octets, without its CRLF (§3.1).
    static let maxOctets = 75

    /// A whole content line (already escaped where it is TEXT).
    mutating func line(_ text: String) {
        begin(text)
        end()
    }

    /// `NAME:value` with `value` escaped as TEXT.
    mutating func text(_ name: String, _ value: String) {
        begin(name)
        raw(":")
        escaped(value)
        end()
    }

    /// Starts a content line with `text` as it is (a name, its parameters).
    mutating func begin(_ text: String) {
        pending.removeAll(keepingCapacity: true)
        pending.append(contentsOf: text.utf8)
    }

    /// Appends `text` as it is (a name, a parameter, an escape already written).
    mutating func raw(_ text: String) { pending.append(contentsOf: text.utf8) }

    /// Appends `text` escaped as a TEXT value: backslash, semicolon, comma and
    /// line breaks (CRLF, LF or CR as `\n`); other ASCII control characters,
    /// which a content line may not hold, as `�`.
    mutating func escaped(_ text: String) { Self.escape(text, into: &pending) }

    /// Folds the gathered line into the calendar and ends it with CRLF.
    mutating func end() {
        var start = 0, limit = Self.maxOctets
        while pending.count - start > limit {
            var cut = start + limit
            while pending[cut] & 0xC0 == 0x80 { cut -= 1 }  // back to the first byte of the character
            bytes.append(contentsOf: pending[start..<cut])
            bytes.append(contentsOf: [0x0D, 0x0A, 0x20])
            start = cut
            limit = Self.maxOctets - 1  // the leading space counts
        }
        bytes.append(contentsOf: pending[start...])
        bytes.append(contentsOf: [0x0D, 0x0A])
    }

    /// `text` escaped as a TEXT value (see `escaped(_:)`).
    static func escaped(_ text: String) -> String {
        var out: [UInt8] = []
        escape(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func escape(_ text: String, into out: inout [UInt8]) {
        var previousCR = false
        for byte in text.utf8 {
            defer { previousCR = byte == 0x0D }
            switch byte {
            case 0x5C, 0x3B, 0x2C: out.append(0x5C); out.append(byte)  // \ ; ,
            case 0x0A: if !previousCR { out.append(contentsOf: [0x5C, 0x6E]) }  // a CRLF's LF was written with its CR
            case 0x0D: out.append(contentsOf: [0x5C, 0x6E])
            case 0x09: out.append(byte)
            case 0..<0x20, 0x7F: out.append(contentsOf: [0xEF, 0xBF, 0xBD])  // U+FFFD
            default: out.append(byte)
            }
        }
    }
}
