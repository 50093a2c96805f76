/// Free text people type into the clinic (a visit's reason, a cancellation's
/// reason, a doctor's note, a time-off note), checked one way: trimmed, at
/// most `limit` characters (Unicode scalars, as the schema counts), and
/// without control characters — the text is printed on staff terminals and
/// in tables, where an escape sequence would act. Only multi-line text keeps
/// its line breaks (and tabs).
enum FreeText {
    /// The checked text. `what` names it in the refusal ("the reason").
    static func checked(_ text: String, what: String, limit: Int, multiline: Bool = false) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let length = trimmed.unicodeScalars.count
        guard length <= limit else {
            throw ClinicError(.invalidInput, "\(what) is too long (\(length) characters; \(limit) at most)")
        }
        let allowed: Set<Unicode.Scalar> = multiline ? ["\n", "\t"] : []
        if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && !allowed.contains($0) }) {
            throw ClinicError(.invalidInput, multiline ? "\(what) must not contain control characters"
                                                       : "\(what) must be one line of text, without control characters")
        }
        return trimmed
    }
}
