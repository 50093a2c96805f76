import CNcursesw

extension Terminal {
    /// What reading the keyboard gave.
    enum Input: Equatable {
        case key(Key)
        /// Nothing within the wait (100 ms).
        case timeout
        /// The terminal is gone (ssh dropped, stdin closed): the program must end.
        case hangUp
    }

    /// Waits up to 100 ms for a key (`wait: false`: only takes one already typed).
    func read(wait: Bool = true) -> Input {
        if !wait { wtimeout(clinic_stdscr(), 0) }
        defer { if !wait { wtimeout(clinic_stdscr(), 100) } }
        var ch: UInt32 = 0
        clinic_clear_errno()
        let rc = clinic_get_wch(&ch)
        if rc == ERR {
            if clinic_errno() == EIO || clinic_stdin_is_tty() == 0 { return .hangUp }
            return .timeout
        }
        if rc == clinic_key_code_yes() {
            let code = Int32(bitPattern: ch)
            if code == clinic_key_paste_start() { return readPaste() }
            return Self.decodeSpecial(code).map { .key($0) } ?? .timeout
        }
        return Self.decode(scalar: ch).map { .key($0) } ?? .timeout
    }

    /// The most a paste brings (a field keeps at most its limit anyway).
    static let pasteLimit = 1 << 16

    /// The text between the terminal's paste brackets, as one key.
    private func readPaste() -> Input {
        var scalars = String.UnicodeScalarView()
        var count = 0
        while true {
            var ch: UInt32 = 0
            clinic_clear_errno()
            let rc = clinic_get_wch(&ch)
            if rc == ERR {
                if clinic_errno() == EIO || clinic_stdin_is_tty() == 0 { return .hangUp }
                break  // the end bracket never came: keep what arrived
            }
            if rc == clinic_key_code_yes() {
                if Int32(bitPattern: ch) == clinic_key_paste_end() { break }
                continue
            }
            count += 1
            if count <= Self.pasteLimit, let scalar = Unicode.Scalar(ch == 13 ? 10 : ch) { scalars.append(scalar) }
        }
        return .key(.paste(String(scalars)))
    }

    /// A plain character code as a key.
    static func decode(scalar value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(value + 96)!))
        case 28: return .ctrl("\\")
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .char(Character(scalar))
        }
    }

    /// A curses function-key code as a key.
    static func decodeSpecial(_ code: Int32) -> Key? {
        switch code {
        case clinic_key_up(): return .up
        case clinic_key_down(): return .down
        case clinic_key_left(): return .left
        case clinic_key_right(): return .right
        case clinic_key_home(): return .home
        case clinic_key_end(): return .end
        case clinic_key_ppage(): return .pageUp
        case clinic_key_npage(): return .pageDown
        case clinic_key_backspace(): return .backspace
        case clinic_key_dc(): return .delete
        case clinic_key_enter(): return .enter
        case clinic_key_btab(): return .backTab
        case clinic_key_resize(): return .resize
        default:
            for n in 1...12 where code == clinic_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }

    /// Whether standard input and output are a terminal (else the TUI cannot run).
    public static var isInteractive: Bool { clinic_stdin_is_tty() == 1 && clinic_stdout_is_tty() == 1 }
}
