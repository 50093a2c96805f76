/// One earliest-free-slot search in progress (`ClinicStore.nextFreeSlots`):
/// the doctors searched, their calculators, and what was found so far. Day by
/// day it lists the slots the doctors' schedules offer that day, asks once
/// which of them active appointments hold, and keeps the free ones in order.
struct FreeSlotSearch {
    /// A doctor's slot start, as the taken set holds it.
    struct Key: Hashable {
        let doctorID: Int64
        let start: Int64
    }

    /// The doctors, by name then id, and their calculators (same order).
    let doctors: [DoctorListing]
    let calculators: [SlotCalculator]
    /// Slots starting at or before this have started and are not offered.
    let now: Int64
    /// Slots starting after this lie beyond the booking window.
    let windowEnd: Int64
    let limit: Int
    private(set) var found: [NextFreeSlots.Entry] = []

    init(doctors: [DoctorListing], calculators: [SlotCalculator], now: Int64, limit: Int) {
        self.doctors = doctors; self.calculators = calculators; self.now = now; self.limit = limit
        windowEnd = now + ClinicStore.horizonDays * 86_400
    }

    /// Whether `limit` slots have been found.
    var isFull: Bool { found.count >= limit }

    /// Adds the free slots of `day`, earliest first, a tie by the doctor's
    /// order, until the list is full. `taken` reads the active appointments'
    /// starts of the doctors with candidate slots, within the candidates' span.
    mutating func add(_ day: LocalDate, taken: ([Int64], ClosedRange<Int64>) throws -> Set<Key>) rethrows {
        var candidates: [(slot: Slot, doctor: Int)] = []
        var ids: [Int64] = []
        for (index, calc) in calculators.enumerated() where !calc.hours.intervals(on: day.weekday).isEmpty {
            let before = candidates.count
            for slot in calc.slots(on: day) where slot.start > now && slot.start <= windowEnd {
                candidates.append((slot, index))
            }
            if candidates.count > before { ids.append(doctors[index].id) }
        }
        guard let low = candidates.map(\.slot.start).min(), let high = candidates.map(\.slot.start).max() else { return }
        let held = try taken(ids, low...high)
        var free = candidates.filter { !held.contains(Key(doctorID: doctors[$0.doctor].id, start: $0.slot.start)) }
        free.sort { ($0.slot.start, $0.doctor) < ($1.slot.start, $1.doctor) }
        for candidate in free.prefix(limit - found.count) {
            found.append(NextFreeSlots.Entry(doctor: doctors[candidate.doctor], slot: candidate.slot))
        }
    }
}
