/// The one rule for text the clinic stores (issue 11), used at every boundary
/// (CLI, kiosk and staff screens through the store, the SMS webhook): names,
/// emails, phones as typed, specializations, genders, reasons, cancellation
/// reasons, doctors' notes, time-off notes, the clinic's name, SMS bodies
/// and numbers.
///
/// Stored text is printed on staff terminals and in tables, where a control
/// character acts (an escape sequence clears the screen, a NUL cuts the text
/// short) and a bidirectional override or isolate (U+202A–U+202E,
/// U+2066–U+2069) makes a line read in another order than it is stored.
/// Such text is refused with `invalid_input`; printers show anything of the
/// kind already stored through `neutralised(_:)`. Joiners (U+200C, U+200D)
/// and the left-to-right / right-to-left marks stay allowed: emoji sequences,
/// Indic and Persian names need them, and they cannot reorder a line.
public enum StoredText {
    /// Whether `scalar` is a bidirectional embedding, override or isolate control.
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// Whether `scalar` is never stored: C0 and C1 controls and DEL (except a
    /// tab, line feed or carriage return in multi-line text), the line and
    /// paragraph separators in one-line text, and bidi controls.
    public static func isRefused(_ scalar: Unicode.Scalar, multiline: Bool = false) -> Bool {
        if isBidiControl(scalar) { return true }
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return !multiline
        case 0x2028, 0x2029: return !multiline
        // General category Cc is exactly C0, DEL and C1 (fixed by Unicode's stability policy):
        // compared by value, as asking for the category costs more than printing the scalar.
        default: return scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
        }
    }

    /// The first scalar of `text` that is never stored, if any.
    public static func firstRefused(in text: String, multiline: Bool = false) -> Unicode.Scalar? {
        text.unicodeScalars.first { isRefused($0, multiline: multiline) }
    }

    /// Refuses `text` (as it is: no trimming) when it holds a scalar that is
    /// never stored. For values with rules of their own after this one
    /// (emails, phones, SMS fields); `what` names it in the refusal.
    public static func check(_ text: String, what: String, field: ClinicError.Field? = nil, multiline: Bool = false) throws {
        guard let bad = firstRefused(in: text, multiline: multiline) else { return }
        throw ClinicError(.invalidInput, refusal(what, bad, multiline: multiline), field: field)
    }

    /// Text people typed, checked for storing: trimmed, refused when it holds
    /// a scalar that is never stored, when it is longer than `limit`
    /// characters (Unicode scalars, as the schema's CHECKs count), or, when
    /// `required`, when nothing is left. `what` names it ("the reason").
    public static func checked(
        _ text: String, what: String, field: ClinicError.Field? = nil, limit: Int,
        multiline: Bool = false, required: Bool = false
    ) throws -> String {
        if let plain = plainASCII(text, limit: limit, required: required) { return plain }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        try check(trimmed, what: what, field: field, multiline: multiline)
        if required && trimmed.isEmpty { throw ClinicError(.invalidInput, "\(what) is required", field: field) }
        let length = trimmed.unicodeScalars.count
        guard length <= limit else {
            throw ClinicError(.invalidInput, "\(what) is too long (\(length) characters; \(limit) at most)", field: field)
        }
        return trimmed
    }

    /// `text` itself when it is printable ASCII with nothing to trim and
    /// within `limit`: what `checked` returns for it, without Foundation's
    /// trimming (a measured share of a booking's time in the API's writer).
    /// Nil sends anything else through the full rule.
    private static func plainASCII(_ text: String, limit: Int, required: Bool) -> String? {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return required ? nil : text }
        guard first != 0x20, last != 0x20, utf8.count <= limit else { return nil }
        return utf8.allSatisfy({ (0x20...0x7E).contains($0) }) ? text : nil
    }

    /// `text` safe to print on a terminal: each scalar that is never stored
    /// becomes U+FFFD (�), and so do tabs and line breaks unless
    /// `keepingLineBreaks` (multi-line text printed as lines).
    public static func neutralised(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { isRefused($0, multiline: keepingLineBreaks) }) else { return text }
        var scalars = String.UnicodeScalarView()
        for s in text.unicodeScalars { scalars.append(isRefused(s, multiline: keepingLineBreaks) ? "\u{FFFD}" : s) }
        return String(scalars)
    }

    private static func refusal(_ what: String, _ bad: Unicode.Scalar, multiline: Bool) -> String {
        let digits = String(bad.value, radix: 16, uppercase: true)
        let hex = "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        if isBidiControl(bad) {
            return "\(what) must not contain text-direction controls (\(hex) found): they make a line read in another order"
        }
        return multiline
            ? "\(what) must not contain control characters (\(hex) found)"
            : "\(what) must be one line of text, without control characters (\(hex) found)"
    }
}
