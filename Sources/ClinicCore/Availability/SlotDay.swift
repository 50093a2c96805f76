/// A doctor's slots on one local date and who holds each, the same for every
/// viewer: what the database says, before the viewer's permissions and the
/// clock are applied (`DaySlots` is what a viewer sees of it). Kept whole by
/// the API's `SlotDayCache` while the database is unchanged.
struct SlotDay: Sendable {
    /// The active appointment on a slot, as the view policy needs it.
    struct Holder: Sendable {
        let code: String
        let patientID: Int64
        let status: AppointmentStatus
    }

    /// One slot of the day, and its holder when it is taken.
    struct Entry: Sendable {
        let slot: Slot
        let holder: Holder?
    }

    let doctorID: Int64
    let date: LocalDate
    let timeZone: ClinicTimeZone
    /// Every slot of the day, started or not, in order.
    let entries: [Entry]

    /// What `viewer` sees at `now`: slots not yet started, free or taken,
    /// with the holder's code when the policy lets the viewer view it.
    func seen(by viewer: Actor, now: Int64) -> DaySlots {
        var seen: [DaySlots.Entry] = []
        seen.reserveCapacity(entries.count)
        for entry in entries where entry.slot.start > now {
            guard let holder = entry.holder else {
                seen.append(.init(slot: entry.slot, free: true, code: nil))
                continue
            }
            let facts = AppointmentFacts(
                code: holder.code, status: holder.status, doctorID: doctorID, patientID: holder.patientID,
                start: entry.slot.start, now: now)
            let visible = Policy.decide(.view, by: viewer, facts: facts).isAllowed
            seen.append(.init(slot: entry.slot, free: false, code: visible ? holder.code : nil))
        }
        return DaySlots(doctorID: doctorID, date: date, timeZone: timeZone, entries: seen)
    }
}
