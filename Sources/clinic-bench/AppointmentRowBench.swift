@_spi(Tooling) import ClinicCore
import Foundation
import GRDB

/// A diagnostic next to the raw baseline: single-row INSERT transactions of
/// one appointment row straight into the clinic's own schema (its five
/// indexes, no rules, no audit row), same durability. It shows how much of a
/// booking's cost is the schema's page writes rather than the booking logic.
enum AppointmentRowBench {
    static func run(path: String, inserts: Int, warmup: Int) throws -> Double {
        let clinic = try BenchClinic.create(path: path, now: Date(timeIntervalSince1970: 1_775_000_000), doctors: 20, patients: 2_000) { _ in
            ("mon-sun 00:00-24:00", 5)
        }
        let pool = clinic.store.writer
        let doctors = clinic.doctors.map(\.id), patients = clinic.patients.map(\.id)
        var rng = SplitMix64(seed: 3)
        func insert(_ i: Int) throws {
            let start = Int64(1_780_000_000 + (i / doctors.count) * 300)
            try pool.write { db in
                try db.cachedStatement(
                    sql: """
                        INSERT INTO appointment (code, doctor_id, patient_id, start_at, end_at, status, reason, created_by, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, 'scheduled', 'Check-up', NULL, 0, 0)
                        """
                ).execute(arguments: [
                    AppointmentCode.make(using: &rng), doctors[i % doctors.count],
                    patients[i % patients.count], start, start + 300,
                ])
            }
        }
        for i in 0..<warmup { try insert(i) }
        let start = Stopwatch.now()
        for i in warmup..<(warmup + inserts) { try insert(i) }
        return Double(inserts) / Stopwatch.seconds(since: start)
    }
}
