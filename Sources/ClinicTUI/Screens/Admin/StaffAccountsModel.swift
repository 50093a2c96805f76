import ClinicCore

/// Staff accounts for the admin: doctors, receptionists and admins with their
/// state. `n` adds one, `p` resets a password, `x` deactivates (press twice)
/// or activates an inactive account again, `e` edits name, phone, email (and
/// a doctor's specialization and slot length), and for a doctor `h` edits
/// weekly hours and `o` lists, adds and removes time off.
final class StaffAccountsModel: ScreenModel {
    enum Action: Sendable { case add, edit, password, deactivate, hours, timeOff }
    let context: AppContext
    private(set) var accounts: [Account] = []
    var list = ListState()
    var notice: (text: String, role: ThemeRole)?
    /// The account waiting for the second `x`.
    private(set) var pendingDeactivate: Int64?

    init(_ context: AppContext) { self.context = context; reload() }

    /// The keys; those acting on the selected account are as the core's policy
    /// decides them (your own account is not yours to deactivate), and hours
    /// and time off are a doctor's only: dimmed when refused, with the reason
    /// in `?` and on a press.
    var bindings: [Binding<Action>] {
        let a = selected, actor = context.actor
        let allowed = a.flatMap { context.allowedActions(for: $0) }
        let doctorOnly: String? = a.flatMap { $0.role == .doctor ? nil : "only doctors have hours" }
        func schedule(_ action: ScheduleAction) -> Decision? {
            guard let a else { return nil }
            return doctorOnly.map { .refused(.invalidInput, $0) } ?? Policy.decide(action, by: actor, facts: ScheduleFacts(doctorID: a.id))
        }
        return [
            Binding([.char("n")], .add, "add", decision: Policy.decide(.create, by: actor, facts: .new(.doctor))),
            Binding([.char("e")], .edit, "edit", decision: allowed?[a?.role == .doctor ? .editDoctorProfile : .updateProfile]),
            Binding([.char("p")], .password, "reset password", decision: allowed?[.setPassword]),
            Binding([.char("x")], .deactivate, "(de)activate", decision: allowed?[a?.active == false ? .activate : .deactivate]),
            Binding([.char("h")], .hours, "hours", decision: schedule(.setHours)),
            Binding([.char("o")], .timeOff, "time off", decision: schedule(.addTimeOff)),
        ]
    }
    var title: String { "Staff accounts" }
    var hints: [KeyHint] { [KeyHint(keys: "↑↓/jk", label: "move", inFooter: false)] + bindings.hints() }

    /// The selected account, if any.
    var selected: Account? { list.selected < accounts.count ? accounts[list.selected] : nil }

    func handle(_ key: Key) -> Effect {
        if list.handle(key, page: 10) { pendingDeactivate = nil; notice = nil; return .none }
        let match = bindings.match(key)
        if case .action(.deactivate)? = match {} else { pendingDeactivate = nil }
        let action: Action
        switch match {
        case .refused(let reason)?: notice = (Format.refusal(reason), .warning); return .none
        case .action(let a)?: action = a
        case nil: return .unhandled
        }
        if action == .add { return .push(AddStaffModel(context)) }
        guard let a = selected, let actor = context.actor else { return .none }
        switch action {
        case .add: return .none
        case .edit: return .push(AccountEditModel(context, account: a))
        case .password: return .push(PasswordResetModel(context, account: a))
        case .deactivate:
            guard a.active else {
                do {
                    _ = try context.store.activate(accountID: a.id, by: actor)
                    notice = ("Activated \(a.name) again.", .success)
                } catch { notice = (Format.error(error), .error) }
                reload()
                return .none
            }
            guard pendingDeactivate == a.id else {
                pendingDeactivate = a.id
                notice = ("Press x again to deactivate \(a.name): they can no longer sign in" + (a.role == .doctor ? " or be booked." : "."), .warning)
                return .none
            }
            pendingDeactivate = nil
            do {
                _ = try context.store.deactivate(accountID: a.id, by: actor)
                notice = ("Deactivated \(a.name).", .success)
            } catch { notice = (Format.error(error), .error) }
            reload()
        case .hours, .timeOff:
            return action == .hours ? .push(HoursEditorModel(context, doctor: a)) : .push(TimeOffListModel(context, doctor: a))
        }
        return .none
    }

    func reload() {
        if let flash = context.flash { notice = (flash, .success); context.flash = nil }
        let keep = selected?.id
        do {
            accounts = try context.store.staffAccounts()
        } catch { accounts = []; notice = (Format.error(error), .error) }
        list.reset(count: accounts.count, keeping: accounts.firstIndex { $0.id == keep } ?? list.selected)
    }
}
