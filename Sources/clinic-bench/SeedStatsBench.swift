import ClinicCore
import Foundation

/// `clinic seed` at scale (timed in-process, as the command runs it), then
/// stats over the seeded clinic: per doctor by month (the busiest doctor) and
/// clinic-wide by month.
enum SeedStatsBench {
    static func run(dir: String, patients: Int, appointments: Int, statsCalls: Int) throws -> [String: Any] {
        let path = dir + "/seed.sqlite"
        BenchFiles.removeDatabase(path)
        let clock = ManualClock(Date(timeIntervalSince1970: 1_780_000_000))
        let store = try ClinicStore(
            path: path, clock: clock, hasher: PasswordHasher(),  // the real interactive cost
            settings: .init(name: "Seed Bench", timeZone: ClinicTimeZone(identifier: "America/New_York")))
        let start = Stopwatch.now()
        let outcome = try store.seed(SeedOptions(patients: patients, appointments: appointments, randomSeed: 1))
        let seedSeconds = Stopwatch.seconds(since: start)
        progress("seed: \(outcome.report.appointments) appointments in \(rounded(seedSeconds, 2)) s, validation \(outcome.report.validation.ok)")

        let busiest = outcome.report.doctors.max { $0.appointments < $1.appointments }!
        func time(_ calls: Int, _ body: () throws -> Void) rethrows -> Percentiles {
            for _ in 0..<min(5, calls) { try body() }
            var samples: [UInt64] = []
            for _ in 0..<calls {
                let t0 = Stopwatch.now()
                try body()
                samples.append(Stopwatch.now() &- t0)
            }
            return Percentiles(nanoseconds: samples)
        }
        let perDoctor = try time(statsCalls) { _ = try store.stats(doctorID: busiest.id, grouping: .month, limit: 10, by: .shell) }
        let clinicWide = try time(max(5, statsCalls / 10)) { _ = try store.stats(grouping: .month, limit: 10, by: .shell) }
        return [
            "seed": [
                "patients": patients, "appointments": outcome.report.appointments, "doctors": outcome.report.doctors.count,
                "seconds": rounded(seedSeconds, 3), "target_seconds": 10, "validation_ok": outcome.report.validation.ok,
                "password_iterations": PasswordHasher.interactiveIterations,
            ],
            "stats_per_doctor_month": ["doctor_appointments": busiest.appointments, "latency": perDoctor.json, "target_ms": 50],
            "stats_clinic_month": ["latency": clinicWide.json, "target_ms": 500],
        ]
    }
}
