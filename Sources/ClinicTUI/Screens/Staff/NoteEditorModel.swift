import ClinicCore

/// The doctor's note on one appointment (`e` on its details), on several
/// lines: Ctrl-N starts a new line at the cursor, ↑ ↓ go between lines,
/// Backspace at a line's start joins it to the one above; Enter saves, an
/// empty note removes it, Esc leaves it as it was. The line being edited is a
/// `TextField` (grapheme-correct editing); the others are kept as text. The
/// core decides who may write it.
@_spi(Tooling) public final class NoteEditorModel: ScreenModel {
    enum Action: Sendable { case save, newLine }
    let context: AppContext
    let appointment: Appointment
    /// The lines above and below the one being edited.
    private(set) var above: [String], below: [String]
    /// The line being edited.
    @_spi(Tooling) public internal(set) var text: TextField
    private(set) var message: String?
    /// Lines were split or joined (an edit `text` alone does not see).
    private var reshaped = false

    @_spi(Tooling) public init(_ context: AppContext, appointment: Appointment, current: String) {
        self.context = context; self.appointment = appointment
        var lines = current.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let last = lines.popLast() ?? ""
        above = lines; below = []
        text = TextField("Note", value: last, maxLength: ClinicStore.maxNoteLength)
    }

    let bindings: [Binding<Action>] = [Binding([.enter], .save, "save the note"), Binding([.ctrl("n")], .newLine, "new line")]
    var title: String { "Note on \(appointment.code)" }
    var hints: [KeyHint] { bindings.hints() + [KeyHint(keys: "↑↓", label: "line")] }
    var capturesText: Bool { true }
    var isDirty: Bool { text.edited || reshaped }

    /// The whole note, its lines joined.
    var note: String { (above + [text.value] + below).joined(separator: "\n") }

    func handle(_ key: Key) -> Effect {
        switch bindings.action(for: key) {
        case .save?: return save()
        case .newLine?:
            let (before, after) = split()
            above.append(before)
            line(after, cursorAt: 0)
            return .none
        case nil: break
        }
        switch key {
        case .up where !above.isEmpty:
            below.insert(text.value, at: 0)
            line(above.removeLast())
        case .down where !below.isEmpty:
            above.append(text.value)
            line(below.removeFirst())
        case .backspace where text.cursor == 0 && !above.isEmpty:
            let previous = above.removeLast()
            line(previous + text.value, cursorAt: previous.count)
        default:
            return text.handle(key) ? .none : .unhandled
        }
        return .none
    }

    /// The edited line before and after the cursor.
    private func split() -> (String, String) {
        let chars = Array(text.value)
        return (String(chars[..<text.cursor]), String(chars[text.cursor...]))
    }

    /// Edits `value` as the current line, the cursor after `cursorAt` characters (nil: at the end).
    private func line(_ value: String, cursorAt: Int? = nil) {
        text = TextField("Note", value: value, maxLength: ClinicStore.maxNoteLength)
        if let cursorAt { for _ in 0..<(value.count - cursorAt) { _ = text.handle(.left) } }
        reshaped = true
    }

    private func save() -> Effect {
        guard let actor = context.actor else { return .signOut }
        do {
            let saved = try context.store.setNote(code: appointment.code, text: note, by: actor)
            context.flash = saved == nil ? "Note on \(appointment.code) removed." : "Note on \(appointment.code) saved."
            return .pop
        } catch {
            message = Format.error(error)
            return .none
        }
    }
}
