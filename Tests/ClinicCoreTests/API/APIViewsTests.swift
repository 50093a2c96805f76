import ClinicTesting
import Foundation
import Testing

@testable import ClinicCore

/// The answers written straight into bytes equal what the generic writer
/// makes of the same values, over days with taken and free slots, a
/// spring-forward day, and codes that need no escaping and text that does.
@Suite struct APIViewsTests {
    @Test func aDaysSlotsWrittenByHandEqualTheGenericJSON() throws {
        let zone = ClinicTimeZone(identifier: "America/New_York")!
        for date in ["2026-03-03", "2026-03-08", "2026-11-01"] {
            let day = LocalDate(date)!
            let start = zone.startOfDay(day) + 9 * 3600
            let entries = (0..<6).map { i -> DaySlots.Entry in
                let slot = Slot(start: start + Int64(i) * 1800, end: start + Int64(i + 1) * 1800)
                return .init(slot: slot, free: i % 3 != 0, code: i % 3 == 0 ? (i == 3 ? "Q\"\\\u{1}" : "K7QX2M") : nil)
            }
            let slots = DaySlots(doctorID: 7, date: day, timeZone: zone, entries: entries)
            let typed = APIViews.slots(slots)
            // The generic form: the dictionaries the route built before it wrote bytes itself
            let generic: [[String: Any]] = entries.map { entry in
                [
                    "start": zone.iso8601(entry.slot.start), "end": zone.iso8601(entry.slot.end),
                    "available": entry.free, "appointmentId": entry.code ?? NSNull(),
                ]
            }
            #expect(typed == JSONText.encode(generic), "\(date)")
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(typed)) as? [[String: Any]])
            #expect(parsed.count == 6 && parsed[1]["available"] as? Bool == true && parsed[0]["appointmentId"] as? String == "K7QX2M")
            #expect(parsed[3]["appointmentId"] as? String == "Q\"\\\u{1}")
        }
        let empty = DaySlots(doctorID: 7, date: LocalDate("2026-03-03")!, timeZone: zone, entries: [])
        #expect(String(decoding: APIViews.slots(empty), as: UTF8.self) == "[]")
    }
}
