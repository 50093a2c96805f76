/// An editable one-line field: value, cursor, optional masking, a length limit
/// and a field-level error (from the core's validation) shown under it.
///
/// Editing goes by grapheme cluster: ←/→, Backspace and Delete step over a
/// whole `प्रि`, `👩🏽‍⚕️` or `🇵🇱`, and a typed code point that joins the
/// character before it (a virama's consonant, a combining accent, a ZWJ's
/// emoji, a second regional indicator) becomes part of it. The cursor is kept
/// as a position in the text's UTF-8, so typing and pasting into a long value
/// stay cheap; the limit counts Unicode scalars, as the schema does.
@_spi(Tooling) public struct TextField: Sendable, Equatable {
    let label: String
    @_spi(Tooling) public private(set) var value: String
    /// Where the cursor is: a UTF-8 offset into `value`, always on a character boundary.
    private var offset: Int
    /// `value.unicodeScalars.count`, kept as edits go.
    private var scalarCount: Int
    /// Shown as `•` (passwords).
    let masked: Bool
    /// The most Unicode scalars the value may hold.
    let maxLength: Int
    /// Why the value was refused, shown under the field.
    var error: String?
    /// Whether the value changed since it was set.
    private(set) var edited = false

    @_spi(Tooling) public init(_ label: String, value: String = "", masked: Bool = false, maxLength: Int = 200) {
        self.label = label; self.value = value; self.offset = value.utf8.count
        self.scalarCount = value.unicodeScalars.count
        self.masked = masked; self.maxLength = maxLength
    }

    /// Replaces the value (not an edit).
    mutating func set(_ text: String) {
        value = text; offset = text.utf8.count; scalarCount = text.unicodeScalars.count; edited = false
    }

    /// The cursor as a count of characters before it.
    var cursor: Int { value[..<position].count }

    /// Whether the cursor is after the last character.
    var cursorAtEnd: Bool { offset == value.utf8.count }

    /// The text before the cursor, as shown (masked or not).
    var shownBeforeCursor: String {
        masked ? String(repeating: "•", count: cursor) : String(value[..<position])
    }

    /// The text from the cursor on, as shown.
    var shownAfterCursor: String {
        masked ? String(repeating: "•", count: value.count - cursor) : String(value[position...])
    }

    /// Applies an editing key; returns whether the field used it.
    mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .left: if position > value.startIndex { move(to: value.index(before: position)) }
        case .right: if position < value.endIndex { move(to: value.index(after: position)) }
        case .home, .ctrl("a"): offset = 0
        case .end, .ctrl("e"): offset = value.utf8.count
        case .backspace:
            guard position > value.startIndex else { return true }
            remove(value.index(before: position)..<position)
        case .delete:
            guard position < value.endIndex else { return true }
            remove(position..<value.index(after: position))
        case .ctrl("u"): value = ""; offset = 0; scalarCount = 0; changed()
        case .paste(let text): insert(text)
        default:
            guard case .char(let c) = key, let text = Self.typeable(c) else { return false }
            insert(text)
        }
        return true
    }

    /// Inserts text at the cursor in one step (a paste): line breaks and tabs
    /// become spaces, other control characters and bidi controls are dropped,
    /// and only whole characters that fit the limit go in.
    mutating func insert(_ raw: String) {
        var text = Self.cleaned(raw)
        if offset == 0 {
            // A mark or joiner with no character before it to join: nothing to attach it to.
            let scalars = text.unicodeScalars
            text = String(scalars[(scalars.firstIndex { !Self.joinsPrevious($0) } ?? scalars.endIndex)...])
        }
        let room = maxLength - scalarCount
        guard room > 0, !text.isEmpty else { return }
        let scalars = text.unicodeScalars.count
        if scalars > room {
            var kept = "", used = 0
            for c in text {
                let n = c.unicodeScalars.count
                if used + n > room { break }
                kept.append(c); used += n
            }
            text = kept
        }
        guard !text.isEmpty else { return }
        let at = position
        value.insert(contentsOf: text, at: at)
        scalarCount += text.unicodeScalars.count
        offset += text.utf8.count
        snapForward()
        changed()
    }

    /// What is shown: the value or its mask.
    var shown: String { masked ? String(repeating: "•", count: value.count) : value }

    private var position: String.Index { value.utf8.index(value.utf8.startIndex, offsetBy: offset) }

    private mutating func move(to index: String.Index) { offset = value.utf8.distance(from: value.utf8.startIndex, to: index) }

    private mutating func remove(_ range: Range<String.Index>) {
        scalarCount -= value.unicodeScalars[range].count
        let start = value.utf8.distance(from: value.utf8.startIndex, to: range.lowerBound)
        value.removeSubrange(range)
        offset = start
        snapForward()
        changed()
    }

    /// After an edit the text on both sides may have joined into one character
    /// (an accent typed after its letter; a letter typed before a mark): the
    /// cursor moves to the end of that character.
    private mutating func snapForward() {
        let scalars = value.unicodeScalars
        var i = position
        while i < value.endIndex, i.samePosition(in: value) == nil { i = scalars.index(after: i) }
        move(to: i)
    }

    private mutating func changed() { edited = true; error = nil }

    /// The text a typed key adds, if any: nothing for control characters and bidi controls.
    static func typeable(_ c: Character) -> String? {
        let text = cleaned(String(c))
        return text.isEmpty ? nil : text
    }

    /// `raw` as a field may hold it: one line, no control characters, no bidi
    /// embeddings, overrides or isolates (which can make a table lie).
    static func cleaned(_ raw: String) -> String {
        guard raw.unicodeScalars.contains(where: { isControl($0) || isBidiControl($0) }) else { return raw }
        var out = String.UnicodeScalarView()
        for s in raw.unicodeScalars {
            if s == "\n" || s == "\r" || s == "\t" {
                if out.last != " " { out.append(" ") }
            } else if !isControl(s), !isBidiControl(s) {
                out.append(s)
            }
        }
        return String(out)
    }

    /// Scalars that belong to the character before them: combining marks, the
    /// zero-width joiner and variation selectors.
    static func joinsPrevious(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return s.value == 0x200D || (0xFE00...0xFE0F).contains(s.value)
        }
    }

    static func isControl(_ s: Unicode.Scalar) -> Bool { s.properties.generalCategory == .control }

    /// U+202A–U+202E and U+2066–U+2069: they reorder the text around them.
    static func isBidiControl(_ s: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value)
    }
}
