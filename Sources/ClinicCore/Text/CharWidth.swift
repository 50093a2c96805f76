/// Terminal cells of text: the one width function that text fields, tables,
/// the board, the cell buffer, the CLI's tables and the printed day sheet all use, so a column never
/// shifts whatever script a name is written in.
///
/// A character (grapheme cluster) is painted as its *display form*: the code
/// points a terminal is sent for it. Each code point takes the cells the C
/// library's `wcwidth` gives it (the table is generated from it), which is how
/// ncurses places them and how tmux and xterm draw them: `प्रि` takes three
/// cells, `각` written as jamo two, a combining accent none. Where terminals
/// disagree the display form leaves out what they disagree on: emoji skin
/// tones, the joined parts of a ZWJ sequence (`👩🏽‍⚕️` shows as `👩`),
/// variation selectors, joiners and bidi controls. Control characters and code
/// points the terminal cannot print show as `�`.
public enum CharWidth {
    /// Cells a code point takes where it is printed (0, 1 or 2; -1 when it cannot be).
    public static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v >= 0x20, v < 0x7F { return 1 }
        let ranges = CellWidthTable.ranges
        var low = 0, high = ranges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let r = ranges[mid]
            if v < r.0 { high = mid - 1 } else if v > r.1 { low = mid + 1 } else { return Int(r.2) }
        }
        return 1
    }

    /// Cells a character takes on screen: the sum over its display form.
    public static func of(_ c: Character) -> Int {
        if c.isASCII { return 1 }  // printable, or a control shown as `�`
        let scalars = c.unicodeScalars
        if let only = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex {
            // One code point (most text): its display form is itself, nothing, or `�`.
            let w = of(only)
            if w == 0 || isInvisibleControl(only) { return 0 }
            return w < 0 ? 1 : w
        }
        return displayForm(c).reduce(0) { $0 + of($1) }
    }

    /// Cells a string takes.
    public static func of(_ text: String) -> Int {
        if isPrintableASCII(text) { return text.utf8.count }
        var total = 0
        for c in text { total += of(c) }
        return total
    }

    /// Whether every byte of `text` is printable ASCII, one cell each: the
    /// common case, measured and cut without breaking it into characters.
    public static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// The code points a terminal is sent for a character (see the type's note).
    public static func displayForm(_ c: Character) -> [Unicode.Scalar] {
        if let ascii = c.asciiValue {
            // "\r\n" is one character; every ASCII control shows as one `�`.
            return ascii >= 0x20 && ascii < 0x7F ? [Unicode.Scalar(ascii)] : [replacement]
        }
        let scalars = Array(c.unicodeScalars)
        var out: [Unicode.Scalar] = []
        let isEmojiSequence = scalars.count > 1 && scalars.contains { $0.properties.isEmojiPresentation || $0.value == 0xFE0F }
        for (i, s) in scalars.enumerated() {
            if s.value == 0x200D {
                // A ZWJ emoji sequence shows its first part only; a joiner in a
                // script (Devanagari, Persian) only shapes, and terminals disagree on it.
                if isEmojiSequence { break }
                continue
            }
            if isInvisibleControl(s) { continue }
            if (0x1F3FB...0x1F3FF).contains(s.value), i > 0 { continue }  // skin tone after its emoji
            let w = of(s)
            if w < 0 { out.append(replacement); continue }
            if w == 0, out.isEmpty, i > 0 { continue }  // a mark whose base was left out
            out.append(s)
        }
        if out.first.map({ of($0) == 0 }) == true, out.contains(where: { of($0) > 0 }) {
            out.removeFirst(out.prefix { of($0) == 0 }.count)
        }
        return out
    }

    /// Format characters that steer rendering but show nothing: variation
    /// selectors, bidi embeddings / overrides / isolates / marks, tags, the
    /// zero-width space and joiners.
    public static func isInvisibleControl(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x600 { return false }  // below Arabic no code point steers rendering (U+00AD shows as a hyphen)
        if (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v) { return true }
        return s.properties.generalCategory == .format && v != 0x00AD
    }

    /// What a character the terminal cannot print shows as.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// The longest prefix of `text` that fits in `columns`, with `…` when cut.
    public static func truncate(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if isPrintableASCII(text) {
            return text.utf8.count <= columns ? text : String(decoding: text.utf8.prefix(columns - 1), as: UTF8.self) + "…"
        }
        if of(text) <= columns { return text }
        var out = "", used = 0
        for c in text {
            let w = of(c)
            if used + w > columns - 1 { break }
            out.append(c); used += w
        }
        return out + "…"
    }

    /// The longest suffix of `text` that fits in `columns` (no mark).
    public static func suffix(_ text: String, fitting columns: Int) -> Substring {
        var used = 0, start = text.endIndex
        while start > text.startIndex {
            let before = text.index(before: start)
            let w = of(text[before])
            if used + w > columns { break }
            used += w; start = before
        }
        return text[start...]
    }

    /// `text` padded with spaces (or truncated) to exactly `columns`.
    public static func pad(_ text: String, to columns: Int) -> String {
        if isPrintableASCII(text), text.utf8.count <= columns {
            return text.utf8.count == columns ? text : text + String(repeating: " ", count: columns - text.utf8.count)
        }
        let t = truncate(text, to: columns)
        return t + String(repeating: " ", count: max(0, columns - of(t)))
    }
}
