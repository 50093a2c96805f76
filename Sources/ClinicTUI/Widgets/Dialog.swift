/// A modal question or notice: a title, a message and the keys that answer it.
struct Dialog: Sendable, Equatable {
    let title: String
    let message: String
    /// Shown on the dialog's last line, e.g. `y quit · n stay`.
    let answers: String

    init(title: String, message: String, answers: String) {
        self.title = title; self.message = message; self.answers = answers
    }
}

/// Paints a dialog centred in `area`.
enum DialogPainter {
    static func paint(_ dialog: Dialog, into buffer: inout CellBuffer, area: Rect) {
        let width = min(area.width - 2, 60)
        let lines = Painter.wrap(dialog.message, width: width - 4)
        let rect = area.centered(width: width, height: lines.count + 5)
        buffer.fill(rect, role: .dialog)
        Painter.box(&buffer, rect, title: dialog.title, role: .dialog, titleRole: .dialogTitle)
        for (i, line) in lines.enumerated() {
            buffer.write(line, x: rect.x + 2, y: rect.y + 2 + i, role: .dialog, clip: rect.inset(1))
        }
        buffer.write(dialog.answers, x: rect.x + 2, y: rect.y + rect.height - 2, role: .dialogTitle, clip: rect.inset(1))
    }
}
