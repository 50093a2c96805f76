@_spi(Tooling) import ClinicCore
import Foundation
import GRDB

/// Builds the large database of the slots benchmark: doctors and patients
/// through the store, then `appointments` rows by direct SQL in big
/// transactions. Rows are spread over about two years from `firstDay`, with
/// statuses that fit the time (completed / no-show / cancelled before
/// `splitDay`, scheduled / confirmed / cancelled after), at most one active
/// appointment per doctor and start (the partial unique index), no patient
/// twice on one day, and unique 6-character codes.
struct SlotsDatabaseBuilder {
    /// Bump when the generated data changes, so an older file is not reused.
    static let version = 1
    static let firstDay = LocalDate(year: 2025, month: 7, day: 1)!
    /// The benchmark's "today": appointments before it are past, after it future.
    static let splitDay = LocalDate(year: 2026, month: 7, day: 1)!
    /// The busy doctor (index 0) works 07:00–19:00 in 10-minute slots, a booking on every slot (4.5% later cancelled).
    static let busyHours = ("mon-sat 07:00-19:00", 10)
    static let otherHours = ("mon-sat 08:00-18:00", 20)
    static let days = 730

    let appointments: Int

    var doctors: Int { max(4, appointments / 10_000) }
    var patients: Int { max(2_000, doctors * 200) }

    /// The file name for this size and generator version.
    var fileName: String { "slots-v\(Self.version)-\(appointments).sqlite" }

    /// Builds the database at `path` (which must not exist).
    func build(path: String) throws {
        let clinic = try BenchClinic.create(
            path: path, now: BenchClinic.midnight(Self.firstDay.adding(days: -30)),
            doctors: doctors, patients: patients
        ) { i in
            i == 0 ? Self.busyHours : Self.otherHours
        }
        defer { try? clinic.store.close() }
        progress("slots: \(doctors) doctors and \(patients) patients created; inserting \(appointments) appointments")
        let busy = SlotCalculator(timeZone: clinic.timeZone, hours: try HoursSpecParser.parse(Self.busyHours.0), slotMinutes: Self.busyHours.1)
        let other = SlotCalculator(timeZone: clinic.timeZone, hours: try HoursSpecParser.parse(Self.otherHours.0), slotMinutes: Self.otherHours.1)

        // Fill rate of the other doctors so that the rows run out after about `days` days.
        let workingDays = Double(Self.days) * 6 / 7
        let rowsPerBooked = 1.055  // a cancelled booking is sometimes followed by another on the same slot
        let busyRows = workingDays * 72 * rowsPerBooked
        let otherSlots = workingDays * 30 * Double(doctors - 1)
        let fill = min(1, max(0.01, (Double(appointments) - busyRows) / (otherSlots * rowsPerBooked)))

        var rng = SplitMix64(seed: 1_000_000 + UInt64(appointments))
        let splitStart = clinic.timeZone.startOfDay(Self.splitDay)
        let doctorIDs = clinic.doctors.map(\.id)
        let patientIDs = clinic.patients.map(\.id)
        let deskID = clinic.receptionist.id
        var inserted = 0
        var day = Self.firstDay
        let started = Stopwatch.now()
        while inserted < appointments {
            try clinic.store.writer.write { db in
                let statement = try db.cachedStatement(
                    sql: """
                        INSERT INTO appointment (code, doctor_id, patient_id, start_at, end_at, status, reason, created_by, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'Check-up', ?, ?, ?)
                        """)
                func insert(_ doctor: Int, _ slot: Slot, _ status: String) throws {
                    let created = slot.start - 14 * 86_400
                    let updated = slot.start < splitStart ? slot.end : created
                    try statement.execute(arguments: [
                        Self.code(inserted), doctorIDs[doctor], patientIDs[inserted % patientIDs.count],
                        slot.start, slot.end, status, deskID, created, updated,
                    ])
                    inserted += 1
                }
                let batchEnd = inserted + 50_000
                while inserted < min(batchEnd, appointments) {
                    let busySlots = busy.slots(on: day), otherSlots = other.slots(on: day)
                    for doctor in doctorIDs.indices where inserted < appointments {
                        for slot in doctor == 0 ? busySlots : otherSlots where inserted < appointments {
                            guard doctor == 0 || rng.unit() < fill else { continue }
                            let past = slot.start < splitStart
                            if rng.unit() < 0.10 {
                                try insert(doctor, slot, "cancelled")
                                guard rng.unit() < 0.55, inserted < appointments else { continue }
                            }
                            let r = rng.unit()
                            try insert(doctor, slot, past ? (r < 0.93 ? "completed" : "no_show") : (r < 0.65 ? "scheduled" : "confirmed"))
                        }
                    }
                    day = day.adding(days: 1)
                }
            }
            progress("slots: \(inserted) / \(appointments) appointments (through \(day), \(Int(Stopwatch.seconds(since: started))) s)")
        }
        _ = try clinic.store.writer.sqlite!.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
    }

    /// The `i`-th code: a bijection of `i` over the 31⁶ codes (multiplier coprime to 31), so codes are unique.
    static func code(_ i: Int) -> String {
        let alphabet = AppointmentCode.alphabet
        let space = 887_503_681  // 31^6
        var n = (i * 387_420_489 + 123_456_789) % space
        var chars = [Character](repeating: "A", count: 6)
        for k in 0..<6 { chars[5 - k] = alphabet[n % 31]; n /= 31 }
        return String(chars)
    }
}
