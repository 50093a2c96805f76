@_spi(Tooling) import ClinicCore
import Foundation
import GRDB

/// `ClinicStore.book` on distinct free slots, one after another in one process,
/// in a fresh clinic: doctors working 00:00–24:00 every day in 5-minute slots,
/// enough patients that no booking is `patient_busy`, the clock before every slot.
enum BookingBench {
    struct Result {
        let bookings: Int
        let seconds: Double
        let latencies: Percentiles
        /// CPU and bytes written per operation over the timed loop.
        let perOperation: [String: Any]
        let refusals: [String: Int]
        let doctors: Int
        let patients: Int
        let durability: [String: Any]
        var perSecond: Double { Double(bookings) / seconds }

        var json: [String: Any] {
            [
                "bookings": bookings, "seconds": rounded(seconds, 3), "per_s": rounded(perSecond, 0),
                "latency": latencies.json, "per_operation": perOperation, "refusals": refusals, "doctors": doctors, "patients": patients,
                "hours": "mon-sun 00:00-24:00, 5-minute slots", "actor": "receptionist via tui",
                "durability": durability,
            ]
        }
    }

    /// `postgresURL`: the clinic in that (empty) PostgreSQL database instead of the SQLite file at `path`.
    static func run(path: String, bookings: Int, warmup: Int, doctors: Int, patients: Int, postgresURL: String? = nil) throws -> Result {
        precondition(patients > doctors, "a patient's bookings must land on different slots")
        let firstDay = LocalDate(year: 2026, month: 4, day: 1)!
        let clinic = try BenchClinic.create(
            path: path, now: BenchClinic.midnight(firstDay.adding(days: -1)),
            doctors: doctors, patients: patients, postgresURL: postgresURL
        ) { _ in ("mon-sun 00:00-24:00", 5) }
        let total = warmup + bookings
        // Every doctor has the same hours, so one doctor's slot starts serve all:
        // booking i goes to doctor i % D at that doctor's (i / D)-th slot.
        var starts: [Int64] = []
        var day = firstDay
        while starts.count < total / doctors + 1 {
            starts += try clinic.store.slots(doctorID: clinic.doctors[0].id, on: day, viewer: clinic.desk).entries.map(\.slot.start)
            day = day.adding(days: 1)
        }
        func request(_ i: Int) -> BookingRequest {
            BookingRequest(
                doctorID: clinic.doctors[i % doctors].id, patientID: clinic.patients[i % patients].id,
                start: starts[i / doctors], reason: "Check-up")
        }
        var refusals: [String: Int] = [:]
        func book(_ i: Int) {
            do {
                _ = try clinic.store.book(request(i), by: clinic.desk)
            } catch let error as ClinicError {
                refusals[error.code.rawValue, default: 0] += 1
            } catch {
                refusals["error: \(error)", default: 0] += 1
            }
        }
        progress("booking: \(warmup) warm-up + \(bookings) timed bookings over \(day.daysSinceEpoch - firstDay.daysSinceEpoch) days")
        for i in 0..<warmup { book(i) }
        var latencies: [UInt64] = []
        latencies.reserveCapacity(bookings)
        let counters = ProcessCounters.now()
        let start = Stopwatch.now()
        for i in warmup..<total {
            let t0 = Stopwatch.now()
            book(i)
            latencies.append(Stopwatch.now() &- t0)
        }
        let seconds = Stopwatch.seconds(since: start)
        let perOperation = ProcessCounters.now().perOperation(since: counters, operations: bookings)
        let stored = try clinic.store.reader.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM appointment") ?? 0 }
        if stored != total { refusals["missing_rows", default: 0] += total - stored }
        let durability = try clinic.store.writer.sqlite.map(BenchFiles.durability) ?? ["engine": "postgres"]
        return Result(
            bookings: bookings, seconds: seconds, latencies: Percentiles(nanoseconds: latencies), perOperation: perOperation,
            refusals: refusals, doctors: doctors, patients: patients, durability: durability)
    }
}
