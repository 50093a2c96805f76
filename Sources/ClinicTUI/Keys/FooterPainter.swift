/// Paints the key footer from a screen's hints: `Enter select  Esc back …`,
/// dropping hints that do not fit rather than cutting one in half.
public enum FooterPainter {
    public static func paint(_ hints: [KeyHint], into buffer: inout CellBuffer, row y: Int) {
        buffer.fill(Rect(x: 0, y: y, width: buffer.width, height: 1), role: .footerLabel)
        var x = 0
        for hint in hints where hint.inFooter {
            let need = CharWidth.of(hint.keys) + CharWidth.of(hint.label) + 3
            if x + need > buffer.width { break }
            x = buffer.write(hint.keys, x: x, y: y, role: .footerKey)
            x = buffer.write(" " + hint.label + "  ", x: x, y: y, role: .footerLabel)
        }
    }
}

/// Paints the `?` help dialog: every binding of the screen, one per line.
public enum HelpPainter {
    public static func paint(title: String, hints: [KeyHint], into buffer: inout CellBuffer, area: Rect) {
        let keyWidth = min(20, (hints.map { CharWidth.of($0.keys) }.max() ?? 4) + 2)
        let lines = hints.map { CharWidth.pad($0.keys, to: keyWidth) + $0.label }
        let width = min(area.width - 2, max(36, (lines.map(CharWidth.of).max() ?? 0) + 4))
        let rect = area.centered(width: width, height: lines.count + 4)
        buffer.fill(rect, role: .dialog)
        Painter.box(&buffer, rect, title: "Keys: " + title, role: .dialog, titleRole: .dialogTitle)
        for (i, line) in lines.enumerated() where i < rect.height - 4 {
            buffer.write(line, x: rect.x + 2, y: rect.y + 1 + i, role: .dialog, clip: rect.inset(1))
        }
        buffer.write("any key closes", x: rect.x + 2, y: rect.y + rect.height - 2, role: .dialogTitle, clip: rect.inset(1))
    }
}
