import ClinicCore

/// A doctor's time off, or the clinic's closure days, for the admin: earliest
/// first and as entered (whole days with the "to" day included, or times);
/// `n` adds a stretch (listing the visits it would cancel first), `x` removes
/// the selected one (press twice) so its slots are offered again.
final class TimeOffListModel: ScreenModel {
    enum Action: Sendable { case add, remove }
    let context: AppContext
    let scope: TimeOffScope
    /// Whose time off, as titles say it.
    let owner: String
    private(set) var entries: [TimeOff] = []
    /// The latest changes (who added or removed what), newest first.
    private(set) var changes: [ScheduleEvent] = []
    var list = ListState()
    var notice: (text: String, role: ThemeRole)?
    /// The stretch waiting for the second `x`.
    private(set) var pendingRemove: Int64?

    init(_ context: AppContext, scope: TimeOffScope, owner: String) {
        self.context = context; self.scope = scope; self.owner = owner; reload()
    }

    /// A doctor's time off.
    convenience init(_ context: AppContext, doctor: Account) { self.init(context, scope: .doctor(doctor.id), owner: doctor.name) }

    var bindings: [Binding<Action>] {
        let (add, remove): (Decision, Decision) =
            scope.doctorID.map { id in
                let facts = ScheduleFacts(doctorID: id)
                return (Policy.decide(.addTimeOff, by: context.actor, facts: facts), Policy.decide(.removeTimeOff, by: context.actor, facts: facts))
            } ?? (Policy.decide(.manageClosures, by: context.actor), Policy.decide(.manageClosures, by: context.actor))
        return [
            Binding([.char("n")], .add, "add", decision: add),
            Binding([.char("x")], .remove, "remove", decision: selected == nil ? nil : remove),
        ]
    }
    var title: String { scope == .clinic ? "Closure days" : "Time off · \(owner)" }
    var hints: [KeyHint] { bindings.hints() + [KeyHint(keys: "↑↓/jk", label: "move", inFooter: false)] }

    /// The selected stretch, if any.
    var selected: TimeOff? { list.selected < entries.count ? entries[list.selected] : nil }

    func handle(_ key: Key) -> Effect {
        if list.handle(key, page: 10) { pendingRemove = nil; notice = nil; return .none }
        switch bindings.match(key) {
        case .refused(let reason)?: notice = (Format.refusal(reason), .warning)
        case .action(.add)?: pendingRemove = nil; return .push(TimeOffModel(context, scope: scope, owner: owner))
        case .action(.remove)?:
            guard let off = selected, let actor = context.actor else { return .none }
            let span = off.span(in: context.timeZone)
            guard pendingRemove == off.id else {
                pendingRemove = off.id
                notice = ("Press x again to remove \(span): its slots can be booked again.", .warning)
                return .none
            }
            pendingRemove = nil
            do {
                if let doctorID = scope.doctorID {
                    try context.store.removeTimeOff(id: off.id, doctorID: doctorID, by: actor)
                } else {
                    try context.store.removeClosure(id: off.id, by: actor)
                }
                notice = ("Removed \(scope == .clinic ? "closure" : "time off") \(span).", .success)
            } catch { notice = (Format.error(error), .error) }
            reload()
        case nil: return .unhandled
        }
        return .none
    }

    func reload() {
        if let flash = context.flash { notice = (flash, .success); context.flash = nil }
        let keep = selected?.id
        do {
            entries = try scope.doctorID.map { try context.store.timeOff(doctorID: $0) } ?? context.store.closures()
            if let actor = context.actor { changes = try context.store.scheduleEvents(doctorID: scope.doctorID, limit: 3, by: actor) }
        } catch { entries = []; notice = (Format.error(error), .error) }
        list.reset(count: entries.count, keeping: entries.firstIndex { $0.id == keep } ?? list.selected)
    }
}
