import ClinicCore

/// Small drawing helpers shared by widgets and screens.
enum Painter {
    /// A box border (single line) around `rect`, with an optional title.
    static func box(
        _ buffer: inout CellBuffer, _ rect: Rect, title: String? = nil, role: ThemeRole = .border,
        titleRole: ThemeRole = .title
    ) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let right = rect.x + rect.width - 1, bottom = rect.y + rect.height - 1
        let horizontal = String(repeating: "─", count: rect.width - 2)
        buffer.write("┌" + horizontal + "┐", x: rect.x, y: rect.y, role: role)
        buffer.write("└" + horizontal + "┘", x: rect.x, y: bottom, role: role)
        for y in (rect.y + 1)..<bottom {
            buffer.write("│", x: rect.x, y: y, role: role)
            buffer.write("│", x: right, y: y, role: role)
        }
        if let title, rect.width > 6 {
            buffer.write(" " + CharWidth.truncate(title, to: rect.width - 6) + " ", x: rect.x + 2, y: rect.y, role: titleRole)
        }
    }

    /// Text wrapped on spaces to `width` columns.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                let candidate = line.isEmpty ? String(word) : line + " " + word
                if CharWidth.of(candidate) <= width { line = candidate; continue }
                if !line.isEmpty { lines.append(line) }
                line = CharWidth.truncate(String(word), to: width)
            }
            lines.append(line)
        }
        return lines
    }

    /// Writes wrapped text from row `rect.y`; returns the row after the last line.
    @discardableResult
    static func paragraph(_ buffer: inout CellBuffer, _ text: String, in rect: Rect, role: ThemeRole = .normal) -> Int {
        var y = rect.y
        for line in wrap(text, width: rect.width) where y < rect.y + rect.height {
            buffer.write(line, x: rect.x, y: y, role: role, clip: rect)
            y += 1
        }
        return y
    }
}
