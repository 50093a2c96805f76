import ClinicCore
import Foundation
import GRDB

/// The day sheet of the busiest local day, every doctor, as the desk's `w`
/// and `clinic day` make it: `ClinicStore.daySheet(on:by:)` (one read) plus
/// the text and the iCalendar renderers, timed call by call on the 1M
/// clinics: the slots benchmark's (100 doctors) and the seeded one (the
/// seed fits a million visits on about 1,100 doctors: thousands a day).
enum DaySheetBench {
    static func run(dir: String, slotsAppointments: Int, seedPatients: Int, seedAppointments: Int, calls: Int) throws -> [String: Any] {
        let slots = try SlotsBench.database(dir: dir, appointments: slotsAppointments).path
        let seeded = try StaffScreensBench.seededDatabase(
            dir + "/seed.sqlite", doctors: 10, patients: seedPatients, appointments: seedAppointments)
        return [
            "slots_clinic": try measure(slots, calls: calls),
            "seeded_clinic": try measure(seeded, calls: calls),
            "target_ms": 200,
        ]
    }

    /// Times the sheet of `path`'s busiest day in each format.
    static func measure(_ path: String, calls: Int) throws -> [String: Any] {
        let store = try ClinicStore(path: path, clock: ManualClock(StaffScreensBench.now))
        defer { try? store.close() }
        let zone = try store.settings().timeZone
        let (day, desk) = try store.reader.read { db in
            // The busiest day at the offset of "now" (a day near a clock change may count an hour off; the sheet reads the real day).
            let offset = zone.offset(at: Int64(StaffScreensBench.now.timeIntervalSince1970))
            let days = try Int.fetchOne(
                db, sql: "SELECT (start_at + ?) / 86400 AS d FROM appointment GROUP BY d ORDER BY COUNT(*) DESC LIMIT 1", arguments: [offset])
            let desk = try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE role IN ('receptionist', 'admin') ORDER BY role DESC LIMIT 1")
            return (LocalDate(daysSinceEpoch: days ?? 0), desk ?? 0)
        }
        let actor = Actor.account(desk, .receptionist, via: .tui)
        var out: [String: Any] = ["database": path, "date": day.description]
        var reads: [UInt64] = []
        for i in 0..<(calls + 3) {
            let t0 = Stopwatch.now()
            _ = try store.daySheet(on: day, by: actor)
            if i >= 3 { reads.append(Stopwatch.now() &- t0) }
        }
        let read = Percentiles(nanoseconds: reads)
        out["read_only"] = ["p50_ms": rounded(read.p50 / 1000, 1), "p99_ms": rounded(read.p99 / 1000, 1)]
        for format in [DaySheetFormat.text, .ics] {
            var latencies: [UInt64] = []
            var size = 0, visits = 0, doctors = 0
            for i in 0..<(calls + 3) {
                let t0 = Stopwatch.now()
                let sheet = try store.daySheet(on: day, by: actor)
                let bytes = format.render(sheet)
                let elapsed = Stopwatch.now() &- t0
                if i >= 3 { latencies.append(elapsed) }  // three warm-up calls
                size = bytes.count; visits = sheet.visits.count; doctors = sheet.doctors.count
            }
            let p = Percentiles(nanoseconds: latencies)
            out[format.rawValue] = [
                "calls": calls, "appointments": visits, "doctors": doctors, "bytes": size,
                "p50_ms": rounded(p.p50 / 1000, 1), "p99_ms": rounded(p.p99 / 1000, 1), "max_ms": rounded(p.max / 1000, 1),
                "meets_target": p.p99 / 1000 < 200,
            ]
        }
        return out
    }
}
