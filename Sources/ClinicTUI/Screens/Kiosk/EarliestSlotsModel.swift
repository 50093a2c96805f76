import ClinicCore

/// Booking, step 3 the quick way: the earliest free slots across the doctors
/// of a specialization from a day on (`[` `]` `t` move that day), kept live as
/// other people book. Enter goes on to the reason and the confirmation, as a
/// doctor's day does; a slot taken meanwhile comes back here with a note.
/// `w` puts the patient on the waitlist for any doctor of the specialization.
final class EarliestSlotsModel: ScreenModel, SlotPicker {
    enum Action: Sendable { case open, waitlist, previousDay, nextDay, today }
    let context: AppContext
    let specialty: String
    /// The patient booked for by the desk (nil: the signed-in patient).
    let patient: Account?
    /// The first day searched.
    private(set) var from: LocalDate
    /// What the search found (nil after an error).
    private(set) var found: NextFreeSlots?
    var list = ListState()
    var notice: String?
    var typedReason = ""
    /// Slots listed at most.
    static let shown = 20

    init(_ context: AppContext, specialty: String, patient: Account? = nil) {
        self.context = context; self.specialty = specialty; self.patient = patient
        from = context.today
        load()
    }

    let bindings: [Binding<Action>] = [
        Binding([.enter], .open, "book this slot"),
        Binding([.char("w")], .waitlist, "tell me of an earlier visit"),
        Binding([.char("[")], .previousDay, "from a day earlier"),
        Binding([.char("]")], .nextDay, "from a day later"),
        Binding([.char("t")], .today, "from today"),
    ]
    var title: String { "Book · earliest available" }
    var hints: [KeyHint] { [KeyHint(keys: "↑↓/jk", label: "move")] + bindings.hints() }

    /// The slots listed, earliest first.
    var entries: [NextFreeSlots.Entry] { found?.entries ?? [] }
    /// The selected slot, if any.
    var selected: NextFreeSlots.Entry? { list.selected < entries.count ? entries[list.selected] : nil }

    func handle(_ key: Key) -> Effect {
        if list.handle(key, page: 10) { notice = nil; return .none }
        switch bindings.action(for: key) {
        case .open?:
            guard let entry = selected else { return .none }
            notice = nil
            return .push(
                BookConfirmModel(context, doctor: entry.doctor, slot: entry.slot, slotScreen: self, patient: patient, reason: typedReason))
        case .waitlist?:
            notice = nil
            let until = selected.map { context.timeZone.local($0.slot.start).date }
            return .push(WaitlistJoinModel(context, target: .specialization(specialty), patient: patient, until: until))
        case .previousDay?:
            guard from > context.today else { notice = "You can only book from today on."; return .none }
            go(to: from.adding(days: -1))
        case .nextDay?: go(to: from.adding(days: 1))
        case .today?: go(to: context.today)
        case nil: return .unhandled
        }
        return .none
    }

    private func go(to day: LocalDate) {
        from = day; notice = nil
        load()
        list.select(0)
    }

    func reload() {
        let keep = selected
        load()
        let index = keep.flatMap { k in entries.firstIndex { $0.doctor.id == k.doctor.id && $0.slot == k.slot } }
        list.reset(count: entries.count, keeping: index ?? list.selected)
    }

    private func load() {
        do {
            found = try context.store.nextFreeSlots(.specialization(specialty), from: max(from, context.today), limit: Self.shown)
        } catch {
            found = nil; notice = Format.error(error)
        }
        list.reset(count: entries.count)
    }
}
