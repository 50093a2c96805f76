/// One earliest-free-slot search in progress (`ClinicStore.nextFreeSlots`):
/// the doctors searched, their calculators, and what was found so far.
///
/// A day at a time: the slots each doctor's schedule offers that day (the
/// zone's offset worked out once for all of them), merged in order of start
/// then doctor, and asked in chunks which of them active appointments hold —
/// one read per chunk over the chunk's doctors and time span. A day with few
/// slots (one doctor, a small specialization) is one chunk, so one read; a
/// day of a thousand doctors is read from its start only as far as the list
/// needs, in chunks that double.
struct FreeSlotSearch {
    /// A doctor's slot start, as the taken set holds it.
    struct Key: Hashable {
        let doctorID: Int64
        let start: Int64
    }

    /// A free slot found, and whose.
    struct Found {
        let doctorID: Int64
        let slot: Slot
    }

    /// The doctors' ids, by name then id, and their calculators (same order).
    let doctorIDs: [Int64]
    let calculators: [SlotCalculator]
    /// Slots starting at or before this have started and are not offered.
    let now: Int64
    /// Slots starting after this lie beyond the booking window.
    let windowEnd: Int64
    let limit: Int
    private(set) var found: [Found] = []

    /// Days with at most this many candidate slots are read in one go.
    static let wholeDay = 512
    /// The first chunk of a bigger day holds at least this many candidates.
    static let firstChunk = 64

    init(doctorIDs: [Int64], calculators: [SlotCalculator], now: Int64, limit: Int) {
        self.doctorIDs = doctorIDs; self.calculators = calculators; self.now = now; self.limit = limit
        windowEnd = now + ClinicStore.horizonDays * 86_400
    }

    /// Whether `limit` slots have been found.
    var isFull: Bool { found.count >= limit }

    /// One doctor's candidate slots of the day, in order, and how many were merged.
    private struct Lane {
        let doctor: Int
        let slots: ArraySlice<Slot>
        var next: Int
    }

    /// Adds the free slots of `day`, earliest first, a tie by the doctor's
    /// order, until the list is full. `taken` reads the active appointments'
    /// starts of the given doctors within a span.
    mutating func add(_ day: LocalDate, taken: ([Int64], ClosedRange<Int64>) throws -> Set<Key>) rethrows {
        let offset = calculators.first?.constantOffset(around: day)  // one zone for every doctor
        var lanes: [Lane] = []
        var total = 0
        for (index, calc) in calculators.enumerated() where !calc.hours.intervals(on: day.weekday).isEmpty {
            let slots = calc.slots(on: day, offset: offset)
            let open = slots.drop { $0.start <= now }.prefix { $0.start <= windowEnd }
            guard !open.isEmpty else { continue }
            lanes.append(Lane(doctor: index, slots: open, next: open.startIndex))
            total += open.count
        }
        var heap = MergeHeap(lanes.indices.map { MergeHeap.key(start: lanes[$0].slots.first!.start, lane: $0) })
        var chunkSize = total <= Self.wholeDay ? total : max(Self.firstChunk, 4 * limit)
        while !isFull, !heap.isEmpty {
            var chunk: [(slot: Slot, doctor: Int)] = []
            chunk.reserveCapacity(min(chunkSize, total))
            while chunk.count < chunkSize, let key = heap.popMin() {
                let lane = MergeHeap.lane(of: key)
                chunk.append((lanes[lane].slots[lanes[lane].next], lanes[lane].doctor))
                lanes[lane].next += 1
                if lanes[lane].next < lanes[lane].slots.endIndex {
                    heap.push(MergeHeap.key(start: lanes[lane].slots[lanes[lane].next].start, lane: lane))
                }
            }
            var ids: [Int64] = []
            var seen = Set<Int>()
            for c in chunk where seen.insert(c.doctor).inserted { ids.append(doctorIDs[c.doctor]) }
            let held = try taken(ids, chunk[0].slot.start...chunk[chunk.count - 1].slot.start)
            for c in chunk where !held.contains(Key(doctorID: doctorIDs[c.doctor], start: c.slot.start)) {
                found.append(Found(doctorID: doctorIDs[c.doctor], slot: c.slot))
                if isFull { return }
            }
            chunkSize *= 2
        }
    }
}
