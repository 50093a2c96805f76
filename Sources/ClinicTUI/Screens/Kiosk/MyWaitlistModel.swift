import ClinicCore

/// A patient's own places on the waitlist (`w` on the home screen): who
/// they wait for, their place in line, the days, and an offer open for them
/// (reply `TAKE <code>`); `x` leaves one (press twice), through the same core
/// call the desk uses.
final class MyWaitlistModel: ScreenModel {
    enum Action: Sendable { case leave }
    let context: AppContext
    private(set) var entries: [WaitlistEntry] = []
    var list = ListState()
    private(set) var notice: (text: String, role: ThemeRole)?
    /// The entry waiting for the second `x`.
    private(set) var pendingLeave: Int64?

    init(_ context: AppContext) { self.context = context; reload() }

    var bindings: [Binding<Action>] {
        [Binding([.char("x")], .leave, "leave (press twice)", decision: selected.map { Policy.decide(.remove, by: context.actor, patientID: $0.patient.id) })]
    }
    var title: String { "My waitlist" }
    var hints: [KeyHint] { [KeyHint(keys: "↑↓/jk", label: "move")] + bindings.hints() }

    /// The selected entry, if any.
    var selected: WaitlistEntry? { entries.indices.contains(list.selected) ? entries[list.selected] : nil }

    func handle(_ key: Key) -> Effect {
        if list.handle(key, page: 10) { pendingLeave = nil; notice = nil; return .none }
        switch bindings.match(key) {
        case .refused(let reason)?: notice = (Format.refusal(reason), .warning)
        case .action(.leave)?:
            guard let e = selected, let actor = context.actor else { return .none }
            guard pendingLeave == e.id else {
                pendingLeave = e.id
                notice = ("Press x again to leave the waitlist for \(e.wanted).", .warning)
                return .none
            }
            pendingLeave = nil
            do {
                try context.store.removeFromWaitlist(id: e.id, by: actor)
                notice = ("You left the waitlist for \(e.wanted).", .success)
            } catch { notice = (Format.error(error), .error) }
            reload()
        case nil:
            pendingLeave = nil
            return .unhandled
        }
        return .none
    }

    func reload() {
        guard let actor = context.actor, let id = context.account?.id else { return }
        do {
            entries = try context.store.waitlist(patientID: id, by: actor)
        } catch {
            entries = []; notice = (Format.error(error), .error)
        }
        list.reset(count: entries.count)
    }
}
