import ClinicCore

/// The admin's console: a menu of the admin's screens (staff accounts and
/// their hours, clinic settings, clinic-wide stats) and the desk's board and
/// SMS panel, which an admin may use too.
@_spi(Tooling) public final class AdminHomeModel: ScreenModel {
    /// One entry of the menu.
    @_spi(Tooling) public enum Item: Int, CaseIterable, Sendable { case staff, board, settings, stats, sms, closures }
    enum Action: Sendable { case open, signOut }
    let context: AppContext
    @_spi(Tooling) public internal(set) var list = ListState(count: Item.allCases.count)

    init(_ context: AppContext) { self.context = context }

    let bindings: [Binding<Action>] = [
        Binding([.enter, .right], .open, "open"),
        Binding([.char("s")], .signOut, "sign out", footer: false),
    ]
    var title: String { "Admin console" }
    var hints: [KeyHint] { [KeyHint(keys: "↑↓/jk", label: "move")] + bindings.hints() }

    /// What each item is called and explains.
    static func label(_ item: Item) -> (String, String) {
        switch item {
        case .staff: return ("Staff accounts", "add doctors, receptionists and admins; reset passwords; hours and time off")
        case .closures: return ("Closure days", "close the clinic for holidays: every doctor's slots; cancel what is booked")
        case .board: return ("Today's board", "every doctor's day; check in, move, cancel")
        case .settings: return ("Clinic settings", "name, time zone, reminder lead, no-show grace, SMS gateway")
        case .stats: return ("Clinic stats", "appointments by status per month or day, no-show rate")
        case .sms: return ("SMS messages", "failed and pending messages, replies, flagged numbers")
        }
    }

    func handle(_ key: Key) -> Effect {
        if list.handle(key, page: 10) { return .none }
        switch bindings.action(for: key) {
        case .open?:
            switch Item(rawValue: list.selected)! {
            case .staff: return .push(StaffAccountsModel(context))
            case .closures: return .push(TimeOffListModel(context, scope: .clinic, owner: "the clinic"))
            case .board: return .push(BoardModel(context))
            case .settings: return .push(SettingsModel(context))
            case .stats: return .push(StatsModel(context, doctorID: nil))
            case .sms: return .push(SMSPanelModel(context))
            }
        case .signOut?: return .signOut
        case nil: return .unhandled
        }
    }
}
