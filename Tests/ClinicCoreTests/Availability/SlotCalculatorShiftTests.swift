@testable import ClinicCore
import Testing

/// `SlotCalculator.generated(on:)` takes a shortcut on days far from any
/// offset change; it must give exactly what the general, transition-aware
/// generation gives, on every day, in zones with odd rules.
@Suite struct SlotCalculatorShiftTests {
    static let zones = [
        "America/New_York", "Europe/London", "Europe/Dublin", "Australia/Lord_Howe", "Pacific/Chatham",
        "America/Santiago", "Africa/Casablanca", "Asia/Tehran", "Asia/Kolkata", "Pacific/Apia",
        "America/St_Johns", "Antarctica/Troll", "UTC",
    ]
    static let hours: [(String, Int)] = [
        ("mon-sun 00:00-24:00", 30),
        ("mon-sat 00:00-03:30,09:00-12:00,13:00-24:00", 40),
    ]

    @Test(arguments: zones)
    func shortcutMatchesGeneralGeneration(zoneID: String) throws {
        // Given a clinic zone and doctors with awkward hours
        let zone = try #require(ClinicTimeZone(identifier: zoneID))
        var mismatches: [String] = []
        for (spec, minutes) in Self.hours {
            let calc = SlotCalculator(timeZone: zone, hours: try HoursSpecParser.parse(spec), slotMinutes: minutes)
            // When slots are generated for every day of years with rule changes and of today's rules
            for (year, days) in [(2011, 366), (2026, 366)] {
                let first = try #require(LocalDate(year: year, month: 1, day: 1))
                for n in 0..<days {
                    let date = first.adding(days: n)
                    // Then the shortcut and the general generation agree
                    if calc.generated(on: date) != calc.generalSlots(on: date) { mismatches.append("\(spec) \(date)") }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(zoneID): \(mismatches.prefix(5))")
    }

    @Test func placementOnATransitionDayStillDropsOverlaps() throws {
        // Given 40-minute slots over New York's repeated hour (2026-11-01, 01:00-02:00 happens twice)
        let zone = try #require(ClinicTimeZone(identifier: "America/New_York"))
        let calc = SlotCalculator(timeZone: zone, hours: try HoursSpecParser.parse("sun 01:00-03:00"), slotMinutes: 40)
        let date = try #require(LocalDate("2026-11-01"))
        // When the slots are generated
        let slots = calc.generated(on: date)
        // Then they match the general generation and none overlap
        #expect(slots == calc.generalSlots(on: date))
        #expect(zip(slots, slots.dropFirst()).allSatisfy { $0.end <= $1.start })
        #expect(slots.count == 4)  // 01:00 EDT, 01:40 EDT, 01:40 EST, 02:20 EST (01:00 EST overlaps 01:40 EDT)
    }
}
