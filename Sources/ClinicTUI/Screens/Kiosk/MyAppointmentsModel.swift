import ClinicCore

/// A patient's own appointments, upcoming (`Appointment.isUpcoming`) or past;
/// confirm one, move it to another free slot (the desk's atomic move), or
/// cancel it with a second press of the same key.
final class MyAppointmentsModel: ScreenModel {
    enum Action: Sendable { case switchTab, confirm, move, cancel }
    let context: AppContext
    /// Showing past visits instead of upcoming ones.
    private(set) var showingPast = false
    private(set) var appointments: [Appointment] = []
    var list = ListState()
    /// The code waiting for the second cancel press.
    private(set) var pendingCancel: String?
    private(set) var notice: (text: String, role: ThemeRole)?

    init(_ context: AppContext) { self.context = context; reload() }

    /// The keys; confirm and cancel as the core's policy decides them for the
    /// selected visit (dimmed when refused, with the reason in `?` and on a press).
    var bindings: [Binding<Action>] {
        let allowed = selected.flatMap { context.allowedActions(for: $0) }
        return [
            Binding([.tab, .left, .right], .switchTab, "upcoming / past"),
            Binding([.char("c")], .confirm, "confirm", decision: allowed?[.confirm]),
            Binding([.char("r")], .move, "move", decision: allowed?[.reschedule]),
            Binding([.char("x")], .cancel, "cancel (press twice)", decision: allowed?[.cancel]),
        ]
    }
    var title: String { "My appointments" }
    var hints: [KeyHint] { [KeyHint(keys: "↑↓/jk", label: "move")] + bindings.hints() }

    /// The selected appointment, if any.
    var selected: Appointment? { list.selected < appointments.count ? appointments[list.selected] : nil }

    func handle(_ key: Key) -> Effect {
        if list.handle(key, page: 10) { pendingCancel = nil; notice = nil; return .none }
        let match = bindings.match(key)
        if case .action(.cancel)? = match {} else { pendingCancel = nil }
        switch match {
        case .refused(let reason)?: notice = (Format.refusal(reason), .warning)
        case .action(.switchTab)?: showingPast.toggle(); list.select(0); notice = nil; reload()
        case .action(.confirm)?: act(.confirmed, verb: "Confirmed")
        case .action(.move)?:
            guard let a = selected else { return .none }
            return .push(RescheduleModel(context, appointment: a))
        case .action(.cancel)?:
            guard let a = selected else { return .none }
            if pendingCancel == a.code {
                pendingCancel = nil
                act(.cancelled, verb: "Cancelled")
            } else {
                pendingCancel = a.code
                notice = ("Press x again to cancel \(a.code) on \(Format.dateTime(a.start, context.timeZone)).", .warning)
            }
        case nil: return .unhandled
        }
        return .none
    }

    private func act(_ target: AppointmentStatus, verb: String) {
        guard let a = selected, let actor = context.actor else { return }
        do {
            let updated = try context.store.transition(code: a.code, to: target, by: actor)
            notice = ("\(verb) \(updated.code).", .success)
        } catch {
            notice = (Format.error(error), .error)
        }
        reload()
    }

    func reload() {
        if let flash = context.flash { notice = (flash, .success); context.flash = nil }
        guard let id = context.account?.id else { return }
        let now = context.now
        do {
            let all = try context.store.appointments(AppointmentFilter(patientID: id, limit: 10_000))
            appointments =
                showingPast
                ? all.filter { !$0.isUpcoming(at: now) }.reversed()
                : all.filter { $0.isUpcoming(at: now) }
        } catch {
            appointments = []; notice = (Format.error(error), .error)
        }
        list.reset(count: appointments.count)
    }
}
