import ClinicCore

/// Staff accounts for the admin: doctors, receptionists and admins with their
/// state. `n` adds one, `p` resets a password, `x` deactivates (press twice)
/// or activates an inactive account again, and for a doctor `h` edits weekly
/// hours and `o` adds time off.
public final class StaffAccountsModel: ScreenModel {
    enum Action: Sendable { case add, password, deactivate, hours, timeOff }
    let context: AppContext
    public private(set) var accounts: [Account] = []
    public internal(set) var list = ListState()
    public var notice: (text: String, role: ThemeRole)?
    /// The account waiting for the second `x`.
    public private(set) var pendingDeactivate: Int64?

    public init(_ context: AppContext) { self.context = context; reload() }

    let bindings: [Binding<Action>] = [
        Binding([.char("n")], .add, "add"),
        Binding([.char("p")], .password, "reset password"),
        Binding([.char("x")], .deactivate, "(de)activate"),
        Binding([.char("h")], .hours, "hours"),
        Binding([.char("o")], .timeOff, "time off"),
    ]
    public var title: String { "Staff accounts" }
    public var hints: [KeyHint] { [KeyHint(keys: "↑↓/jk", label: "move", inFooter: false)] + bindings.hints() }

    /// The selected account, if any.
    public var selected: Account? { list.selected < accounts.count ? accounts[list.selected] : nil }

    public func handle(_ key: Key) -> Effect {
        let action = bindings.action(for: key)
        if action != .deactivate { pendingDeactivate = nil }
        if list.handle(key, page: 10) { notice = nil; return .none }
        guard let action else { return .unhandled }
        if action == .add { return .push(AddStaffModel(context)) }
        guard let a = selected, let actor = context.actor else { return .none }
        switch action {
        case .add: return .none
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
            guard a.role == .doctor else { notice = ("Only doctors have hours.", .warning); return .none }
            return action == .hours ? .push(HoursEditorModel(context, doctor: a)) : .push(TimeOffModel(context, doctor: a))
        }
        return .none
    }

    public func reload() {
        if let flash = context.flash { notice = (flash, .success); context.flash = nil }
        let keep = selected?.id
        do {
            accounts = try context.store.staffAccounts()
        } catch { accounts = []; notice = (Format.error(error), .error) }
        list.reset(count: accounts.count, keeping: accounts.firstIndex { $0.id == keep } ?? list.selected)
    }
}
