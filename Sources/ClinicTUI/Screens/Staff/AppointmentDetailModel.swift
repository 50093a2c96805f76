import ClinicCore

/// One appointment for staff: who, when, status, the reason, the doctor's
/// note (`e` edits it) and the audit trail. The keys offered depend on the role (the desk checks in,
/// a doctor or admin marks completed), but the core decides: a doctor opening
/// another doctor's appointment by any route is refused there.
public final class AppointmentDetailModel: ScreenModel {
    enum Action: Sendable { case checkIn, complete, reschedule, cancel, note }
    let context: AppContext
    public let code: String
    public private(set) var appointment: Appointment?
    public private(set) var events: [AppointmentEvent] = []
    /// The doctor's note, if any.
    public private(set) var note: AppointmentNote?
    public private(set) var notice: (text: String, role: ThemeRole)?

    public init(_ context: AppContext, code: String) {
        self.context = context; self.code = code
        reload()
    }

    var bindings: [Binding<Action>] {
        switch context.account?.role {
        case .receptionist?: return [checkInKey] + deskKeys
        case .doctor?: return [completeKey, noteKey]
        case .admin?: return [checkInKey, completeKey, noteKey] + deskKeys
        default: return []
        }
    }
    private let checkInKey = Binding([.char("c")], Action.checkIn, "check in")
    private let completeKey = Binding([.char("d")], Action.complete, "mark completed")
    private let noteKey = Binding([.char("e")], Action.note, "edit note")
    private let deskKeys = [Binding([.char("r")], Action.reschedule, "move"), Binding([.char("x")], Action.cancel, "cancel")]
    public var title: String { "Appointment \(code)" }
    public var hints: [KeyHint] { bindings.hints() }

    public func handle(_ key: Key) -> Effect {
        switch bindings.action(for: key) {
        case .checkIn?: move(to: .checkedIn, verb: "Checked in")
        case .note?:
            guard let a = appointment else { return .none }
            return .push(NoteEditorModel(context, appointment: a, current: note?.text ?? ""))
        case .complete?: complete()
        case .reschedule?, .cancel?:
            guard let a = appointment, a.status == .scheduled || a.status == .confirmed else {
                notice = ("Only a scheduled or confirmed visit can be moved or cancelled.", .warning); return .none
            }
            return bindings.action(for: key) == .cancel ? .push(CancelVisitModel(context, appointment: a))
                                                        : .push(RescheduleModel(context, appointment: a))
        case nil: return .unhandled
        }
        return .none
    }

    /// Asks the core to mark the appointment completed as the signed-in person.
    /// Public so a test can craft the action whatever the bindings offer.
    public func complete() { move(to: .completed, verb: "Completed") }

    private func move(to target: AppointmentStatus, verb: String) {
        guard let actor = context.actor else { return }
        do {
            let a = try context.store.transition(code: code, to: target, by: actor)
            notice = ("\(verb) \(a.code).", .success)
        } catch { notice = (Format.error(error), .error) }
        reload()
    }

    public func reload() {
        if let flash = context.flash { notice = (flash, .success); context.flash = nil }
        do {
            appointment = try context.store.appointment(code: code)
            events = try context.store.events(code: code)
            note = try context.store.note(code: code)
        } catch { notice = (Format.error(error), .error) }
    }
}
