/// Paints a one-field screen: a heading line, the field, a hint under it and
/// the last error (cancel a visit with a reason, a doctor's note).
enum OneFieldForm {
    static func paint(
        heading: String, field: TextField, labelWidth: Int, hint: String, error: String?,
        into buffer: inout CellBuffer, area: Rect
    ) {
        buffer.write(heading, x: area.x, y: area.y, role: .title, clip: area)
        FormPainter.paint(
            Form([field]), into: &buffer, rect: Rect(x: area.x, y: area.y + 2, width: area.width, height: 2),
            labelWidth: labelWidth)
        buffer.write(hint, x: area.x, y: area.y + 5, role: .dim, clip: area)
        if let error {
            Painter.paragraph(&buffer, "✗ " + error, in: Rect(x: area.x, y: area.y + 7, width: area.width, height: 3), role: .error)
        }
    }
}
