import Foundation

/// One bookable period, in unix seconds.
public struct Slot: Hashable, Sendable, Comparable {
    public let start: Int64
    public let end: Int64
    public init(start: Int64, end: Int64) { self.start = start; self.end = end }
    public static func < (a: Slot, b: Slot) -> Bool { a.start < b.start }
}

/// Generates a doctor's slots for a local date (DESIGN §2, Availability),
/// DST-correct: wall-clock times in a spring-forward gap are skipped, a
/// repeated hour yields each real instant once, and nothing depends on the
/// machine's time zone.
public struct SlotCalculator: Sendable {
    public let timeZone: ClinicTimeZone
    public let hours: WeeklyHours
    public let slotMinutes: Int
    /// Periods the doctor is away, unix seconds, half-open.
    public let timeOff: [Range<Int64>]

    public init(timeZone: ClinicTimeZone, hours: WeeklyHours, slotMinutes: Int, timeOff: [Range<Int64>] = []) {
        self.timeZone = timeZone; self.hours = hours; self.slotMinutes = slotMinutes; self.timeOff = timeOff
    }

    /// Where a requested start instant falls.
    public enum Placement: Equatable, Sendable {
        case slot(Slot)
        /// Inside working hours but not on a slot boundary.
        case notAligned
        /// Outside working hours, or in time off.
        case outsideSchedule
        /// On the slot grid, but a slot starting there would run past the end of the hours.
        case pastEndOfHours
    }

    /// The slot starting at `start`, or the contract's refusal saying why not.
    public func slot(startingAt start: Int64) throws -> Slot {
        switch place(start) {
        case .slot(let slot): return slot
        case .notAligned:
            throw ClinicError(.notAligned, "slots start every \(slotMinutes) minutes from the start of the doctor's hours")
        case .outsideSchedule:
            throw ClinicError(.outsideSchedule, "the doctor does not work at that time")
        case .pastEndOfHours:
            throw ClinicError(.outsideSchedule, "a \(slotMinutes)-minute visit starting then would run past the end of the doctor's hours")
        }
    }

    /// The slots of `date` that do not touch time off, in order.
    public func slots(on date: LocalDate) -> [Slot] {
        generated(on: date).filter { !isOff($0) }
    }

    /// The same, with `constantOffset(around: date)` of this calculator's
    /// zone worked out by the caller (a search over many doctors works it out
    /// once a day, not once a doctor).
    func slots(on date: LocalDate, offset: Int64?) -> [Slot] {
        let all = generated(on: date, offset: offset)
        return timeOff.isEmpty ? all : all.filter { !isOff($0) }
    }

    /// Classifies a start instant against the schedule.
    public func place(_ start: Int64) -> Placement {
        let date = timeZone.local(start).date
        if let slot = generated(on: date).first(where: { $0.start == start }) {
            return isOff(slot) ? .outsideSchedule : .slot(slot)
        }
        for interval in hours.intervals(on: date.weekday) {
            let from = timeZone.startInstant(of: date, minute: interval.start)
            let to = timeZone.endInstant(of: date, minute: interval.end)
            guard start >= from && start < to else { continue }
            let wall = timeZone.local(start)
            let onGrid = wall.second == 0 && (wall.minute - interval.start) % slotMinutes == 0
            return onGrid && wall.minute + slotMinutes > interval.end ? .pastEndOfHours : .notAligned
        }
        return .outsideSchedule
    }

    /// Every slot the weekly hours generate on `date`, ignoring time off.
    ///
    /// Most days lie far from any offset change: there wall time and instant
    /// differ by one fixed offset, and the slots are the wall times shifted by
    /// it, exactly what `generalSlots(on:)` returns (no gap, no repeated hour,
    /// nothing to drop) for a few time-zone look-ups instead of three per slot.
    func generated(on date: LocalDate) -> [Slot] { generated(on: date, offset: constantOffset(around: date)) }

    /// `generated(on:)` with the date's constant offset given (nil: a transition is near).
    func generated(on date: LocalDate, offset: Int64?) -> [Slot] {
        guard let offset else { return generalSlots(on: date) }
        let length = Int64(slotMinutes) * 60
        let base = Int64(date.daysSinceEpoch) * 86_400 - offset
        var result: [Slot] = []
        for interval in hours.intervals(on: date.weekday) {  // sorted, not overlapping
            var minute = interval.start
            while minute + slotMinutes <= interval.end {
                let start = base + Int64(minute) * 60
                result.append(Slot(start: start, end: start + length))
                minute += slotMinutes
            }
        }
        return result
    }

    /// The zone's UTC offset (seconds) if it is the same all through the window
    /// `generalSlots(on:)` consults for `date` (every probe of `ClinicTimeZone`
    /// lies within a day of the date's wall-clock span; two days of margin
    /// here), or `nil` when a transition falls in it.
    func constantOffset(around date: LocalDate) -> Int64? {
        let dayWall = Int64(date.daysSinceEpoch) * 86_400
        let from = dayWall - 2 * 86_400, to = dayWall + 3 * 86_400
        let offset = timeZone.offset(at: from)
        if let next = timeZone.zone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: TimeInterval(from))),
            next.timeIntervalSince1970 <= TimeInterval(to)
        {
            return nil
        }
        guard timeZone.offset(at: to) == offset else { return nil }
        return Int64(offset)
    }

    /// The slots of `date` for any day, transitions included: each wall time's
    /// real instants, within the interval's end, overlaps dropped.
    func generalSlots(on date: LocalDate) -> [Slot] {
        let length = Int64(slotMinutes) * 60
        var result: [Slot] = []
        for interval in hours.intervals(on: date.weekday) {
            let limit = timeZone.endInstant(of: date, minute: interval.end)
            var minute = interval.start
            while minute + slotMinutes <= interval.end {
                for start in timeZone.instants(of: date, minute: minute) where start + length <= limit {
                    result.append(Slot(start: start, end: start + length))
                }
                minute += slotMinutes
            }
        }
        result.sort()
        // A repeated hour yields some wall times twice; keep each instant once
        // and never two slots that overlap (a doctor sees one patient at a time).
        var kept: [Slot] = []
        kept.reserveCapacity(result.count)
        for slot in result where kept.last.map({ slot.start >= $0.end }) ?? true { kept.append(slot) }
        return kept
    }

    private func isOff(_ slot: Slot) -> Bool {
        timeOff.contains { $0.lowerBound < slot.end && slot.start < $0.upperBound }
    }
}
