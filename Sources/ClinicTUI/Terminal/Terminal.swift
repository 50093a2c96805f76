import CNcursesw
import ClinicCore
import Foundation

/// The real terminal through ncursesw: the only file that imports the C shim
/// (STYLE rule 8). It starts and restores curses, reads keys, and copies a
/// cell buffer out with the theme's look for the detected colour mode.
public final class Terminal {
    /// How many colours this terminal shows (mono under `NO_COLOR`).
    private(set) var colorMode: ColorMode = .mono
    private var started = false
    private var attributesByRole: [ThemeRole: Int32] = [:]
    private var previous: CellBuffer?

    init() {}

    /// Takes the terminal: raw keys (Ctrl-C, Ctrl-Z, Ctrl-\ arrive as keys, not
    /// signals), no echo, keypad decoding, invisible cursor, colours if any,
    /// bracketed paste. A crash from here on shows `crashMessage` on the
    /// restored terminal and sends the runtime's backtrace to stderr (the log
    /// file while curses is up), never to the screen. Throws when TERM names a
    /// terminal this machine does not know or one that cannot address the cursor.
    func start(theme: Theme, environment: [String: String], crashMessage: String) throws {
        clinic_set_locale()
        if environment["ESCDELAY"] == nil { setenv("ESCDELAY", "25", 1) }
        let term = environment["TERM"] ?? ""
        switch clinic_start_screen() {
        case 0: break
        case -1: throw TerminalError.unknown(term: term)
        default: throw TerminalError.notFullScreen(term: term)
        }
        started = true
        clinic_install_crash_handler(crashMessage)
        clinic_bracketed_paste(1)
        _ = raw()
        _ = noecho()
        _ = nonl()
        _ = keypad(clinic_stdscr(), true)
        Self.defineHomeAndEnd()
        _ = curs_set(0)
        wtimeout(clinic_stdscr(), 100)
        // COLORS is only filled in by start_color(): start colours first, then read how many.
        if Self.colorAllowed(environment: environment, hasColors: has_colors()) {
            _ = start_color()
            _ = use_default_colors()
        }
        colorMode = Self.detectMode(environment: environment, hasColors: has_colors(), colors: Int(clinic_colors()))
        apply(theme)
    }

    /// Home and End in every spelling terminals send, whatever TERM's entry
    /// says: tmux and screen send `ESC [1~` / `ESC [4~` even where TERM says
    /// xterm (`ESC OH` / `ESC OF`), and an unknown sequence would arrive as
    /// Esc plus stray keys — leaving a form and losing what was typed.
    private static func defineHomeAndEnd() {
        let home = ["\u{1B}[1~", "\u{1B}[7~", "\u{1B}[H", "\u{1B}OH"], end = ["\u{1B}[4~", "\u{1B}[8~", "\u{1B}[F", "\u{1B}OF"]
        for sequence in home { _ = define_key(sequence, clinic_key_home()) }
        for sequence in end { _ = define_key(sequence, clinic_key_end()) }
    }

    /// Which colour mode to use: none under `NO_COLOR` or without colours; 256 when offered; else 8.
    static func detectMode(environment: [String: String], hasColors: Bool, colors: Int) -> ColorMode {
        guard colorAllowed(environment: environment, hasColors: hasColors) else { return .mono }
        return colors >= 256 ? .colors256 : (colors >= 8 ? .colors8 : .mono)
    }

    /// Colour at all: the terminal has it and `NO_COLOR` is not set.
    static func colorAllowed(environment: [String: String], hasColors: Bool) -> Bool {
        hasColors && (environment["NO_COLOR"] ?? "").isEmpty
    }

    /// Sets up one colour pair per role and the attributes of each role.
    func apply(_ theme: Theme) {
        previous = nil
        for (index, role) in ThemeRole.allCases.enumerated() {
            let style = theme[role]
            var attrs: Int32 = 0
            let a = style.attributes(in: colorMode)
            if a.contains(.bold) { attrs |= clinic_a_bold() }
            if a.contains(.underline) { attrs |= clinic_a_underline() }
            if a.contains(.reverse) { attrs |= clinic_a_reverse() }
            if a.contains(.dim) { attrs |= clinic_a_dim() }
            if let colors = style.colors(in: colorMode), index + 1 < Int(clinic_color_pairs()) {
                _ = init_pair(Int16(index + 1), Int16(colors.fg), Int16(colors.bg))
                attrs |= clinic_color_pair(Int32(index + 1))
            }
            attributesByRole[role] = attrs
        }
    }

    /// The terminal's size now.
    var size: (width: Int, height: Int) { (Int(clinic_cols()), Int(clinic_lines())) }

    /// Copies a buffer to the screen, rewriting only rows that changed.
    func draw(_ buffer: CellBuffer) {
        let full = previous == nil || previous?.width != buffer.width || previous?.height != buffer.height
        if full { _ = wclear(clinic_stdscr()) }
        for y in 0..<buffer.height {
            if !full, let previous, (0..<buffer.width).allSatisfy({ previous[$0, y] == buffer[$0, y] }) { continue }
            drawRow(buffer, y)
        }
        previous = buffer
        _ = wrefresh(clinic_stdscr())
    }

    private func drawRow(_ buffer: CellBuffer, _ y: Int) {
        var x = 0
        while x < buffer.width {
            let role = buffer[x, y].role
            var text: [wchar_t] = []
            let start = x
            while x < buffer.width, buffer[x, y].role == role {
                let cell = buffer[x, y]
                if !cell.isContinuation { text += CharWidth.displayForm(cell.character).map { wchar_t(bitPattern: $0.value) } }
                x += 1
            }
            // The last cell of the screen cannot be written without scrolling on some terminals.
            if y == buffer.height - 1, x == buffer.width, text.count > 1 { text.removeLast() }
            _ = clinic_put(Int32(y), Int32(start), text, Int32(text.count), attributesByRole[role] ?? 0)
        }
    }

    /// Gives the terminal back as it was. Safe to call twice.
    func stop() {
        guard started else { return }
        started = false
        clinic_bracketed_paste(0)
        _ = curs_set(1)
        _ = endwin()
    }
}

/// Why the terminal could not be started, in words for the person at it.
public enum TerminalError: Error, CustomStringConvertible {
    case unknown(term: String)
    case notFullScreen(term: String)

    public var description: String {
        switch self {
        case .unknown(let term):
            return term.isEmpty
                ? "TERM is not set: set it to your terminal's type (e.g. TERM=xterm-256color)"
                : "this machine does not know the terminal type TERM=\(term): set TERM to one it knows (e.g. xterm-256color)"
        case .notFullScreen(let term):
            return "the terminal type TERM=\(term) cannot move the cursor, and the clinic needs a full-screen terminal (e.g. TERM=xterm-256color)"
        }
    }
}
