import ClinicCore

/// One appointment for staff: who, when, status, the reason, the doctor's
/// note (`e` edits it) and the audit trail. Its keys are what the core's policy
/// allows this person to do to it now (`ClinicStore.allowedActions`): the desk
/// checks in, a doctor or admin marks completed; a key refused for now is
/// dimmed, one that is not this person's is left out of the footer, and `?`
/// and a press of the key say why. The core still
/// decides: a doctor opening another doctor's appointment by any route is
/// refused there.
final class AppointmentDetailModel: ScreenModel {
    enum Action: Sendable { case checkIn, undo, complete, reschedule, cancel, note, history }
    let context: AppContext
    let code: String
    private(set) var appointment: Appointment?
    private(set) var events: [AppointmentEvent] = []
    /// The names of the accounts in the history, by id.
    private(set) var actorNames: [Int64: String] = [:]
    /// The doctor's note, if any.
    private(set) var note: AppointmentNote?
    private(set) var notice: (text: String, role: ThemeRole)?

    init(_ context: AppContext, code: String) {
        self.context = context; self.code = code
        reload()
    }

    /// The keys, each as the policy decides it for the signed-in person.
    var bindings: [Binding<Action>] {
        let allowed = appointment.flatMap { context.allowedActions(for: $0) }
        return Self.keys.map { key, action, label, policy in
            Binding([.char(key)], action, label, decision: allowed?[policy])
        } + [Binding([.char("h")], .history, "patient's history", decision: Policy.decide(.viewVisitHistory, by: context.actor))]
    }
    private static let keys: [(Character, Action, String, AppointmentAction)] = [
        ("c", .checkIn, "check in", .checkIn),
        ("u", .undo, "undo check-in", .undoCheckIn),
        ("d", .complete, "mark completed", .complete),
        ("e", .note, "edit note", .writeNote),
        ("r", .reschedule, "move", .reschedule),
        ("x", .cancel, "cancel", .cancel),
    ]
    var title: String { "Appointment \(code)" }
    var hints: [KeyHint] { bindings.hints() }

    func handle(_ key: Key) -> Effect {
        switch bindings.match(key) {
        case .refused(let reason)?: notice = (Format.refusal(reason), .warning)
        case .action(.checkIn)?:
            if let a = appointment, a.status == .noShow { return .push(ReasonedMoveModel(context, appointment: a, purpose: .lateArrival)) }
            move(to: .checkedIn, verb: "Checked in")
        case .action(.undo)?:
            guard let actor = context.actor else { return .none }
            do {
                let back = try context.store.undoCheckIn(code: code, by: actor)
                notice = ("Check-in of \(back.code) undone: \(Format.status(back.status)) again.", .success)
            } catch { notice = (Format.error(error), .error) }
            reload()
        case .action(.note)?:
            guard let a = appointment else { return .none }
            return .push(NoteEditorModel(context, appointment: a, current: note?.text ?? ""))
        case .action(.complete)?: complete()
        case .action(.history)?:
            guard let a = appointment else { return .none }
            return .push(PatientHistoryModel(context, patient: a.patient, from: a.code))
        case .action(.reschedule)?:
            guard let a = appointment else { return .none }
            return .push(RescheduleModel(context, appointment: a))
        case .action(.cancel)?:
            guard let a = appointment else { return .none }
            return .push(ReasonedMoveModel(context, appointment: a, purpose: .cancel))
        case nil: return .unhandled
        }
        return .none
    }

    /// Asks the core to mark the appointment completed as the signed-in person.
    /// Public so a test can craft the action whatever the bindings offer.
    func complete() { move(to: .completed, verb: "Completed") }

    private func move(to target: AppointmentStatus, verb: String) {
        guard let actor = context.actor else { return }
        do {
            let a = try context.store.transition(code: code, to: target, by: actor)
            notice = ("\(verb) \(a.code).", .success)
        } catch { notice = (Format.error(error), .error) }
        reload()
    }

    func reload() {
        if let flash = context.flash { notice = (flash, .success); context.flash = nil }
        do {
            appointment = try context.store.appointment(code: code)
            events = try context.store.events(code: code)
            for id in Set(events.compactMap(\.actorID)) where actorNames[id] == nil {
                actorNames[id] = try? context.store.account(matching: String(id)).name
            }
            note = try context.store.note(code: code)
        } catch { notice = (Format.error(error), .error) }
    }
}
