import ClinicCore
import Foundation
import GRDB

/// `ClinicStore.slots(doctorID:on:viewer:)` for one doctor-day on a database
/// of many appointments, timed call by call over varying future working days
/// of the busiest doctor; then finding a visit by its code and the earliest
/// free slots (`NextFreeSlotBench`) on the same database. The database is built once per size in the
/// benchmark folder and reused by later runs.
enum SlotsBench {
    /// `postgresURL`: measure on PostgreSQL, the same database copied there first (`clinic db copy`).
    static func run(dir: String, appointments: Int, calls: Int, warmup: Int, postgresURL: String? = nil) throws -> [String: Any] {
        let builder = SlotsDatabaseBuilder(appointments: appointments)
        let (path, buildSeconds) = try database(dir: dir, appointments: appointments)

        guard let zone = ClinicTimeZone(identifier: BenchClinic.zoneID) else { throw BenchError("unknown zone") }
        let now = Date(timeIntervalSince1970: TimeInterval(zone.startOfDay(SlotsDatabaseBuilder.splitDay)))
        var copySeconds: Double?
        if let postgresURL {
            progress("slots: copying the \(appointments)-appointment database to PostgreSQL")
            let started = Stopwatch.now()
            _ = try DatabaseCopy.sqliteToPostgres(sqlitePath: path, postgres: postgresURL, replacing: true)
            copySeconds = Stopwatch.seconds(since: started)
        }
        let store = try ClinicStore(database: postgresURL.map { .postgres(conninfo: $0) } ?? .sqlite(path: path), clock: ManualClock(now))
        defer { try? store.close() }
        let (busyDoctor, desk, lastStart) = try store.reader.read { db in
            (
                try Int64.fetchOne(db, sql: "SELECT account_id FROM doctor_profile ORDER BY account_id LIMIT 1")!,
                try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE role = 'receptionist' LIMIT 1")!,
                try Int64.fetchOne(db, sql: "SELECT MAX(start_at) FROM appointment")!
            )
        }
        let viewer = Actor.account(desk, .receptionist, via: .tui)
        // Future working days of the busy doctor that lie within the data.
        var days: [LocalDate] = []
        var day = SlotsDatabaseBuilder.splitDay
        while zone.startOfDay(day) < lastStart {
            if day.weekday != .sunday { days.append(day) }
            day = day.adding(days: 1)
        }
        guard !days.isEmpty else { throw BenchError("slots: no future days in the data") }
        var rng = SplitMix64(seed: 42)
        var entries = 0, taken = 0
        for _ in 0..<warmup {
            _ = try store.slots(doctorID: busyDoctor, on: days.randomElement(using: &rng)!, viewer: viewer)
        }
        var latencies: [UInt64] = []
        latencies.reserveCapacity(calls)
        for _ in 0..<calls {
            let date = days.randomElement(using: &rng)!
            let t0 = Stopwatch.now()
            let result = try store.slots(doctorID: busyDoctor, on: date, viewer: viewer)
            latencies.append(Stopwatch.now() &- t0)
            entries += result.entries.count
            taken += result.entries.filter { !$0.free }.count
        }
        let summary = Percentiles(nanoseconds: latencies)
        let byCode = try findByCode(store, calls: calls, rng: &rng)
        let nextFree = try NextFreeSlotBench.onSlotsDatabase(
            store, busyDoctor: busyDoctor, days: days, calls: calls, warmup: warmup, rng: &rng)
        var json: [String: Any] = [
            "appointments": appointments, "calls": calls, "database": path,
            "doctors": builder.doctors, "patients": builder.patients,
            "distinct_days": days.count, "first_day": "\(SlotsDatabaseBuilder.firstDay)",
            "busy_doctor_hours": "\(SlotsDatabaseBuilder.busyHours.0), \(SlotsDatabaseBuilder.busyHours.1)-minute slots",
            "mean_slots_per_call": rounded(Double(entries) / Double(calls), 1),
            "mean_taken_per_call": rounded(Double(taken) / Double(calls), 1),
            "p50_us": rounded(summary.p50, 1), "p90_us": rounded(summary.p90, 1), "p99_us": rounded(summary.p99, 1),
            "max_us": rounded(summary.max, 1), "mean_us": rounded(summary.mean, 1),
            "target_p99_us": 1_000, "meets_target": summary.p99 < 1_000,
            "reused_database": buildSeconds == nil,
            "find_by_code": [
                "calls": calls, "p50_us": rounded(byCode.p50, 1), "p99_us": rounded(byCode.p99, 1), "max_us": rounded(byCode.max, 1),
                "target_p99_us": 5_000, "meets_target": byCode.p99 < 5_000,
            ],
            "next_free_slots": nextFree,
        ]
        if let buildSeconds { json["build_seconds"] = rounded(buildSeconds, 1) }
        if let copySeconds {
            json["engine"] = "postgres"
            json["copy_to_postgres_seconds"] = rounded(copySeconds, 1)
            json["target_p99_us"] = 2_000
            json["meets_target"] = summary.p99 < 2_000
        }
        json["status_counts"] = try store.reader.read { db in
            Dictionary(
                uniqueKeysWithValues: try StoreRow.fetchAll(db, sql: "SELECT status, COUNT(*) FROM appointment GROUP BY status")
                    .map { ($0[0] as String, $0[1] as Int) })
        }
        return json
    }

    /// `ClinicStore.appointment(code:)` (what `clinic appointments --code` and
    /// the desk's `/` ask) for codes drawn from the whole table, call by call.
    static func findByCode(_ store: ClinicStore, calls: Int, rng: inout SplitMix64) throws -> Percentiles {
        let codes = try store.reader.read { db in
            try String.fetchAll(db, sql: "SELECT code FROM appointment WHERE id % 97 = 0 LIMIT 10000")
        }
        guard !codes.isEmpty else { throw BenchError("find by code: no appointments") }
        var latencies: [UInt64] = []
        latencies.reserveCapacity(calls)
        for _ in 0..<calls {
            let code = codes.randomElement(using: &rng)!
            let t0 = Stopwatch.now()
            let found = try store.appointment(code: code)
            latencies.append(Stopwatch.now() &- t0)
            guard found.code == code else { throw BenchError("find by code: \(code) answered \(found.code)") }
        }
        return Percentiles(nanoseconds: latencies)
    }

    /// The database of `appointments` rows in `dir`, built on first use (also
    /// used by the TUI benchmark); the build time when it was built now.
    static func database(dir: String, appointments: Int) throws -> (path: String, buildSeconds: Double?) {
        let builder = SlotsDatabaseBuilder(appointments: appointments)
        let path = dir + "/" + builder.fileName
        var buildSeconds: Double?
        if FileManager.default.fileExists(atPath: path), try storedAppointments(path) != appointments {
            progress("slots: \(path) is incomplete or different; rebuilding")
            BenchFiles.removeDatabase(path)
        }
        if !FileManager.default.fileExists(atPath: path) {
            // Built under another name and renamed when complete, so an interrupted
            // build is never mistaken for a finished one.
            let partial = path + ".building"
            BenchFiles.removeDatabase(partial)
            let start = Stopwatch.now()
            try builder.build(path: partial)
            for suffix in ["-wal", "-shm"] {
                // Empty after the TRUNCATE checkpoint and the pool's close (which may remove them itself).
                try? FileManager.default.removeItem(atPath: partial + suffix)
            }
            try? FileManager.default.removeItem(atPath: partial + ".lock")
            try FileManager.default.moveItem(atPath: partial, toPath: path)
            buildSeconds = Stopwatch.seconds(since: start)
            progress("slots: built \(path) in \(Int(buildSeconds!)) s")
        } else {
            progress("slots: reusing \(path)")
        }
        let stored = try storedAppointments(path)
        guard stored == appointments else { throw BenchError("slots: \(path) holds \(stored) appointments, not \(appointments)") }
        return (path, buildSeconds)

    }

    /// Appointments in the database at `path`, or -1 when it cannot be read as a clinic database.
    private static func storedAppointments(_ path: String) throws -> Int {
        do {
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            return try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM appointment") ?? -1 }
        } catch {
            return -1
        }
    }
}
