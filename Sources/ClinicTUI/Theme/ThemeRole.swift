/// What a painted cell is, never which colour it has: a theme maps each role to
/// colours and attributes (STYLE rule 7).
enum ThemeRole: String, CaseIterable, Sendable, Hashable {
    case normal, title, statusBar, footerKey, footerLabel, selection, dim, border
    case label, field, fieldFocus, error, success, warning, slotFree, slotTaken
    case statusScheduled, statusConfirmed, statusCheckedIn, statusCompleted, statusCancelled, statusNoShow
    case dialog, dialogTitle
}

/// Text attributes a terminal can show without colour.
struct TextAttributes: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    init(rawValue: UInt8) { self.rawValue = rawValue }
    static let bold = TextAttributes(rawValue: 1)
    static let underline = TextAttributes(rawValue: 2)
    static let reverse = TextAttributes(rawValue: 4)
    static let dim = TextAttributes(rawValue: 8)

    /// The names used in theme files.
    static let names: [String: TextAttributes] = [
        "normal": [], "bold": .bold, "underline": .underline, "reverse": .reverse, "dim": .dim,
    ]
}

/// How many colours the terminal shows (or `mono` for none, also under `NO_COLOR`).
enum ColorMode: String, Sendable, CaseIterable {
    case colors256 = "256", colors8 = "8", mono
}
