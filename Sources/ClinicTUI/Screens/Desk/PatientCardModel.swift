import ClinicCore

/// A patient's card for the desk: details, SMS opt-out and flags, upcoming
/// and past appointments. `b` books for the patient (the kiosk's flow, acting
/// as the receptionist), `r` moves the selected visit, `x` cancels it with a
/// reason, `c` checks it in, `p` sets the patient's kiosk password, `u` lifts
/// a sign-in lock (a stranger's wrong passwords at the kiosk), `e` edits the
/// patient's details (name, phone, email, date of birth, gender, notes).
final class PatientCardModel: ScreenModel {
    enum Action: Sendable { case book, reschedule, cancel, checkIn, password, unlock, edit }
    let context: AppContext
    let patientID: Int64
    private(set) var patient: Account?
    private(set) var profile: PatientProfile?
    private(set) var phone: PhoneStatus?
    /// Upcoming (`Appointment.isUpcoming`: active, not yet over) first by time, then past ones newest first.
    private(set) var upcoming: [Appointment] = []
    private(set) var past: [Appointment] = []
    var list = ListState()
    var notice: (text: String, role: ThemeRole)?

    init(_ context: AppContext, patientID: Int64, notice: String? = nil) {
        self.context = context; self.patientID = patientID
        self.notice = notice.map { ($0, .success) }
        reload()
    }

    /// The keys; those acting on the selected visit or on the patient's account
    /// are as the core's policy decides them (dimmed when refused, with the
    /// reason in `?` and on a press).
    var bindings: [Binding<Action>] {
        let visit = selected.flatMap { context.allowedActions(for: $0) }
        let account = patient.flatMap { context.allowedActions(for: $0) }
        return [
            Binding([.char("b")], .book, "book"),
            Binding([.char("r")], .reschedule, "move", decision: visit?[.reschedule]),
            Binding([.char("x")], .cancel, "cancel", decision: visit?[.cancel]),
            Binding([.char("c")], .checkIn, "check in", decision: visit?[.checkIn]),
            Binding([.char("p")], .password, "set password", decision: account?[.setPassword]),
            Binding([.char("u")], .unlock, "unlock sign-in", decision: account?[.unlock]),
            Binding([.char("e")], .edit, "edit details", decision: account?[.updateProfile]),
        ]
    }
    var title: String { patient.map { "Patient · \($0.name)" } ?? "Patient" }
    var hints: [KeyHint] { [KeyHint(keys: "↑↓/jk", label: "move", inFooter: false)] + bindings.hints() }

    /// Whether the patient cannot sign in now (at the kiosk, or a lock from the staff terminal).
    var isLocked: Bool { lockedUntil != nil }

    /// Until when sign-in is locked, the later of the kiosk's and the staff terminal's locks (nil: not locked).
    var lockedUntil: Int64? {
        guard let patient else { return nil }
        let now = context.now
        return [patient.kioskLockedUntil, patient.lockedUntil].compactMap { $0 }.filter { $0 > now }.max()
    }

    /// Every appointment in display order.
    var rows: [Appointment] { upcoming + past }
    /// The selected appointment, if any.
    var selected: Appointment? { list.selected < rows.count ? rows[list.selected] : nil }

    func handle(_ key: Key) -> Effect {
        if list.handle(key, page: 10) { notice = nil; return .none }
        switch bindings.match(key) {
        case .refused(let reason)?: notice = (Format.refusal(reason), .warning)
        case .action(.book)?:
            guard let patient else { return .none }
            return .push(BookSpecialtyModel(context, patient: patient))
        case .action(.reschedule)?:
            guard let a = selected else { notice = ("Pick a scheduled or confirmed visit to move.", .warning); return .none }
            return .push(RescheduleModel(context, appointment: a))
        case .action(.cancel)?:
            guard let a = selected else { notice = ("Pick a scheduled or confirmed visit to cancel.", .warning); return .none }
            return .push(ReasonedMoveModel(context, appointment: a, purpose: .cancel))
        case .action(.checkIn)?:
            guard let a = selected, let actor = context.actor else { return .none }
            if a.status == .noShow { return .push(ReasonedMoveModel(context, appointment: a, purpose: .lateArrival)) }
            do {
                _ = try context.store.transition(code: a.code, to: .checkedIn, by: actor)
                notice = ("Checked in \(a.code).", .success)
            } catch { notice = (Format.error(error), .error) }
            reload()
        case .action(.password)?:
            guard let patient else { return .none }
            return .push(PasswordResetModel(context, account: patient))
        case .action(.edit)?:
            guard let patient else { return .none }
            return .push(AccountEditModel(context, account: patient, profile: profile))
        case .action(.unlock)?:
            guard let patient, let actor = context.actor else { return .none }
            guard isLocked else { notice = ("\(patient.name)'s sign-in is not locked.", .warning); return .none }
            do {
                _ = try context.store.unlock(accountID: patient.id, by: actor)
                notice = ("Sign-in unlocked for \(patient.name).", .success)
            } catch { notice = (Format.error(error), .error) }
            reload()
        case nil: return .unhandled
        }
        return .none
    }

    func reload() {
        guard let actor = context.actor else { return }
        if let flash = context.flash { notice = (flash, .success); context.flash = nil }
        let keep = selected?.id, now = context.now
        do {
            let account = try context.store.account(matching: String(patientID))
            patient = account
            profile = try? context.store.patientProfile(accountID: patientID, viewer: actor)
            phone = try account.phone.map { try context.store.phoneStatus($0) }
            let all = try context.store.appointments(AppointmentFilter(patientID: patientID, limit: 10_000))
            upcoming = all.filter { $0.isUpcoming(at: now) }
            past = all.filter { !$0.isUpcoming(at: now) }.reversed()
        } catch { notice = (Format.error(error), .error) }
        list.reset(count: rows.count, keeping: rows.firstIndex { $0.id == keep } ?? list.selected)
    }
}
