import ClinicCore
import Foundation

/// `clinic-bench --engine postgres --postgres-url URL`: the figures of the
/// PostgreSQL issue against the server URL names (a role that may create
/// databases; each part gets a fresh one, dropped after): booking on distinct
/// free slots against the same server's single-row insert rate measured by
/// `pgbench` in the same run (target ratio 0.5), slots for a doctor-day at a
/// million appointments (target p99 2 ms), and `clinic seed` of a million.
enum PostgresBench {
    static func run(adminURL: String, dir: String, sizes: BenchSizes, only: Set<String>) throws -> [String: Any] {
        let admin = try PostgresConnection(adminURL)
        var report: [String: Any] = [
            "server_version": try admin.scalar("SHOW server_version").string ?? "?",
            "fsync": try admin.scalar("SHOW fsync").string ?? "?",
            "synchronous_commit": try admin.scalar("SHOW synchronous_commit").string ?? "?",
        ]
        func fresh(_ name: String) throws -> String {
            try admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            try admin.execute("CREATE DATABASE \(name) ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0")
            guard var parts = URLComponents(string: adminURL) else { throw BenchError("--postgres-url must be a postgres:// URL") }
            parts.path = "/" + name
            return parts.string ?? adminURL
        }
        func drop(_ name: String) { _ = try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }

        if only.contains("raw") && only.contains("booking") {
            var raws: [Double] = [], bookings: [BookingBench.Result] = []
            for round in 1...sizes.rounds {
                let rawURL = try fresh("clinic_bench_raw")
                raws.append(try pgbenchInserts(url: rawURL, inserts: sizes.rawInserts, dir: dir))
                drop("clinic_bench_raw")
                progress("postgres raw (round \(round)): \(Int(raws.last!)) single-row inserts/s (pgbench)")
                let url = try fresh("clinic_bench_booking")
                bookings.append(
                    try BookingBench.run(
                        path: "", bookings: sizes.bookings, warmup: sizes.warmup, doctors: sizes.bookingDoctors,
                        patients: sizes.bookingPatients, postgresURL: url))
                drop("clinic_bench_booking")
                progress("postgres booking (round \(round)): \(Int(bookings.last!.perSecond)) bookings/s")
            }
            let raw = raws.sorted()[raws.count / 2]
            let booking = bookings.sorted { $0.perSecond < $1.perSecond }[bookings.count / 2]
            report["raw_pgbench_insert_per_s"] = rounded(raw, 0)
            report["raw_rounds_per_s"] = raws.map { rounded($0, 0) }
            report["booking_per_s"] = rounded(booking.perSecond, 0)
            report["booking"] = booking.json
            report["booking_rounds_per_s"] = bookings.map { rounded($0.perSecond, 0) }
            report["booking_to_raw_ratio"] = rounded(booking.perSecond / raw, 3)
            report["booking_target_ratio"] = 0.5
            report["booking_meets_target"] = booking.perSecond / raw >= 0.5
        }
        if only.contains("slots") {
            let url = try fresh("clinic_bench_slots")
            report["slots_1m"] = try SlotsBench.run(
                dir: dir, appointments: sizes.slotsAppointments, calls: sizes.slotsCalls, warmup: min(200, sizes.slotsCalls / 10),
                postgresURL: url)
            drop("clinic_bench_slots")
        }
        if only.contains("seed") {
            let url = try fresh("clinic_bench_seed")
            let store = try ClinicStore(
                database: .postgres(conninfo: url), clock: ManualClock(Date(timeIntervalSince1970: 1_780_000_000)),
                settings: .init(name: "Seed Bench", timeZone: ClinicTimeZone(identifier: BenchClinic.zoneID)))
            progress("postgres seed: \(sizes.seedAppointments) appointments")
            let started = Stopwatch.now()
            _ = try store.seed(SeedOptions(patients: sizes.seedPatients, appointments: sizes.seedAppointments, randomSeed: 1))
            let seconds = Stopwatch.seconds(since: started)
            report["seed"] = [
                "appointments": sizes.seedAppointments, "patients": sizes.seedPatients, "seconds": rounded(seconds, 1),
                "target_seconds": 30, "meets_target": seconds < 30, "how": "seeded and checked in SQLite, then COPY in one verified transaction",
            ]
            try store.close()
            drop("clinic_bench_seed")
        }
        return report
    }

    /// `pgbench` inserting one row per transaction (one client), as the raw baseline: its tps.
    static func pgbenchInserts(url: String, inserts: Int, dir: String) throws -> Double {
        let pg = try PostgresConnection(url)
        try pg.execute(
            "CREATE TABLE bench_raw (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, doctor_id BIGINT NOT NULL, start_at BIGINT NOT NULL, reason TEXT NOT NULL)"
        )
        let script = dir + "/pgbench-insert.sql"
        try "\\set d random(1, 1000000)\nINSERT INTO bench_raw (doctor_id, start_at, reason) VALUES (:d, :d * 300, 'Check-up');\n"
            .write(toFile: script, atomically: true, encoding: .utf8)
        let child = ChildProcess(executable: try pgbench(), arguments: ["-n", "-c", "1", "-j", "1", "-t", String(inserts), "-f", script, url])
        try child.start()
        let result = child.wait()
        guard let range = result.stdout.range(of: #"tps = [0-9.]+"#, options: .regularExpression),
            let tps = Double(result.stdout[range].dropFirst("tps = ".count))
        else { throw BenchError("pgbench said: \(result.stdout)\(result.stderr)") }
        return tps
    }

    /// The server's `pgbench` (Debian: /usr/lib/postgresql/<version>/bin), else one on PATH.
    static func pgbench() throws -> String {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted()
        if let v = versions.last(where: { FileManager.default.isExecutableFile(atPath: "\(root)/\($0)/bin/pgbench") }) {
            return "\(root)/\(v)/bin/pgbench"
        }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        where FileManager.default.isExecutableFile(atPath: "\(dir)/pgbench") {
            return "\(dir)/pgbench"
        }
        throw BenchError("no pgbench: install postgresql-contrib or postgresql (scripts/install-deps)")
    }
}
