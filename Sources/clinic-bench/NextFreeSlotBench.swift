@_spi(Tooling) import ClinicCore
import Foundation
import GRDB

/// `ClinicStore.nextFreeSlots` (`clinic slots --next`, the kiosk's and the
/// desk's "Earliest available", `GET /api/v1/slots/next`), five slots a call
/// from a random day, timed call by call: on the slots benchmark's database
/// (one specialization of 100 doctors, half their slots booked, and the busy
/// doctor with nearly every slot booked, so a search of that doctor reads
/// several days) and on
/// the seeded clinic (1,101 doctors in 21 specializations).
enum NextFreeSlotBench {
    /// The searches of one database: label → scope, each from a random day of `days`.
    static func measure(
        _ store: ClinicStore, scopes: [(String, SlotSearchScope)], days: [LocalDate], calls: Int, warmup: Int, rng: inout SplitMix64
    ) throws -> [String: Any] {
        var out: [String: Any] = [:]
        for (label, scope) in scopes {
            for _ in 0..<warmup { _ = try store.nextFreeSlots(scope, from: days.randomElement(using: &rng)!) }
            var latencies: [UInt64] = []
            latencies.reserveCapacity(calls)
            var found = 0, daysSearched = 0
            for _ in 0..<calls {
                let from = days.randomElement(using: &rng)!
                let t0 = Stopwatch.now()
                let result = try store.nextFreeSlots(scope, from: from, limit: 5)
                latencies.append(Stopwatch.now() &- t0)
                found += result.entries.count
                daysSearched += result.through.daysSinceEpoch - result.from.daysSinceEpoch + 1
            }
            let p = Percentiles(nanoseconds: latencies)
            var json = p.json
            json["mean_slots_found"] = rounded(Double(found) / Double(calls), 2)
            json["mean_days_searched"] = rounded(Double(daysSearched) / Double(calls), 1)
            json["target_p99_us"] = 5_000
            json["meets_target"] = p.p99 < 5_000
            out[label] = json
        }
        return out
    }

    /// On the slots benchmark's store: a specialization, a doctor, the busy doctor, any doctor.
    static func onSlotsDatabase(
        _ store: ClinicStore, busyDoctor: Int64, days: [LocalDate], calls: Int, warmup: Int, rng: inout SplitMix64
    ) throws -> [String: Any] {
        let (specialization, doctor) = try store.reader.read { db in
            (
                try String.fetchOne(db, sql: "SELECT specialization FROM doctor_profile WHERE account_id = ?", arguments: [busyDoctor])!,
                try middleDoctor(db, except: busyDoctor)
            )
        }
        var json = try measure(
            store,
            scopes: [
                ("specialization", .specialization(specialization)), ("doctor", .doctor(doctor)),
                ("busy_doctor", .doctor(busyDoctor)), ("any_doctor", .anyDoctor),
            ], days: days, calls: calls, warmup: warmup, rng: &rng)
        json["doctors_in_specialization"] = try store.reader.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM doctor_profile WHERE specialization = ?", arguments: [specialization])
        }
        json["query_plan"] = try queryPlan(store)
        return json
    }

    /// On the seeded clinic (seeded here when the seed benchmark has not left it): a specialization, a doctor, any doctor.
    static func onSeededClinic(dir: String, patients: Int, appointments: Int, calls: Int, warmup: Int) throws -> [String: Any] {
        let path = try StaffScreensBench.seededDatabase(dir + "/seed.sqlite", doctors: 10, patients: patients, appointments: appointments)
        let store = try ClinicStore(path: path, clock: ManualClock(StaffScreensBench.now))
        defer { try? store.close() }
        let (specialization, doctor, doctors, inSpecialization) = try store.reader.read { db in
            let top = try StoreRow.fetchOne(
                db, sql: "SELECT specialization, COUNT(*) FROM doctor_profile GROUP BY specialization ORDER BY COUNT(*) DESC LIMIT 1")!
            return (
                top[0] as String, try middleDoctor(db, except: -1),
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM doctor_profile")!, top[1] as Int
            )
        }
        let today = store.clock.now()
        let zone = try store.settings().timeZone
        let first = zone.local(today).date
        let days = (0..<30).map { first.adding(days: $0) }
        var rng = SplitMix64(seed: 7)
        var json = try measure(
            store, scopes: [("specialization", .specialization(specialization)), ("doctor", .doctor(doctor)), ("any_doctor", .anyDoctor)],
            days: days, calls: calls, warmup: warmup, rng: &rng)
        json["appointments"] = appointments
        json["doctors"] = doctors
        json["doctors_in_specialization"] = inSpecialization
        return json
    }

    /// The doctor in the middle of the ids (an ordinary doctor, not the first, busy one).
    static func middleDoctor(_ db: StoreConnection, except: Int64) throws -> Int64 {
        let ids = try Int64.fetchAll(db, sql: "SELECT account_id FROM doctor_profile WHERE account_id <> ? ORDER BY account_id", arguments: [except])
        guard !ids.isEmpty else { throw BenchError("next free slots: no doctors") }
        return ids[ids.count / 2]
    }

    /// EXPLAIN QUERY PLAN of the one read per day: a search of the (doctor, start) index per doctor, no scan.
    /// (PostgreSQL: `EXPLAIN`'s lines.)
    static func queryPlan(_ store: ClinicStore) throws -> [String] {
        try store.reader.read { db in
            if db.isPostgres {
                return try String.fetchAll(db, sql: "EXPLAIN " + ClinicStore.takenStartsSQL, arguments: ["[1,2,3]", 0, 1])
            }
            return try StoreRow.fetchAll(
                db,
                sql: "EXPLAIN QUERY PLAN " + ClinicStore.takenStartsSQL, arguments: ["[1,2,3]", 0, 1]
            ).map { $0["detail"] as String }
        }
    }
}
