import ClinicCore
import Testing

@Suite("SlotCalculator: hours, slot length, time off, placement")
struct SlotCalculatorTests {
    @Test("Asia/Kolkata (+05:30): slots fall on exact half-hour UTC instants")
    func kolkata() throws {
        // Given a doctor in Kolkata working Monday 09:00–11:00
        let calc = try calculator("Asia/Kolkata", "mon 09:00-11:00")
        // When Monday 2026-03-02 is generated
        let slots = calc.slots(on: date("2026-03-02"))
        // Then 09:00 IST is 03:30 UTC, and every slot is 30 minutes
        #expect(starts(slots) == ["2026-03-02T03:30:00Z", "2026-03-02T04:00:00Z", "2026-03-02T04:30:00Z", "2026-03-02T05:00:00Z"])
        #expect(slots.last?.end == utc("2026-03-02T05:30:00Z"))
        #expect(zone("Asia/Kolkata").iso8601(slots[0].start) == "2026-03-02T09:00:00+05:30")
    }

    @Test("A split day (09:00–12:00, 14:00–17:00) has no slots over lunch")
    func splitDay() throws {
        // Given a doctor with a split day in New York (EST on 2026-03-03)
        let calc = try calculator("America/New_York", "mon-fri 09:00-12:00,14:00-17:00")
        // When Tuesday is generated
        let slots = calc.slots(on: date("2026-03-03"))
        // Then six morning and six afternoon slots, and none between 12:00 and 14:00
        #expect(slots.count == 12)
        #expect(slots.first?.start == utc("2026-03-03T14:00:00Z"))
        #expect(slots[5].end == utc("2026-03-03T17:00:00Z"))
        #expect(slots[6].start == utc("2026-03-03T19:00:00Z"))
        #expect(slots.last?.end == utc("2026-03-03T22:00:00Z"))
        // And days without hours have no slots
        #expect(calc.slots(on: date("2026-03-07")).isEmpty)
    }

    @Test("A slot length that does not divide the interval: the last slot ends within it")
    func nonDividingLength() throws {
        // Given 40-minute slots in 09:00–12:00 (UTC)
        let calc = try calculator("UTC", "mon 09:00-12:00", slot: 40)
        // When Monday is generated
        let slots = calc.slots(on: date("2026-03-02"))
        // Then 09:00, 09:40, 10:20, 11:00 — an 11:40 slot would end at 12:20 and is not offered
        #expect(starts(slots) == ["2026-03-02T09:00:00Z", "2026-03-02T09:40:00Z", "2026-03-02T10:20:00Z", "2026-03-02T11:00:00Z"])
        #expect(slots.last?.end == utc("2026-03-02T11:40:00Z"))
        // And an interval shorter than one slot offers nothing
        #expect(try calculator("UTC", "mon 09:00-09:20", slot: 30).slots(on: date("2026-03-02")).isEmpty)
    }

    @Test("Whole days of time off remove every slot; the next day is untouched")
    func wholeDayOff() throws {
        // Given time off covering Tuesday 2026-03-03 from midnight to midnight (UTC)
        let off = utc("2026-03-03T00:00:00Z")..<utc("2026-03-04T00:00:00Z")
        let calc = try calculator("UTC", "mon-fri 09:00-12:00", off: [off])
        // Then Tuesday has no slots, Wednesday has all six
        #expect(calc.slots(on: date("2026-03-03")).isEmpty)
        #expect(calc.slots(on: date("2026-03-04")).count == 6)
    }

    @Test("Part-day time off removes exactly the slots it touches")
    func partDayOff() throws {
        // Given time off 10:15–11:00 on Monday (UTC)
        let off = utc("2026-03-02T10:15:00Z")..<utc("2026-03-02T11:00:00Z")
        let calc = try calculator("UTC", "mon 09:00-12:00", off: [off])
        // Then the 10:00 and 10:30 slots are gone; 11:00 (starting as the time off ends) stays
        #expect(
            starts(calc.slots(on: date("2026-03-02"))) == [
                "2026-03-02T09:00:00Z", "2026-03-02T09:30:00Z", "2026-03-02T11:00:00Z", "2026-03-02T11:30:00Z",
            ])
    }

    @Test("place() tells slots, off-grid starts and times outside hours apart")
    func placement() throws {
        // Given a split day with a time-off hour at 15:00 (UTC)
        let off = utc("2026-03-02T15:00:00Z")..<utc("2026-03-02T16:00:00Z")
        let calc = try calculator("UTC", "mon 09:00-12:00,14:00-17:00", off: [off])
        // Then each kind of start is classified
        let nine = utc("2026-03-02T09:00:00Z")
        #expect(calc.place(nine) == .slot(Slot(start: nine, end: nine + 1800)))
        #expect(calc.place(utc("2026-03-02T09:10:00Z")) == .notAligned)
        #expect(calc.place(utc("2026-03-02T11:59:00Z")) == .notAligned)
        #expect(calc.place(utc("2026-03-02T12:00:00Z")) == .outsideSchedule)
        #expect(calc.place(utc("2026-03-02T13:00:00Z")) == .outsideSchedule)
        #expect(calc.place(utc("2026-03-02T08:59:00Z")) == .outsideSchedule)
        #expect(calc.place(utc("2026-03-02T15:30:00Z")) == .outsideSchedule)
        #expect(calc.place(utc("2026-03-03T09:00:00Z")) == .outsideSchedule)
    }

    @Test("A start on the grid whose slot would run past the end of the hours is outside_schedule, saying so")
    func pastTheEndOfTheHours() throws {
        // Given 40-minute slots from 09:00 to 12:00 (09:00 … 11:00; 11:40 would end at 12:20)
        let calc = try calculator("UTC", "mon 09:00-12:00", slot: 40)
        #expect(calc.place(utc("2026-03-02T11:40:00Z")) == .pastEndOfHours)
        #expect(calc.place(utc("2026-03-02T11:50:00Z")) == .notAligned)
        let error = try #require(throws: ClinicError.self) { try calc.slot(startingAt: utc("2026-03-02T11:40:00Z")) }
        #expect(error.code == .outsideSchedule && error.message.contains("run past the end"))
        #expect(try calc.slot(startingAt: utc("2026-03-02T11:00:00Z")).end == utc("2026-03-02T11:40:00Z"))
    }

    @Test("place() in the repeated hour: both 01:00s are slots, 01:10 EST is off the grid")
    func placementInRepeatedHour() throws {
        // Given New York hours 00:00–04:00 on the fall-back Sunday
        let calc = try calculator("America/New_York", "sun 00:00-04:00")
        // Then both real 01:00s are slots and a start between them is not aligned
        #expect(calc.place(utc("2026-11-01T05:00:00Z")) == .slot(Slot(start: utc("2026-11-01T05:00:00Z"), end: utc("2026-11-01T05:30:00Z"))))
        #expect(calc.place(utc("2026-11-01T06:00:00Z")) == .slot(Slot(start: utc("2026-11-01T06:00:00Z"), end: utc("2026-11-01T06:30:00Z"))))
        #expect(calc.place(utc("2026-11-01T06:10:00Z")) == .notAligned)
    }
}
