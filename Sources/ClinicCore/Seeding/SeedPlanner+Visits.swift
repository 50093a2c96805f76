extension SeedPlanner {
    /// Appointments on real slots: each doctor's share in proportion to their
    /// slots (at least the minimum), patients drawn at random and redrawn when
    /// they already have a visit at that time.
    mutating func visits(
        _ doctors: [SeedPlan.Doctor], profiles: [(template: Int, length: Int)], book: SlotBook,
        patients: [SeedPlan.Person], pastCount: Int, futureCount: Int,
        notes: inout [String]
    ) throws -> [SeedPlan.Visit] {
        let past = profiles.map { book.past($0.template, $0.length) }
        let future = profiles.map { book.future($0.template, $0.length) }
        var pastQuota = Self.share(pastCount, capacities: past.map(\.count))
        var futureQuota = Self.share(futureCount, capacities: future.map(\.count))
        let minimum = min(SeedOptions.minimumPerDoctor, options.appointments / max(1, doctors.count))
        if minimum < SeedOptions.minimumPerDoctor {
            notes.append(
                "\(options.appointments) appointments over \(doctors.count) doctors: each doctor gets at least "
                    + "\(minimum), not the usual \(SeedOptions.minimumPerDoctor)")
        }
        Self.raiseToMinimum(minimum, &pastQuota, &futureQuota, pastCapacity: past.map(\.count))

        var busy = [[(Int64, Int64)]](repeating: [], count: patients.count)
        var codes = Set<String>(minimumCapacity: options.appointments)
        var result: [SeedPlan.Visit] = []
        result.reserveCapacity(options.appointments)
        var skipped = 0
        for (d, doctor) in doctors.enumerated() {
            let length = Int64(doctor.slotMinutes) * 60
            for (slots, quota, isPast) in [(past[d], pastQuota[d], true), (future[d], futureQuota[d], false)] {
                for start in sample(slots, quota) {
                    guard let p = freePatient(&busy, start: start, end: start + length) else { skipped += 1; continue }
                    var code = AppointmentCode.make(using: &rng)
                    while !codes.insert(code).inserted { code = AppointmentCode.make(using: &rng) }
                    let status = isPast ? pastStatus() : (rng.chance(0.4) ? .confirmed : .scheduled)
                    let lead = Int64(3_600 + rng.below(30 * 86_400))
                    result.append(
                        SeedPlan.Visit(
                            id: 0, code: code, doctorID: doctor.person.id, patientID: patients[p].id,
                            start: start, end: start + length, status: status, reason: rng.pick(vocabulary.reasons),
                            createdAt: min(start, now) - lead))
                    if result.count % 50_000 == 0 { progress?("appointments", result.count, options.appointments) }
                }
            }
        }
        // Rows in (doctor, start) order: the table then reads in the order screens and checks walk it.
        result.sort { ($0.doctorID, $0.start) < ($1.doctorID, $1.start) }
        // The codes drawn above are dealt out in ascending order too, so the unique
        // index on the code grows by appends instead of a million random inserts
        // (about 0.8 s of the write at 1M). Each code is still a random draw.
        var codesInOrder = result.map { v in v.code.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
        codesInOrder.sort()  // big-endian bytes: the order SQLite compares the text in
        for i in result.indices {
            result[i].id = Int64(i + 1)
            result[i].code = String(decoding: (0..<6).map { UInt8(truncatingIfNeeded: codesInOrder[i] >> (8 * (5 - $0))) }, as: UTF8.self)
        }
        if skipped > 0 {
            notes.append("\(skipped) appointments were left out: no patient was free at those times (add patients)")
        }
        return result
    }

    private mutating func pastStatus() -> AppointmentStatus {
        let r = rng.below(100)
        return r < 80 ? .completed : r < 92 ? .cancelled : .noShow
    }

    /// `count` distinct elements of `slots`, in random order (partial Fisher–Yates).
    private mutating func sample(_ slots: [Int64], _ count: Int) -> ArraySlice<Int64> {
        var pool = slots
        let n = min(count, pool.count)
        for i in 0..<n { pool.swapAt(i, i + rng.below(pool.count - i)) }
        return pool[0..<n]
    }

    /// A random patient with nothing overlapping `[start, end)`, recorded as busy.
    private mutating func freePatient(_ busy: inout [[(Int64, Int64)]], start: Int64, end: Int64) -> Int? {
        guard !busy.isEmpty else { return nil }
        for attempt in 0..<64 {
            let p = attempt < 32 ? rng.below(busy.count) : (rng.below(busy.count) + attempt) % busy.count
            if !busy[p].contains(where: { $0.0 < end && start < $0.1 }) {
                busy[p].append((start, end))
                return p
            }
        }
        return nil
    }

    /// Splits `total` in proportion to `capacities`, never above a capacity.
    static func share(_ total: Int, capacities: [Int]) -> [Int] {
        let all = capacities.reduce(0, +)
        guard all > 0 else { return capacities.map { _ in 0 } }
        var quota = capacities.map { Int(Double(total) * Double($0) / Double(all)) }
        var left = min(total, all) - quota.reduce(0, +)
        var i = 0
        while left > 0 {
            if quota[i] < capacities[i] { quota[i] += 1; left -= 1 }
            i = (i + 1) % quota.count
        }
        return quota
    }

    /// Moves past appointments from the busiest doctors to those below `minimum`.
    static func raiseToMinimum(_ minimum: Int, _ past: inout [Int], _ future: inout [Int], pastCapacity: [Int]) {
        for d in past.indices where past[d] + future[d] < minimum {
            while past[d] + future[d] < minimum && past[d] < pastCapacity[d] {
                guard let donor = past.indices.max(by: { past[$0] + future[$0] < past[$1] + future[$1] }),
                    past[donor] + future[donor] > minimum, past[donor] > 0
                else { return }
                past[donor] -= 1
                past[d] += 1
            }
        }
    }
}
