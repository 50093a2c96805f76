import ClinicCore

/// A doctor's time off for the admin, earliest first and as it was entered
/// (whole days with the "to" day included, or times): `n` adds a stretch,
/// `x` removes the selected one (press twice) so its slots are offered again.
final class TimeOffListModel: ScreenModel {
    enum Action: Sendable { case add, remove }
    let context: AppContext
    let doctor: Account
    private(set) var entries: [TimeOff] = []
    var list = ListState()
    var notice: (text: String, role: ThemeRole)?
    /// The stretch waiting for the second `x`.
    private(set) var pendingRemove: Int64?

    init(_ context: AppContext, doctor: Account) { self.context = context; self.doctor = doctor; reload() }

    var bindings: [Binding<Action>] {
        let facts = ScheduleFacts(doctorID: doctor.id)
        return [
            Binding([.char("n")], .add, "add", decision: Policy.decide(.addTimeOff, by: context.actor, facts: facts)),
            Binding([.char("x")], .remove, "remove", decision: selected == nil ? nil : Policy.decide(.removeTimeOff, by: context.actor, facts: facts)),
        ]
    }
    var title: String { "Time off · \(doctor.name)" }
    var hints: [KeyHint] { bindings.hints() + [KeyHint(keys: "↑↓/jk", label: "move", inFooter: false)] }

    /// The selected stretch, if any.
    var selected: TimeOff? { list.selected < entries.count ? entries[list.selected] : nil }

    func handle(_ key: Key) -> Effect {
        if list.handle(key, page: 10) { pendingRemove = nil; notice = nil; return .none }
        switch bindings.match(key) {
        case .refused(let reason)?: notice = (Format.refusal(reason), .warning)
        case .action(.add)?: pendingRemove = nil; return .push(TimeOffModel(context, doctor: doctor))
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
                try context.store.removeTimeOff(id: off.id, doctorID: doctor.id, by: actor)
                notice = ("Removed time off \(span).", .success)
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
            entries = try context.store.timeOff(doctorID: doctor.id)
        } catch { entries = []; notice = (Format.error(error), .error) }
        list.reset(count: entries.count, keeping: entries.firstIndex { $0.id == keep } ?? list.selected)
    }
}
