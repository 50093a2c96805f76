/// What a painted cell is, never which colour it has: a theme maps each role to
/// colours and attributes (STYLE rule 7).
public enum ThemeRole: String, CaseIterable, Sendable, Hashable {
    case normal, title, statusBar, footerKey, footerLabel, selection, dim, border
    case label, field, fieldFocus, error, success, warning, slotFree, slotTaken
    case statusScheduled, statusConfirmed, statusCheckedIn, statusCompleted, statusCancelled, statusNoShow
    case dialog, dialogTitle
}

/// Text attributes a terminal can show without colour.
public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1)
    public static let underline = TextAttributes(rawValue: 2)
    public static let reverse = TextAttributes(rawValue: 4)
    public static let dim = TextAttributes(rawValue: 8)

    /// The names used in theme files.
    static let names: [String: TextAttributes] = [
        "normal": [], "bold": .bold, "underline": .underline, "reverse": .reverse, "dim": .dim,
    ]
}

/// How many colours the terminal shows (or `mono` for none, also under `NO_COLOR`).
public enum ColorMode: String, Sendable, CaseIterable {
    case colors256 = "256", colors8 = "8", mono
}
