import ClinicCore

/// Several text fields with one focused; Tab / Shift-Tab / ↑ / ↓ move between them.
@_spi(Tooling) public struct Form: Sendable, Equatable {
    var fields: [TextField]
    private(set) var focus = 0

    @_spi(Tooling) public init(_ fields: [TextField]) { self.fields = fields }

    /// The value of field `i`.
    @_spi(Tooling) public subscript(i: Int) -> String { fields[i].value }

    /// Whether any field was edited.
    var isEdited: Bool { fields.contains(where: \.edited) }

    mutating func focus(_ i: Int) { focus = min(max(0, i), fields.count - 1) }

    /// Moves focus or edits the focused field; returns whether the key was used.
    @_spi(Tooling) public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .tab, .down: focus = (focus + 1) % fields.count
        case .backTab, .up: focus = (focus + fields.count - 1) % fields.count
        default: return fields[focus].handle(key)
        }
        return true
    }

    /// Clears every field's error.
    mutating func clearErrors() { for i in fields.indices { fields[i].error = nil } }

    /// Sets field errors; focuses the first field with one.
    mutating func setErrors(_ errors: [Int: String]) {
        clearErrors()
        for (i, e) in errors { fields[i].error = e }
        if let first = errors.keys.min() { focus = first }
    }

    /// Shows a refusal from the core under the field it is about (`indexes`
    /// maps the core's fields to this form's); false when it is about none of them.
    mutating func place(_ error: ClinicError, _ indexes: [ClinicError.Field: Int]) -> Bool {
        guard let field = error.field, let i = indexes[field] else { return false }
        setErrors([i: error.message])
        return true
    }
}

/// Paints a form: label, value box (cursor marked when focused), error under it.
@_spi(Tooling) public enum FormPainter {
    /// Rows a form needs in `width`.
    static func height(_ form: Form) -> Int { form.fields.count * 2 }

    @_spi(Tooling) public static func paint(_ form: Form, into buffer: inout CellBuffer, rect: Rect, labelWidth: Int = 18) {
        var y = rect.y
        for (i, field) in form.fields.enumerated() where y < rect.y + rect.height {
            let focused = i == form.focus
            buffer.write(CharWidth.pad(field.label, to: labelWidth), x: rect.x, y: y, role: .label, clip: rect)
            let boxWidth = max(8, min(40, rect.width - labelWidth - 1))
            let boxX = rect.x + labelWidth
            buffer.fill(Rect(x: boxX, y: y, width: boxWidth, height: 1), role: focused ? .fieldFocus : .field)
            let box = Rect(x: boxX, y: y, width: boxWidth - 1, height: 1)
            let role: ThemeRole = focused ? .fieldFocus : .field
            if focused {
                // The part before the cursor that fits, then the cursor, then what follows.
                let before = CharWidth.suffix(field.shownBeforeCursor, fitting: box.width - 1)
                let cursorX = buffer.write(String(before), x: boxX, y: y, role: role, clip: box)
                let after = field.shownAfterCursor
                buffer.write(after, x: cursorX, y: y, role: role, clip: box)
                if field.cursorAtEnd {
                    buffer.write("▏", x: cursorX, y: y, role: role, clip: rect)
                } else {
                    let width = max(1, after.first.map(CharWidth.of) ?? 1)
                    buffer.restyle(Rect(x: cursorX, y: y, width: width, height: 1), role: .selection)
                }
            } else {
                buffer.write(field.shown, x: boxX, y: y, role: role, clip: box)
            }
            if let error = field.error {
                buffer.write("✗ " + error, x: boxX, y: y + 1, role: .error, clip: rect)
            }
            y += 2
        }
    }
}
