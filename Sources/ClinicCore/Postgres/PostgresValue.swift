/// One value sent to or read from PostgreSQL. Parameters and results travel in
/// PostgreSQL's text form; a result's column type picks the case.
public enum PostgresValue: Sendable, Hashable {
    case null
    case int(Int64)
    case double(Double)
    case bool(Bool)
    case text(String)
    case bytes([UInt8])

    /// The Swift shape of a column type.
    public enum Kind: Sendable { case int, double, bool, text, bytes, numeric }

    /// The value as PostgreSQL's text input reads it (nil for NULL); bytes in hex (`\x0aff`).
    public var textForm: String? {
        switch self {
        case .null: return nil
        case .int(let n): return String(n)
        case .double(let d): return String(d)
        case .bool(let b): return b ? "t" : "f"
        case .text(let s): return s
        case .bytes(let b): return "\\x" + b.map { hexDigits[Int($0 >> 4)] + hexDigits[Int($0 & 0xF)] }.joined()
        }
    }

    /// A result's text form read as `kind`; text that does not parse stays text.
    init(text: String, kind: Kind) {
        switch kind {
        case .int: self = Int64(text).map(Self.int) ?? .text(text)
        case .double: self = Double(text).map(Self.double) ?? .text(text)
        case .bool: self = .bool(text == "t")
        case .numeric: self = Int64(text).map(Self.int) ?? Double(text).map(Self.double) ?? .text(text)
        case .text: self = .text(text)
        case .bytes: self = Self.hex(text).map(Self.bytes) ?? .text(text)
        }
    }

    /// The type it is sent as: integers as `bigint` and numbers as `double precision`
    /// (so `? IS NULL OR x = ?` and `CASE WHEN ? = 1` have a type), text and NULL
    /// left for the server to infer from where they go (0).
    var typeOID: UInt32 {
        switch self {
        case .int: 20
        case .double: 701
        case .bool: 16
        case .bytes: 17
        case .text, .null: 0
        }
    }

    public var int: Int64? { if case .int(let n) = self { n } else { nil } }
    public var string: String? { if case .text(let s) = self { s } else { nil } }
    public var isNull: Bool { self == .null }

    private static func hex(_ text: String) -> [UInt8]? {
        guard text.hasPrefix("\\x") else { return nil }
        let digits = Array(text.utf8.dropFirst(2))
        guard digits.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(digits.count / 2)
        for i in stride(from: 0, to: digits.count, by: 2) {
            guard let hi = nibble(digits[i]), let lo = nibble(digits[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
        }
        return out
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

private let hexDigits = (0..<16).map { String($0, radix: 16) }

extension PostgresValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(nilLiteral: ()) { self = .null }
}
