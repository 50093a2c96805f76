/// A parsed `application/x-www-form-urlencoded` body, strict about what
/// Twilio never sends: a bad `%` escape, a pair without `=`, or bytes that are
/// not UTF-8 make the whole body malformed (the listener answers 400).
public struct FormBody: Sendable, Equatable {
    /// Name–value pairs in the order they came (names may repeat).
    public let pairs: [(name: String, value: String)]

    /// Why a body was refused.
    public enum Malformed: Error, Equatable, Sendable {
        case badEscape, missingEquals, notUTF8
    }

    public init(pairs: [(name: String, value: String)]) { self.pairs = pairs }

    /// Parses raw body bytes.
    public init(bytes: some Collection<UInt8>) throws(Malformed) {
        var pairs: [(name: String, value: String)] = []
        var name: [UInt8] = [], value: [UInt8] = []
        var inValue = false, sawEquals = false, segmentEmpty = true
        var iterator = bytes.makeIterator()

        func finishSegment() throws(Malformed) {
            defer { name.removeAll(keepingCapacity: true); value.removeAll(keepingCapacity: true); inValue = false; sawEquals = false; segmentEmpty = true }
            if segmentEmpty { return }
            guard sawEquals else { throw .missingEquals }
            guard let n = String(validating: name, as: UTF8.self), let v = String(validating: value, as: UTF8.self) else { throw .notUTF8 }
            pairs.append((n, v))
        }
        func hex(_ b: UInt8?) -> UInt8? {
            guard let b else { return nil }
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        while let byte = iterator.next() {
            var decoded = byte
            switch byte {
            case UInt8(ascii: "&"):
                try finishSegment(); continue
            case UInt8(ascii: "=") where !inValue:
                inValue = true; sawEquals = true; segmentEmpty = false; continue
            case UInt8(ascii: "+"):
                decoded = UInt8(ascii: " ")
            case UInt8(ascii: "%"):
                guard let hi = hex(iterator.next()), let lo = hex(iterator.next()) else { throw .badEscape }
                decoded = hi << 4 | lo
            default:
                break
            }
            segmentEmpty = false
            if inValue { value.append(decoded) } else { name.append(decoded) }
        }
        try finishSegment()
        self.pairs = pairs
    }

    /// The first value of `name`, if present.
    public subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    public static func == (a: FormBody, b: FormBody) -> Bool {
        a.pairs.count == b.pairs.count && zip(a.pairs, b.pairs).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }
}
