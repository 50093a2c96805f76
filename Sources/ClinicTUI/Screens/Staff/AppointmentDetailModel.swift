import ClinicCore

/// One appointment for staff: who, when, status, the reason and the audit
/// trail as its notes. The keys offered depend on the role (the desk checks in,
/// a doctor or admin marks completed), but the core decides: a doctor opening
/// another doctor's appointment by any route is refused there.
public final class AppointmentDetailModel: ScreenModel {
    enum Action: Sendable { case checkIn, complete }
    let context: AppContext
    public let code: String
    public private(set) var appointment: Appointment?
    public private(set) var events: [AppointmentEvent] = []
    public private(set) var notice: (text: String, role: ThemeRole)?

    public init(_ context: AppContext, code: String) {
        self.context = context; self.code = code
        reload()
    }

    var bindings: [Binding<Action>] {
        switch context.account?.role {
        case .receptionist?: return [Binding([.char("c")], .checkIn, "check in")]
        case .doctor?: return [Binding([.char("d")], .complete, "mark completed")]
        case .admin?: return [Binding([.char("c")], .checkIn, "check in"), Binding([.char("d")], .complete, "mark completed")]
        default: return []
        }
    }
    public var title: String { "Appointment \(code)" }
    public var hints: [KeyHint] { bindings.hints() }

    public func handle(_ key: Key) -> Effect {
        switch bindings.action(for: key) {
        case .checkIn?: move(to: .checkedIn, verb: "Checked in")
        case .complete?: complete()
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
        do {
            appointment = try context.store.appointment(code: code)
            events = try context.store.events(code: code)
        } catch { notice = (Format.error(error), .error) }
    }
}
