import ClinicCore
import Testing

/// DESIGN §2, Time: a local time that does not exist is skipped, a repeated
/// hour yields each real instant once, and slots never overlap.
@Suite("SlotCalculator across daylight-saving changes")
struct SlotCalculatorDSTTests {
    @Test("New York spring forward (2026-03-08): 02:00–02:59 is skipped")
    func newYorkSpringForward() throws {
        // Given a doctor working Sunday 00:00–06:00 in 30-minute slots
        let calc = try calculator("America/New_York", "sun 00:00-06:00")
        // When the slots of the spring-forward day are generated
        let slots = calc.slots(on: date("2026-03-08"))
        // Then 00:00–01:30 EST and 03:00–05:30 EDT are offered, nothing at 02:xx
        #expect(
            starts(slots) == [
                "2026-03-08T05:00:00Z", "2026-03-08T05:30:00Z", "2026-03-08T06:00:00Z", "2026-03-08T06:30:00Z",
                "2026-03-08T07:00:00Z", "2026-03-08T07:30:00Z", "2026-03-08T08:00:00Z", "2026-03-08T08:30:00Z",
                "2026-03-08T09:00:00Z", "2026-03-08T09:30:00Z",
            ])
        let ny = zone("America/New_York")
        #expect(slots.allSatisfy { ny.local($0.start).minute / 60 != 2 })
        // And the 01:30 EST slot lasts 30 real minutes, ending at the jump (03:00 EDT)
        #expect(ny.iso8601(slots[3].end) == "2026-03-08T03:00:00-04:00")
    }

    @Test("New York spring forward: intervals that end or start inside the gap")
    func newYorkIntervalEdgesInGap() throws {
        // Given hours 01:00–02:30 (ends in the gap) and 02:30–04:00 (starts in it)
        let endsInGap = try calculator("America/New_York", "sun 01:00-02:30")
        let startsInGap = try calculator("America/New_York", "sun 02:30-04:00")
        // Then the first ends at the jump, the second starts at 03:00 EDT
        #expect(starts(endsInGap.slots(on: date("2026-03-08"))) == ["2026-03-08T06:00:00Z", "2026-03-08T06:30:00Z"])
        #expect(endsInGap.slots(on: date("2026-03-08")).last?.end == utc("2026-03-08T07:00:00Z"))
        #expect(starts(startsInGap.slots(on: date("2026-03-08"))) == ["2026-03-08T07:00:00Z", "2026-03-08T07:30:00Z"])
    }

    @Test("New York fall back (2026-11-01): 01:00–01:59 twice, each real instant once")
    func newYorkFallBack() throws {
        // Given a doctor working Sunday 00:00–04:00 in 30-minute slots
        let calc = try calculator("America/New_York", "sun 00:00-04:00")
        // When the slots of the fall-back day are generated
        let slots = calc.slots(on: date("2026-11-01"))
        // Then 01:00 and 01:30 appear in EDT and again in EST: five real hours, ten slots
        #expect(
            starts(slots) == [
                "2026-11-01T04:00:00Z", "2026-11-01T04:30:00Z", "2026-11-01T05:00:00Z", "2026-11-01T05:30:00Z",
                "2026-11-01T06:00:00Z", "2026-11-01T06:30:00Z", "2026-11-01T07:00:00Z", "2026-11-01T07:30:00Z",
                "2026-11-01T08:00:00Z", "2026-11-01T08:30:00Z",
            ])
        // And no two slots overlap or repeat
        #expect(zip(slots, slots.dropFirst()).allSatisfy { $0.end <= $1.start })
        #expect(Set(slots.map(\.start)).count == slots.count)
    }

    @Test("New York fall back: a long slot that would overlap its repeat is offered once")
    func newYorkFallBackLongSlots() throws {
        // Given 90-minute slots from 00:00 to 04:00: wall starts 00:00 and 01:30 (twice)
        let calc = try calculator("America/New_York", "sun 00:00-04:00", slot: 90)
        // When the day is generated
        let slots = calc.slots(on: date("2026-11-01"))
        // Then the EST 01:30 (06:30Z) would overlap the EDT one (05:30–07:00Z) and is dropped
        #expect(starts(slots) == ["2026-11-01T04:00:00Z", "2026-11-01T05:30:00Z"])
        #expect(slots.allSatisfy { $0.end - $0.start == 90 * 60 })
    }

    @Test("London spring forward (2026-03-29): 01:00–01:59 is skipped")
    func londonSpringForward() throws {
        // Given a doctor working Sunday 00:00–03:00 in London
        let calc = try calculator("Europe/London", "sun 00:00-03:00")
        // Then GMT 00:00, 00:30 and BST 02:00, 02:30 are offered: two real hours
        #expect(
            starts(calc.slots(on: date("2026-03-29"))) == [
                "2026-03-29T00:00:00Z", "2026-03-29T00:30:00Z", "2026-03-29T01:00:00Z", "2026-03-29T01:30:00Z",
            ])
        // And the next day's 09:00 is BST (08:00 UTC)
        let monday = try calculator("Europe/London", "mon 09:00-10:00", slot: 60)
        #expect(starts(monday.slots(on: date("2026-03-30"))) == ["2026-03-30T08:00:00Z"])
    }

    @Test("London fall back (2026-10-25): 01:00–01:59 twice, each real instant once")
    func londonFallBack() throws {
        // Given a doctor working Sunday 00:00–03:00 in London
        let calc = try calculator("Europe/London", "sun 00:00-03:00")
        // When the fall-back day is generated
        let slots = calc.slots(on: date("2026-10-25"))
        // Then the day starts 23:00 UTC the evening before and covers four real hours
        #expect(
            starts(slots) == [
                "2026-10-24T23:00:00Z", "2026-10-24T23:30:00Z", "2026-10-25T00:00:00Z", "2026-10-25T00:30:00Z",
                "2026-10-25T01:00:00Z", "2026-10-25T01:30:00Z", "2026-10-25T02:00:00Z", "2026-10-25T02:30:00Z",
            ])
        #expect(zip(slots, slots.dropFirst()).allSatisfy { $0.end <= $1.start })
    }

    @Test("Lord Howe's half-hour DST shift: 02:00–02:29 is skipped on 2026-10-04")
    func lordHoweHalfHourShift() throws {
        // Given a zone whose clocks move by 30 minutes (+10:30 → +11:00)
        let calc = try calculator("Australia/Lord_Howe", "sun 01:00-04:00", slot: 30)
        let slots = calc.slots(on: date("2026-10-04"))
        let lordHowe = zone("Australia/Lord_Howe")
        // Then the local starts skip 02:00 only, and real time is contiguous
        #expect(slots.map { lordHowe.local($0.start).time.description } == ["01:00", "01:30", "02:30", "03:00", "03:30"])
        #expect(zip(slots, slots.dropFirst()).allSatisfy { $0.end == $1.start })
    }
}
