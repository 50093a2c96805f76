/// What a screen's model asks the app to do after a key.
enum Effect {
    /// Nothing beyond repainting.
    case none
    /// The screen did not use the key: the app's own keys apply (`?`, `q`, `Esc`).
    case unhandled
    case push(any ScreenModel)
    case replace(any ScreenModel)
    case pop
    /// Pops back to the root (a signed-in home).
    case popToHome
    /// Pops back to the nearest screen below that matches (the root if none does).
    case popTo((any ScreenModel) -> Bool)
    /// Pops back to the root and opens a screen on it (a password reset's end: the sign-in over the welcome).
    case rootThen(any ScreenModel)
    /// Replaces the whole stack (after sign-in).
    case reset(any ScreenModel)
    case signOut
    case help
    case quit
}

/// A screen's state and behaviour (STYLE rule 5). Its painter lives in the
/// matching `…Screen.swift`, reached through `paint(into:area:)`.
protocol ScreenModel: AnyObject {
    /// Shown in the status line and the help title.
    var title: String { get }
    /// The keys this screen handles, for the footer and `?` help.
    var hints: [KeyHint] { get }
    /// Something typed would be lost by quitting.
    var isDirty: Bool { get }
    /// A text field has the focus: printable keys (`q`, `?`, `j`) are typed, not commands.
    var capturesText: Bool { get }
    /// Handles one key.
    func handle(_ key: Key) -> Effect
    /// Re-reads the data (another process changed the database).
    func reload()
    /// Whether work the screen runs on another thread brought new figures since
    /// the last call (the run loop repaints then).
    func takeBackgroundUpdate() -> Bool
    /// Paints the screen's body.
    func paint(into buffer: inout CellBuffer, area: Rect)
}

extension ScreenModel {
    var isDirty: Bool { false }
    var capturesText: Bool { false }
    func reload() {}
    func takeBackgroundUpdate() -> Bool { false }
}
