import ClinicCore

/// Moves a visit to another free slot of its doctor or of another one (`d`):
/// a day picker (`[` `]` `t`) over the doctor's slots; Enter asks the core to
/// move it in one transaction (the old slot is kept if the new one is refused
/// or just taken; another doctor must be one the visit may be booked with).
@_spi(Tooling) public final class RescheduleModel: ScreenModel {
    enum Action: Sendable { case move, doctor }
    let context: AppContext
    let appointment: Appointment
    /// The doctor whose slots are shown: the visit's own, or the one `d` picked.
    private(set) var doctor: DoctorListing
    private(set) var day: DayPicker
    /// Whether the doctor works on the shown day's weekday at all.
    private(set) var works = true
    private(set) var slots: [DaySlots.Entry] = []
    var list = ListState()
    private(set) var notice: (text: String, role: ThemeRole)?

    init(_ context: AppContext, appointment: Appointment) {
        self.context = context; self.appointment = appointment
        doctor =
            (try? context.store.bookableDoctors().first { $0.id == appointment.doctor.id })
            ?? DoctorListing(id: appointment.doctor.id, name: appointment.doctor.name, specialization: "", slotMinutes: 0)
        day = DayPicker(max(context.today, context.timeZone.local(appointment.start).date))
        reload()
        list.select(slots.firstIndex(where: \.free) ?? 0)
    }

    let bindings: [Binding<Action>] = [Binding([.enter], .move, "move here"), Binding([.char("d")], .doctor, "other doctor")]
    var title: String { "Move \(appointment.code)" + (doctor.id == appointment.doctor.id ? "" : " to \(doctor.name)") }
    var hints: [KeyHint] { [KeyHint(keys: "↑↓/jk", label: "move", inFooter: false)] + bindings.hints() + DayPicker.hints }

    /// The highlighted slot, if any.
    var selected: DaySlots.Entry? { list.selected < slots.count ? slots[list.selected] : nil }

    func handle(_ key: Key) -> Effect {
        if list.handle(key, page: 10) { notice = nil; return .none }
        if day.handle(key, today: context.today) {
            notice = nil; reload(); list.select(slots.firstIndex(where: \.free) ?? 0); return .none
        }
        switch bindings.action(for: key) {
        case .doctor?:
            return .push(
                DoctorPickerModel(context, current: doctor) { [weak self] chosen in
                    guard let self else { return }
                    doctor = chosen; notice = nil; reload(); list.select(slots.firstIndex(where: \.free) ?? 0)
                })
        case .move?:
            guard let entry = selected, let actor = context.actor else { return .none }
            guard entry.free else { notice = ("That slot is taken: pick a free one.", .warning); return .none }
            do {
                let other = doctor.id == appointment.doctor.id ? nil : doctor.id
                let moved = try context.store.reschedule(code: appointment.code, to: entry.slot.start, doctorID: other, by: actor)
                context.flash =
                    "Moved \(moved.code) to \(Format.dateTime(moved.start, context.timeZone))" + (other == nil ? "." : " with \(moved.doctor.name).")
                return .pop
            } catch {
                notice = (Format.error(error), .error)
                reload()
            }
        case nil: return .unhandled
        }
        return .none
    }

    func reload() {
        guard let actor = context.actor else { return }
        let keep = selected?.slot.start
        do {
            slots = try context.store.slots(doctorID: doctor.id, on: day.date, viewer: actor).entries
            works = slots.isEmpty ? Format.works(context.store, doctorID: doctor.id, on: day.date) : true
        } catch { slots = []; notice = (Format.error(error), .error) }
        list.reset(count: slots.count, keeping: slots.firstIndex { $0.slot.start == keep } ?? list.selected)
    }
}
