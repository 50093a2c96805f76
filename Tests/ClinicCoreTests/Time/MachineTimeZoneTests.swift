import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// DESIGN §2: a day's slots never depend on the machine's own time zone.
@Suite("Results do not depend on the machine's time zone", .serialized)
struct MachineTimeZoneTests {
    /// Everything the core derives from the clinic's zone for the New York DST days.
    static func fingerprint() throws -> [String] {
        let calc = try calculator("America/New_York", "sun 00:00-06:00; mon 09:00-12:00")
        let ny = zone("America/New_York")
        var lines: [String] = []
        for day in ["2026-03-08", "2026-11-01", "2026-03-09"] {
            lines.append(day + ": " + starts(calc.slots(on: date(day))).joined(separator: " "))
            lines.append(ny.iso8601(ny.startOfDay(date(day))))
        }
        lines.append(ny.local(utc("2026-11-01T06:30:00Z")).iso8601)
        lines.append(zone("Asia/Kolkata").iso8601(utc("2026-03-02T03:30:00Z")))
        return lines
    }

    @Test("The same computation gives the same answer under TZ=Pacific/Auckland")
    func underAnotherMachineZone() throws {
        // Given the results computed under the machine's zone as it is
        let before = try Self.fingerprint()
        let saved = getenv("TZ").map { String(cString: $0) }
        defer {
            if let saved { setenv("TZ", saved, 1) } else { unsetenv("TZ") }
            tzset()
            NSTimeZone.resetSystemTimeZone()
        }
        // When the machine's zone is changed to one far away (and Foundation notices)
        setenv("TZ", "Pacific/Auckland", 1)
        tzset()
        NSTimeZone.resetSystemTimeZone()
        #expect(TimeZone.current.identifier == "Pacific/Auckland")
        let after = try Self.fingerprint()
        // Then every slot and every formatted instant is the same
        #expect(after == before)
    }

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
