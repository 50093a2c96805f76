@_spi(Tooling) import ClinicCore
import ClinicTesting
import Dispatch
import GRDB
import Synchronization
import Testing

/// DESIGN §2: double-booking is impossible by construction; racing bookers
/// yield exactly one appointment and the others get `slot_taken`.
@Suite("Booking races between separate connections to one file")
struct BookingRaceTests {
    @Test("Eight stores racing for one slot: exactly one appointment, seven slot_taken")
    func racingStores() throws {
        // Given one database file, a doctor, eight patients, and eight stores opened on the file
        let clinic = try TestClinic()
        let doctor = try clinic.addDoctor()
        let patients = try (0..<8).map { _ in try clinic.addPatient() }
        let start = try clinic.local("2026-03-03", "09:00")
        let stores = try patients.map { _ in
            try ClinicStore(database: clinic.database.location, clock: clinic.clock, hasher: PasswordHasher(iterations: 1_000))
        }
        // When each store books the same slot for its own patient at the same time
        let outcomes = Mutex<[ClinicError.Code?]>([])
        DispatchQueue.concurrentPerform(iterations: stores.count) { i in
            let request = BookingRequest(doctorID: doctor.id, patientID: patients[i].id, start: start, reason: "race")
            let code = refusal { try stores[i].book(request, by: .shell) }
            outcomes.withLock { $0.append(code) }
        }
        // Then one succeeded, every other got slot_taken, and one active row holds the slot
        let all = outcomes.withLock { $0 }
        #expect(all.count == 8)
        #expect(all.filter { $0 == nil }.count == 1)
        #expect(all.filter { $0 == .slotTaken }.count == 7)
        #expect(try clinic.count("appointment") == 1)
        #expect(try clinic.count("appointment_event") == 1)
    }

    @Test("The partial unique index itself refuses a second active row for one slot")
    func indexRefusesDirectInsert() throws {
        // Given a booked slot
        let clinic = try TestClinic()
        let doctor = try clinic.addDoctor()
        let patient = try clinic.addPatient()
        let booked = try clinic.book(doctor: doctor, patient: patient, at: try clinic.local("2026-03-03", "09:00"))
        // When a raw insert (bypassing the store's checks) adds another active row for the slot
        let insert = { (status: String, code: String) in
            try clinic.store.writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO appointment (code, doctor_id, patient_id, start_at, end_at, status, reason, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'raw', 0, 0)
                        """, arguments: [code, doctor.id, patient.id, booked.start, booked.end, status])
            }
        }
        // Then the database refuses it, but accepts an inactive (cancelled) row for the same slot
        #expect(throws: (any Error).self) { try insert("confirmed", "RAWAAA") }
        #expect(throws: Never.self) { try insert("cancelled", "RAWBBB") }
        #expect(try clinic.count("appointment") == 2)
    }
}
