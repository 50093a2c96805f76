import ClinicCore

/// Cancels a visit for the desk with a reason, kept as the audit row's note
/// (the patient gets the cancellation SMS from the core).
final class CancelVisitModel: ScreenModel {
    enum Action: Sendable { case cancel }
    let context: AppContext
    let appointment: Appointment
    var reason = TextField("Reason", maxLength: 200)
    private(set) var message: String?

    init(_ context: AppContext, appointment: Appointment) { self.context = context; self.appointment = appointment }

    let bindings: [Binding<Action>] = [Binding([.enter], .cancel, "cancel the visit")]
    var title: String { "Cancel \(appointment.code)" }
    var hints: [KeyHint] { bindings.hints() }
    var capturesText: Bool { true }
    var isDirty: Bool { reason.edited }

    func handle(_ key: Key) -> Effect {
        guard bindings.action(for: key) == .cancel else { return reason.handle(key) ? .none : .unhandled }
        let text = reason.value.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { reason.error = "say why (it is kept with the appointment)"; return .none }
        guard let actor = context.actor else { return .signOut }
        do {
            let a = try context.store.transition(code: appointment.code, to: .cancelled, by: actor, note: text)
            context.flash = "Cancelled \(a.code) (\(text))."
            return .pop
        } catch {
            message = Format.error(error)
            return .none
        }
    }
}
