import Foundation
import GRDB

/// Re-reads a seeded database and checks the rules the seed promises: no
/// double-booking, no patient in two places, every appointment on a real slot
/// of its doctor, every doctor's minimum.
struct SeedValidator {
    let store: ClinicStore
    let plan: SeedPlan
    let options: SeedOptions

    func report() throws -> SeedReport {
        // The walk over every appointment by doctor runs on a second reader, beside the rest.
        let now = store.nowSeconds
        let walk = BackgroundResult { try store.pool.read { db in try walkDoctors(db, now: now) } }
        return try store.pool.read { db in
            let settings = try store.settings(db)
            let zone = settings.timeZone
            let byRole = try counts(db, "SELECT role, COUNT(*) FROM account GROUP BY role")
            // Counts by status, past and per doctor come from the walk (one pass over the rows).
            let profiles = try StoreRow.fetchAll(
                db,
                sql: """
                    SELECT a.id, a.name, a.email, dp.specialization, dp.slot_minutes
                    FROM account a JOIN doctor_profile dp ON dp.account_id = a.id ORDER BY a.id
                    """)
            // Stricter than the rule (cancelled visits count too: the seed never overlaps
            // any), so the walk stays inside the (patient, start, end) index.
            let overlaps =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM (SELECT start_at, LAG(end_at) OVER (PARTITION BY patient_id ORDER BY start_at) AS prev
                        FROM appointment) AS visits WHERE start_at < prev
                        """) ?? -1
            let distinctCodes = try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT code) FROM appointment") ?? -1
            let hours = try Dictionary(
                uniqueKeysWithValues: profiles.map { row -> (Int64, String) in
                    let id: Int64 = row["id"]
                    return (id, try ClinicStore.hours(doctorID: id, db).specText)
                })
            let w = try walk.value()
            let byStatus = w.byStatus
            let total = byStatus.values.reduce(0, +)
            let past = w.past
            let doctors = profiles.map { row -> SeedReport.Doctor in
                let id: Int64 = row["id"]
                let (n, p) = w.perDoctor[id] ?? (0, 0)
                return SeedReport.Doctor(
                    id: id, name: row["name"], email: row["email"], specialization: row["specialization"],
                    hours: hours[id] ?? "", slot_minutes: row["slot_minutes"],
                    appointments: n, past: p, future: n - p)
            }
            let minimum = min(SeedOptions.minimumPerDoctor, options.appointments / max(1, doctors.count))
            let codes = distinctCodes == total
            let below = doctors.filter { $0.appointments < minimum }.count
            let (offSlot, doubles) = (w.offSlot, w.doubles)
            let validation = SeedReport.Validation(
                doctor_double_bookings: doubles, patient_overlaps: overlaps, off_slot_appointments: offSlot,
                minimum_per_doctor: minimum, doctors_below_minimum: below, unique_codes: codes,
                ok: doubles == 0 && overlaps == 0 && offSlot == 0 && below == 0 && codes)
            return SeedReport(
                random_seed: options.randomSeed, timezone: zone.identifier, generated_at: zone.iso8601(now),
                accounts_by_role: byRole, appointments_by_status: byStatus, appointments: total,
                past: past, future: total - past, doctors: doctors, notes: plan.notes, validation: validation)
        }
    }

    private func counts(_ db: StoreConnection, _ sql: String) throws -> [String: Int] {
        Dictionary(uniqueKeysWithValues: try StoreRow.fetchAll(db, sql: sql).map { ($0[0] as String, $0[1] as Int) })
    }

    /// Walks appointments by doctor and start: counts those not on a slot of
    /// their doctor, and those (not cancelled) starting before the doctor's
    /// previous one ended. Each doctor-day's slots are generated once (shared
    /// between doctors with the same hours and length and no time off), and the
    /// zone is consulted once per day, not per row.
    private func walkDoctors(_ db: StoreConnection, now: Int64) throws -> WalkResult {
        var result = WalkResult()
        var shared: [String: Set<Int64>] = [:]
        var calc: SlotCalculator?
        var doctor: Int64 = -1
        var day: (start: Int64, end: Int64, slots: Set<Int64>) = (0, 0, [])
        var previousEnd: Int64 = .min
        var offSlot = 0, doubles = 0
        let rows = try StoreRow.fetchCursor(db, sql: "SELECT doctor_id, start_at, end_at, status FROM appointment ORDER BY doctor_id, start_at")
        var statusCounts: [String: Int] = [:]
        while let row = try rows.next() {
            let d: Int64 = row[0], start: Int64 = row[1], end: Int64 = row[2]
            let status: String = row[3]
            statusCounts[status, default: 0] += 1
            let isPast = start <= now
            if isPast { result.past += 1 }
            result.perDoctor[d, default: (0, 0)].n += 1
            if isPast { result.perDoctor[d, default: (0, 0)].past += 1 }
            if d != doctor {
                doctor = d
                calc = try store.calculator(doctorID: d, db)
                day = (0, 0, [])
                previousEnd = .min
            }
            guard let calc else { continue }
            if start < day.start || start >= day.end {
                let date = calc.timeZone.local(start).date
                let key = calc.timeOff.isEmpty ? "\(calc.hours.specText)|\(calc.slotMinutes)|\(date)" : nil
                let slots = key.flatMap { shared[$0] } ?? Set(calc.slots(on: date).map(\.start))
                if let key { shared[key] = slots }
                day = (calc.timeZone.startOfDay(date), calc.timeZone.startOfDay(date.adding(days: 1)), slots)
            }
            if !day.slots.contains(start) || end - start != Int64(calc.slotMinutes) * 60 { offSlot += 1 }
            if status != AppointmentStatus.cancelled.rawValue {
                if start < previousEnd { doubles += 1 }
                previousEnd = max(previousEnd, end)
            }
        }
        result.offSlot = offSlot; result.doubles = doubles; result.byStatus = statusCounts
        return result
    }

    /// What one pass over the appointments by doctor finds.
    struct WalkResult {
        var offSlot = 0
        var doubles = 0
        var past = 0
        var byStatus: [String: Int] = [:]
        var perDoctor: [Int64: (n: Int, past: Int)] = [:]
    }
}

/// A value computed on another thread, waited for when needed.
final class BackgroundResult<T>: @unchecked Sendable {
    private let group = DispatchGroup()
    private var result: Result<T, Error>?

    init(_ work: @escaping @Sendable () throws -> T) {
        group.enter()
        Thread.detachNewThread { [self] in
            result = Result { try work() }
            group.leave()
        }
    }

    /// Waits for the work and returns its value or rethrows its error.
    func value() throws -> T {
        group.wait()
        return try result!.get()
    }
}
