import ClinicCore

/// A status change the desk gives a reason for, kept as the audit row's
/// note: cancelling a visit (the patient gets the cancellation SMS from the
/// core), or checking in a patient who came after the visit was marked a
/// no-show (they get a "you are checked in" SMS after the "we missed you" one).
final class ReasonedMoveModel: ScreenModel {
    enum Purpose: Sendable {
        case cancel, lateArrival

        var target: AppointmentStatus { self == .cancel ? .cancelled : .checkedIn }
    }

    enum Action: Sendable { case apply }
    let context: AppContext
    let appointment: Appointment
    let purpose: Purpose
    var reason = TextField("Reason", maxLength: 200)
    private(set) var message: String?

    init(_ context: AppContext, appointment: Appointment, purpose: Purpose) {
        self.context = context; self.appointment = appointment; self.purpose = purpose
        bindings = [Binding([.enter], .apply, purpose == .cancel ? "cancel the visit" : "check in")]
    }

    let bindings: [Binding<Action>]
    var title: String { purpose == .cancel ? "Cancel \(appointment.code)" : "Late arrival \(appointment.code)" }
    var hints: [KeyHint] { bindings.hints() }
    var capturesText: Bool { true }
    var isDirty: Bool { reason.edited }

    /// The line under the field.
    var hint: String {
        purpose == .cancel
            ? "Enter cancels the visit; Esc keeps it."
            : "Marked a no-show; Enter checks the patient in all the same; Esc leaves it."
    }

    func handle(_ key: Key) -> Effect {
        guard bindings.action(for: key) == .apply else { return reason.handle(key) ? .none : .unhandled }
        let text = reason.value.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { reason.error = "say why (it is kept with the appointment)"; return .none }
        guard let actor = context.actor else { return .signOut }
        do {
            let a = try context.store.transition(code: appointment.code, to: purpose.target, by: actor, note: text)
            context.flash = purpose == .cancel ? "Cancelled \(a.code) (\(text))." : "Checked in \(a.patient.name) (\(a.code)), late: \(text)."
            return .pop
        } catch {
            message = Format.error(error)
            return .none
        }
    }
}
