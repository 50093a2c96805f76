/// iCalendar content lines (RFC 5545 §3.1) written into bytes: each line
/// folded so no physical line is longer than 75 octets (a CRLF and a space
/// before each continuation, never inside a UTF-8 sequence), every line
/// ending in CRLF; TEXT values escaped (§3.3.11: `\\`, `\;`, `\,`, `\n`).
struct ICalendarWriter {
    /// The calendar so far.
    private(set) var bytes: [UInt8] = []

    /// Longest physical line, in octets, without its CRLF (§3.1).
    static let maxOctets = 75

    /// Appends one content line (name, parameters, `:` and value, already
    /// escaped where it is TEXT), folded.
    mutating func line(_ text: String) {
        var used = 0
        for byte in text.utf8 {
            // A character's first byte: fold before it unless all its bytes fit
            // (a continuation byte, 10xxxxxx, always follows its first byte).
            if byte & 0xC0 != 0x80, used + Self.sequenceLength(byte) > Self.maxOctets {
                bytes.append(contentsOf: [0x0D, 0x0A, 0x20])
                used = 1
            }
            bytes.append(byte); used += 1
        }
        bytes.append(contentsOf: [0x0D, 0x0A])
    }

    /// The octets of the UTF-8 sequence that `first` starts.
    static func sequenceLength(_ first: UInt8) -> Int {
        first < 0x80 ? 1 : first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2
    }

    /// `NAME:value` with `value` escaped as TEXT.
    mutating func text(_ name: String, _ value: String) { line(name + ":" + Self.escaped(value)) }

    /// A TEXT value escaped: backslash, semicolon, comma and line breaks;
    /// other ASCII control characters (which a content line may not hold) become `�`.
    static func escaped(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0x5C || $0 == 0x3B || $0 == 0x2C }) else { return value }
        var out = ""
        var scalars = value.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let s = pending {
            pending = scalars.next()
            switch s {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r":
                if pending == "\n" { pending = scalars.next() }
                out += "\\n"
            case "\t": out.unicodeScalars.append(s)
            default:
                out.unicodeScalars.append(s.value < 0x20 || s.value == 0x7F ? "\u{FFFD}" : s)
            }
        }
        return out
    }
}
