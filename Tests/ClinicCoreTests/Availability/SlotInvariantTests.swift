import ClinicCore
import Testing

/// The Availability rules checked on every slot of many zones × DST days × slot lengths.
@Suite("Slot invariants across zones, transition days and slot lengths")
struct SlotInvariantTests {
    /// Days around each zone's 2026 transitions, plus an ordinary day.
    static let cases: [(zone: String, days: [String])] = [
        ("America/New_York", ["2026-03-08", "2026-11-01", "2026-06-15"]),
        ("Europe/London", ["2026-03-29", "2026-10-25"]),
        ("Asia/Kolkata", ["2026-03-02"]),
        ("Pacific/Auckland", ["2026-04-05", "2026-09-27"]),
        ("Australia/Lord_Howe", ["2026-04-05", "2026-10-04"]),
        ("America/Havana", ["2026-03-08", "2026-11-01"]),
    ]

    static let spec = "mon-sun 00:00-03:30,08:00-12:00,22:00-24:00"

    @Test(
        "Every slot sits on the grid of its interval, lasts its length, and none overlap",
        arguments: [15, 20, 30, 40, 45, 60, 90])
    func invariants(slotMinutes: Int) throws {
        let weekly = try hours(Self.spec)
        for (zoneID, days) in Self.cases {
            // Given a doctor's hours in this zone with this slot length
            let tz = zone(zoneID)
            let calc = SlotCalculator(timeZone: tz, hours: weekly, slotMinutes: slotMinutes)
            for text in days {
                // When one day is generated
                let day = date(text)
                let slots = calc.slots(on: day)
                let label = "\(zoneID) \(text) \(slotMinutes) min"
                #expect(!slots.isEmpty, "\(label)")
                // Then the slots are in order and never overlap
                #expect(zip(slots, slots.dropFirst()).allSatisfy { $0.end <= $1.start }, "\(label)")
                for slot in slots {
                    let local = tz.local(slot.start)
                    let interval = weekly.intervals(on: day.weekday).first {
                        local.minute >= $0.start && local.minute + slotMinutes <= $0.end
                            && ($0.start - local.minute) % slotMinutes == 0
                    }
                    // And each starts on that date, on a wall-clock grid point of an interval
                    #expect(local.date == day && local.second == 0, "\(label) \(tz.iso8601(slot.start))")
                    #expect(interval != nil, "\(label) \(tz.iso8601(slot.start)) is off the grid")
                    // And lasts exactly one slot of real time, ending within its interval
                    #expect(slot.end - slot.start == Int64(slotMinutes) * 60, "\(label)")
                    if let interval {
                        #expect(slot.end <= tz.endInstant(of: day, minute: interval.end), "\(label) \(tz.iso8601(slot.end))")
                    }
                    // And placing its start finds the same slot
                    #expect(calc.place(slot.start) == .slot(slot), "\(label) \(tz.iso8601(slot.start))")
                }
            }
        }
    }

    @Test("On an ordinary day the count is the sum of whole slots per interval")
    func ordinaryDayCount() throws {
        // Given New York on a day without a transition
        let calc = SlotCalculator(timeZone: zone("America/New_York"), hours: try hours(Self.spec), slotMinutes: 45)
        // Then 210 min → 4 slots, 240 → 5, 120 → 2
        #expect(calc.slots(on: date("2026-06-15")).count == 11)
    }
}
