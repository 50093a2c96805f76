import ClinicCore

/// One appointment for staff: who, when, status, the reason, the doctor's
/// note (`e` edits it) and the audit trail. The keys offered depend on the role (the desk checks in,
/// a doctor or admin marks completed), but the core decides: a doctor opening
/// another doctor's appointment by any route is refused there.
public final class AppointmentDetailModel: ScreenModel {
    enum Action: Sendable { case checkIn, undo, complete, reschedule, cancel, note }
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

    /// The keys this role may use on the appointment as it is now (the footer
    /// offers nothing the status rules out; the core still decides).
    var bindings: [Binding<Action>] {
        let role = context.account?.role, status = appointment?.status
        let desk = role?.isDeskStaff == true, clinical = role == .doctor || role == .admin
        let open = status == .scheduled || status == .confirmed
        var keys: [Binding<Action>] = []
        if desk && open { keys.append(checkInKey) }
        if desk && status == .checkedIn { keys.append(undoKey) }
        if clinical && (open || status == .checkedIn) { keys.append(completeKey) }
        if clinical { keys.append(noteKey) }
        if desk && open { keys += deskKeys }
        return keys
    }
    private let checkInKey = Binding([.char("c")], Action.checkIn, "check in")
    private let undoKey = Binding([.char("u")], Action.undo, "undo check-in")
    private let completeKey = Binding([.char("d")], Action.complete, "mark completed")
    private let noteKey = Binding([.char("e")], Action.note, "edit note")
    private let deskKeys = [Binding([.char("r")], Action.reschedule, "move"), Binding([.char("x")], Action.cancel, "cancel")]
    public var title: String { "Appointment \(code)" }
    public var hints: [KeyHint] { bindings.hints() }

    public func handle(_ key: Key) -> Effect {
        switch bindings.action(for: key) {
        case .checkIn?: move(to: .checkedIn, verb: "Checked in")
        case .undo?:
            guard let actor = context.actor else { return .none }
            do {
                let back = try context.store.undoCheckIn(code: code, by: actor)
                notice = ("Check-in of \(back.code) undone: \(Format.status(back.status)) again.", .success)
            } catch { notice = (Format.error(error), .error) }
            reload()
        case .note?:
            guard let a = appointment else { return .none }
            return .push(NoteEditorModel(context, appointment: a, current: note?.text ?? ""))
        case .complete?: complete()
        case .reschedule?, .cancel?:
            guard let a = appointment else { return .none }
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
