/// A key press, decoded from the terminal.
@_spi(Tooling) public enum Key: Hashable, Sendable {
    case char(Character)
    case ctrl(Character)
    case up, down, left, right, home, end, pageUp, pageDown
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)
    case resize
    /// Text the terminal delivered as one paste (bracketed paste): typed into
    /// a focused field in one step, never read as keys.
    case paste(String)

    /// What a person sees for this key in the footer and help.
    var label: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Bksp"
        case .delete: return "Del"
        case .function(let n): return "F\(n)"
        case .resize: return "resize"
        case .paste: return "paste"
        }
    }

    /// The printable character this key types into a text field, if any.
    var typedCharacter: Character? {
        if case .char(let c) = self, TextField.typeable(c) != nil { return c }
        return nil
    }
}
