import ClinicCore

/// Paints the key footer from a screen's hints: `Enter select  x cancel …`,
/// the screen's own keys first and the app's (`Esc back`, `q quit`) after
/// them, dropping hints that do not fit rather than cutting one in half. A
/// key that does nothing now is dimmed (`?` help says why), and is the first
/// to go when the keys that work need the room. `help` always keeps its
/// place at the end, and reads `more` when something was left out.
enum FooterPainter {
    static func paint(_ hints: [KeyHint], help: KeyHint? = nil, into buffer: inout CellBuffer, row y: Int) {
        buffer.fill(Rect(x: 0, y: y, width: buffer.width, height: 1), role: .footerLabel)
        var x = 0
        for hint in shown(hints, help: help, width: buffer.width) {
            let need = width(of: hint)
            if x + need > buffer.width { break }
            let enabled = hint.disabledReason == nil
            x = buffer.write(hint.keys, x: x, y: y, role: enabled ? .footerKey : .dim)
            x = buffer.write(" " + hint.label + "  ", x: x, y: y, role: enabled ? .footerLabel : .dim)
        }
    }

    /// The footer's hints in order: without the last disabled ones while they
    /// would push a working key off the line, then without the last ones that
    /// still do not fit; `help` last (`more` when any went).
    static func shown(_ hints: [KeyHint], help: KeyHint? = nil, width: Int) -> [KeyHint] {
        let all = hints.filter(\.inFooter)
        var shown = all
        let room = width - (help.map { Self.width(of: KeyHint(keys: $0.keys, label: "more")) } ?? 0)
        while shown.map(Self.width).reduce(0, +) > room, let last = shown.lastIndex(where: { $0.disabledReason != nil }) {
            shown.remove(at: last)
        }
        while shown.map(Self.width).reduce(0, +) > room, !shown.isEmpty { shown.removeLast() }
        guard let help else { return shown }
        return shown + [shown.count < all.count ? KeyHint(keys: help.keys, label: "more") : help]
    }

    /// Cells a hint takes: keys, a space, the label, two spaces.
    private static func width(of hint: KeyHint) -> Int { CharWidth.of(hint.keys) + CharWidth.of(hint.label) + 3 }
}

/// Paints the `?` help dialog: every binding of the screen, one per line; a
/// key that does nothing now says why, wrapped under its label.
enum HelpPainter {
    static func paint(title: String, hints: [KeyHint], into buffer: inout CellBuffer, area: Rect) {
        let keyWidth = min(20, (hints.map { CharWidth.of($0.keys) }.max() ?? 4) + 2)
        let widest = min(area.width - 2, 76)
        let lines = hints.flatMap { helpLines(of: $0, keyWidth: keyWidth, width: widest - 4) }
        let width = min(area.width - 2, max(36, (lines.map(CharWidth.of).max() ?? 0) + 4))
        let rect = area.centered(width: width, height: lines.count + 4)
        buffer.fill(rect, role: .dialog)
        Painter.box(&buffer, rect, title: "Keys: " + title, role: .dialog, titleRole: .dialogTitle)
        for (i, line) in lines.enumerated() where i < rect.height - 4 {
            buffer.write(line, x: rect.x + 2, y: rect.y + 1 + i, role: .dialog, clip: rect.inset(1))
        }
        buffer.write("any key closes", x: rect.x + 2, y: rect.y + rect.height - 2, role: .dialogTitle, clip: rect.inset(1))
    }

    /// A hint's lines: keys, label and, for a disabled key, why in brackets,
    /// wrapped to `width` under the label.
    static func helpLines(of hint: KeyHint, keyWidth: Int, width: Int) -> [String] {
        guard let reason = hint.disabledReason else { return [CharWidth.pad(hint.keys, to: keyWidth) + hint.label] }
        let wrapped = Painter.wrap("\(hint.label) (\(reason))", width: max(10, width - keyWidth))
        return wrapped.enumerated().map { i, text in CharWidth.pad(i == 0 ? hint.keys : "", to: keyWidth) + text }
    }
}
