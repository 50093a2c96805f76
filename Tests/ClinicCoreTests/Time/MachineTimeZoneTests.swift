import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// DESIGN §2: a day's slots never depend on the machine's own time zone.
/// (The same results under another machine zone: Tests/ClinicCLITests/CLIMachineZoneTests.swift,
/// which sets TZ for a child process instead of for this process's parallel suites.)
@Suite("Results do not depend on the machine's time zone")
struct MachineTimeZoneTests {
    @Test("Slots match instants computed by hand from the zone's rules alone")
    func matchesHandArithmetic() throws {
        // Given New York's known offsets: EST −5 until 07:00 UTC on 2026-03-08, EDT −4 after
        let calc = try calculator("America/New_York", "sun 00:00-06:00")
        var expected: [Int64] = []
        for wallMinute in stride(from: 0, to: 360, by: 30) where !(120..<180).contains(wallMinute) {
            let offset: Int64 = wallMinute < 120 ? -5 * 3600 : -4 * 3600
            expected.append(utc("2026-03-08T00:00:00Z") + Int64(wallMinute) * 60 - offset)
        }
        // When the calculator generates the day
        let slots = calc.slots(on: date("2026-03-08"))
        // Then the slots are exactly those instants: nothing came from the machine's zone
        #expect(slots.map(\.start) == expected)
        #expect(slots.count == 10)
    }
}
