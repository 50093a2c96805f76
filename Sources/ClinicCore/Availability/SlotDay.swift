/// A doctor's slots on one local date and who holds each, the same for every
/// viewer: what the database says, before the viewer's permissions and the
/// clock are applied (`DaySlots` is what a viewer sees of it). Kept whole by
/// the API's `SlotDayCache` while the database is unchanged, so it is stored
/// compactly: each slot as two offsets from the day's start, holders apart.
struct SlotDay: Sendable {
    /// The active appointment on a slot, as the view policy needs it.
    struct Holder: Sendable {
        /// Which of the day's slots it holds.
        let index: Int32
        let status: AppointmentStatus
        let patientID: Int64
        let code: String
    }

    let doctorID: Int64
    let date: LocalDate
    let timeZone: ClinicTimeZone
    /// The instant the offsets count from.
    private let base: Int64
    /// Per slot, in order: start and end, seconds after `base`.
    private let bounds: [(start: Int32, end: Int32)]
    /// The taken slots' holders, in slot order.
    private let holders: [Holder]

    /// The day of `slots` (in order), with `holder` telling who holds a slot starting at an instant.
    init(
        doctorID: Int64, date: LocalDate, timeZone: ClinicTimeZone, slots: [Slot],
        holder: (Int64) -> (status: AppointmentStatus, patientID: Int64, code: String)?
    ) {
        self.doctorID = doctorID; self.date = date; self.timeZone = timeZone
        base = slots.first?.start ?? 0
        var bounds: [(start: Int32, end: Int32)] = [], holders: [Holder] = []
        bounds.reserveCapacity(slots.count)
        for (i, slot) in slots.enumerated() {
            bounds.append((Int32(slot.start - base), Int32(slot.end - base)))  // a day's slots lie within hours of its first
            if let h = holder(slot.start) { holders.append(Holder(index: Int32(i), status: h.status, patientID: h.patientID, code: h.code)) }
        }
        self.bounds = bounds; self.holders = holders
    }

    /// What `viewer` sees at `now`: slots not yet started, free or taken,
    /// with the holder's code when the policy lets the viewer view it.
    func seen(by viewer: Actor, now: Int64) -> DaySlots {
        var seen: [DaySlots.Entry] = []
        seen.reserveCapacity(bounds.count)
        var next = 0  // the next holder, by slot index
        for (i, offsets) in bounds.enumerated() {
            let slot = Slot(start: base + Int64(offsets.start), end: base + Int64(offsets.end))
            var holder: Holder?
            if next < holders.count, holders[next].index == i {
                holder = holders[next]
                next += 1
            }
            guard slot.start > now else { continue }
            guard let holder else {
                seen.append(.init(slot: slot, free: true, code: nil))
                continue
            }
            let facts = AppointmentFacts(
                code: holder.code, status: holder.status, doctorID: doctorID, patientID: holder.patientID, start: slot.start, now: now)
            let visible = Policy.decide(.view, by: viewer, facts: facts).isAllowed
            seen.append(.init(slot: slot, free: false, code: visible ? holder.code : nil))
        }
        return DaySlots(doctorID: doctorID, date: date, timeZone: timeZone, entries: seen)
    }
}
