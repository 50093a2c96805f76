/// An editable one-line field: value, cursor, optional masking, a length limit
/// and a field-level error (from the core's validation) shown under it.
public struct TextField: Sendable, Equatable {
    public let label: String
    public private(set) var value: String
    public private(set) var cursor: Int
    /// Shown as `•` (passwords).
    public let masked: Bool
    public let maxLength: Int
    /// Why the value was refused, shown under the field.
    public var error: String?
    /// Whether the value changed since it was set.
    public private(set) var edited = false

    public init(_ label: String, value: String = "", masked: Bool = false, maxLength: Int = 200) {
        self.label = label; self.value = value; self.cursor = value.count
        self.masked = masked; self.maxLength = maxLength
    }

    /// Replaces the value (not an edit).
    public mutating func set(_ text: String) { value = text; cursor = text.count; edited = false }

    /// Applies an editing key; returns whether the field used it.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(value.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = value.count
        case .backspace:
            guard cursor > 0 else { return true }
            value.remove(at: value.index(value.startIndex, offsetBy: cursor - 1)); cursor -= 1; changed()
        case .delete:
            guard cursor < value.count else { return true }
            value.remove(at: value.index(value.startIndex, offsetBy: cursor)); changed()
        case .ctrl("u"): value = ""; cursor = 0; changed()
        default:
            if case .char(let c) = key, cursor > 0, c.unicodeScalars.allSatisfy(Self.joinsPrevious) {
                // A combining accent (typed after its letter, as input methods and
                // pasted decomposed text send it) becomes part of that letter.
                let at = value.index(value.startIndex, offsetBy: cursor)
                value.unicodeScalars.insert(contentsOf: c.unicodeScalars, at: at)
                changed()
                return true
            }
            guard let c = key.typedCharacter else { return false }
            guard value.count < maxLength else { return true }
            value.insert(c, at: value.index(value.startIndex, offsetBy: cursor)); cursor += 1; changed()
        }
        return true
    }

    /// What is shown: the value or its mask.
    public var shown: String { masked ? String(repeating: "•", count: value.count) : value }

    private mutating func changed() { edited = true; error = nil }

    /// Scalars that belong to the character before them: combining marks, the
    /// zero-width joiner and variation selectors.
    static func joinsPrevious(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return s.value == 0x200D || (0xFE00...0xFE0F).contains(s.value)
        }
    }
}
