import ClinicCore

/// Booking, step 3: a day picker (`[` `]` `t`, and `n` for the doctor's next
/// day with a free slot) and the doctor's slots that day, free or taken, kept
/// live as other people book; `w` puts the patient on the doctor's waitlist
/// for an earlier visit, up to the day shown (`WaitlistJoinModel`).
@_spi(Tooling) public final class BookSlotModel: ScreenModel, SlotPicker {
    enum Action: Sendable { case open, waitlist, previousDay, nextDay, today, nextFreeDay }
    let context: AppContext
    let doctor: DoctorListing
    /// Whether the doctor works on the shown day's weekday at all.
    private(set) var works = true
    private(set) var date: LocalDate
    @_spi(Tooling) public private(set) var slots: [DaySlots.Entry] = []
    var list = ListState()
    /// A note shown above the slots ("just taken", errors).
    var notice: String?
    /// The reason typed for a slot that was taken meanwhile, offered again for the next.
    var typedReason = ""
    /// How far ahead the picker looks for the first day with a free slot.
    static let searchDays = 31

    /// The patient booked for by the desk (nil: the signed-in patient).
    let patient: Account?

    /// Opens on the first day from `from` (default today) with a free slot.
    @_spi(Tooling) public init(_ context: AppContext, doctor: DoctorListing, patient: Account? = nil, from: LocalDate? = nil) {
        self.context = context; self.doctor = doctor; self.patient = patient
        let first = max(context.today, from ?? context.today)
        date = first
        if let slot = firstFree(from: first, days: Self.searchDays + 1) { date = context.timeZone.local(slot.start).date }
        load()
        list.select(slots.firstIndex(where: \.free) ?? 0)
    }

    let bindings: [Binding<Action>] = [
        Binding([.enter], .open, "book this slot"),
        Binding([.char("w")], .waitlist, "tell me of an earlier visit"),
        Binding([.char("[")], .previousDay, "previous day"),
        Binding([.char("]")], .nextDay, "next day"),
        Binding([.char("t")], .today, "today"),
        Binding([.char("n")], .nextFreeDay, "next free day"),
    ]
    var title: String { "Book · slot" }
    var hints: [KeyHint] { [KeyHint(keys: "↑↓/jk", label: "move")] + bindings.hints() }

    /// The selected slot, if any.
    var selected: DaySlots.Entry? { list.selected < slots.count ? slots[list.selected] : nil }

    func handle(_ key: Key) -> Effect {
        if list.handle(key, page: 10) { notice = nil; return .none }
        switch bindings.action(for: key) {
        case .open?:
            guard let entry = selected else { return .none }
            guard entry.free else { notice = "That slot is taken: pick a free one."; return .none }
            notice = nil
            return .push(BookConfirmModel(context, doctor: doctor, slot: entry.slot, slotScreen: self, patient: patient, reason: typedReason))
        case .waitlist?:
            notice = nil
            return .push(WaitlistJoinModel(context, target: .doctor(doctor), patient: patient, until: date))
        case .previousDay?:
            guard date > context.today else { notice = "You can only book from today on."; return .none }
            go(to: date.adding(days: -1))
        case .nextDay?: go(to: date.adding(days: 1))
        case .today?: go(to: context.today)
        case .nextFreeDay?:
            let days = ClinicStore.nextFreeSlotsHorizonDays
            guard let slot = firstFree(from: date.adding(days: 1), days: days) else {
                notice = "No free slot with \(doctor.name) in the \(days) days after \(Format.day(date))."
                return .none
            }
            go(to: context.timeZone.local(slot.start).date)
            list.select(slots.firstIndex { $0.slot.start == slot.start } ?? list.selected)
        case nil: return .unhandled
        }
        return .none
    }

    private func go(to day: LocalDate) {
        date = day; notice = nil
        load()
        list.select(slots.firstIndex(where: \.free) ?? 0)
    }

    func reload() {
        let keep = selected?.slot.start
        load()
        list.reset(count: slots.count, keeping: slots.firstIndex { $0.slot.start == keep } ?? list.selected)
    }

    /// The doctor's first free slot from `day` on, within `days` days (the core's earliest-free-slot search).
    private func firstFree(from day: LocalDate, days: Int) -> Slot? {
        try? context.store.nextFreeSlots(.doctor(doctor.id), from: day, limit: 1, horizonDays: days).entries.first?.slot
    }

    private func load() {
        guard let actor = context.actor else { return }
        do {
            slots = try context.store.slots(doctorID: doctor.id, on: date, viewer: actor).entries
            works = slots.isEmpty ? Format.works(context.store, doctorID: doctor.id, on: date) : true
        } catch {
            slots = []; notice = Format.error(error)
        }
        list.reset(count: slots.count)
    }
}
