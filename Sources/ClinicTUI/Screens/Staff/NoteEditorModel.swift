import ClinicCore

/// The doctor's note on one appointment (`e` on its details): Enter saves,
/// an empty note removes it, Esc leaves it as it was. The core decides who
/// may write it.
@_spi(Tooling) public final class NoteEditorModel: ScreenModel {
    enum Action: Sendable { case save }
    let context: AppContext
    let appointment: Appointment
    @_spi(Tooling) public internal(set) var text: TextField
    private(set) var message: String?

    @_spi(Tooling) public init(_ context: AppContext, appointment: Appointment, current: String) {
        self.context = context; self.appointment = appointment
        text = TextField("Note", value: current, maxLength: ClinicStore.maxNoteLength)
    }

    let bindings: [Binding<Action>] = [Binding([.enter], .save, "save the note")]
    var title: String { "Note on \(appointment.code)" }
    var hints: [KeyHint] { bindings.hints() }
    var capturesText: Bool { true }
    var isDirty: Bool { text.edited }

    func handle(_ key: Key) -> Effect {
        guard bindings.action(for: key) == .save else { return text.handle(key) ? .none : .unhandled }
        guard let actor = context.actor else { return .signOut }
        do {
            let saved = try context.store.setNote(code: appointment.code, text: text.value, by: actor)
            context.flash = saved == nil ? "Note on \(appointment.code) removed." : "Note on \(appointment.code) saved."
            return .pop
        } catch {
            message = Format.error(error)
            return .none
        }
    }
}
