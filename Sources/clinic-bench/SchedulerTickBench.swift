@_spi(Tooling) import ClinicCore
import Foundation
import GRDB
import Logging

/// One scheduler tick with a million appointments in the database and
/// nothing due (target: under 5 ms). 70% of the appointments are in the past
/// (completed / cancelled / no-show), 30% in the next 30 days (scheduled /
/// confirmed) across 100 doctors; a warm-up tick plans and "sends" (outbox
/// gateway) the reminders already due, then every measured tick finds nothing
/// to do but still takes the lease, looks for no-shows, plans and claims.
///
/// Wiring (in `main.swift`): `try SchedulerTickBench.run()` returns a
/// `Result` to encode into the report, e.g. `report["scheduler_tick"] = try SchedulerTickBench.run()`.
enum SchedulerTickBench {
    /// The figures of one run.
    struct Result: Encodable {
        let appointments: Int
        let ticks: Int
        let setup_seconds: Double
        let warmup_reminders: Int
        let median_ms: Double
        let p90_ms: Double
        let p99_ms: Double
        let max_ms: Double
        let target_ms: Double
    }

    static func run(appointments: Int = 1_000_000, ticks: Int = 500) throws -> Result {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("clinic-tick-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let now = Date(timeIntervalSince1970: 1_780_000_000)  // a fixed instant: the bench never reads the wall clock for rules
        let clock = ManualClock(now)
        let store = try ClinicStore(
            path: dir.appendingPathComponent("bench.sqlite").path, clock: clock,
            settings: .init(name: "Bench", timeZone: ClinicTimeZone(identifier: "UTC")))
        let setup = try ContinuousClock().measure { try fill(store.writer.sqlite!, appointments: appointments, now: Int64(now.timeIntervalSince1970)) }
        var logger = Logger(label: "clinic.bench")
        logger.logLevel = .critical
        let scheduler = Scheduler(store: store, gateway: OutboxGateway(), holder: "bench", logger: logger)
        let warmup = try scheduler.tick(at: now)
        while try scheduler.tick(at: now).sent > 0 {}  // the reminders already due go out (500 per tick)
        var samples: [Double] = []
        for _ in 0..<ticks {
            let elapsed = try ContinuousClock().measure {
                let report = try scheduler.tick(at: now)
                precondition(report.leader && report.sent == 0 && report.remindersPlanned == 0 && report.noShows == 0)
            }
            samples.append(milliseconds(elapsed))
        }
        samples.sort()
        func pct(_ p: Double) -> Double { samples[min(samples.count - 1, Int(Double(samples.count) * p))] }
        return Result(
            appointments: appointments, ticks: ticks, setup_seconds: milliseconds(setup) / 1000,
            warmup_reminders: warmup.remindersPlanned, median_ms: pct(0.5), p90_ms: pct(0.9),
            p99_ms: pct(0.99), max_ms: samples.last ?? 0, target_ms: 5)
    }

    private static func milliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    /// Raw inserts (a benchmark fixture, not clinic data): 100 doctors, 2,000 patients, `appointments` rows.
    private static func fill(_ pool: DatabasePool, appointments: Int, now: Int64) throws {
        try pool.write { db in
            let account = try db.makeStatement(
                sql: """
                    INSERT INTO account (role, name, email, phone, created_at) VALUES (?, ?, ?, ?, ?)
                    """)
            for i in 0..<100 {
                try account.execute(arguments: ["doctor", "Dr \(i)", "d\(i)@bench", "+1555020\(String(format: "%04d", i))", 0])
            }
            for i in 0..<2000 {
                try account.execute(arguments: ["patient", "P \(i)", "p\(i)@bench", "+1555010\(String(format: "%04d", i))", 0])
            }
            let insert = try db.makeStatement(
                sql: """
                    INSERT INTO appointment (code, doctor_id, patient_id, start_at, end_at, status, reason, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'Bench', ?, ?)
                    """)
            let alphabet = AppointmentCode.alphabet
            let future = appointments * 3 / 10
            for i in 0..<appointments {
                var n = i, code = ""
                for _ in 0..<6 { code.append(alphabet[n % alphabet.count]); n /= alphabet.count }
                let doctor = Int64(i % 100 + 1)
                let slot = Int64(i / 100)  // per doctor, one 10-minute slot after another
                let isFuture = i < future
                let start = isFuture ? now + 600 + slot * 600 : now - 3600 - slot * 600
                let status = isFuture ? (i % 2 == 0 ? "scheduled" : "confirmed") : ["completed", "cancelled", "no_show"][i % 3]
                let created = isFuture ? start - 7 * 86_400 : start - 86_400
                try insert.execute(arguments: [code, doctor, Int64(100 + i % 2000 + 1), start, start + 600, status, created, created])
            }
        }
    }
}
