import ClinicTesting
import GRDB
import Testing
@testable import ClinicCore

extension TestClinic {
    /// Writes what the schema's CHECKs would refuse (a value a newer or broken program left).
    func writeUnchecked(_ sql: String) throws {
        try store.pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            defer { try? db.execute(sql: "PRAGMA ignore_check_constraints = OFF") }
            try db.execute(sql: sql)
        }
    }
}

/// An unknown stored value is an error, never a default (issue: an unknown
/// status used to read as cancelled, an unknown role as a patient).
@Suite("Stored values decode strictly", .enabled(if: !TestDatabase.isPostgres, "SQLite lets a test skip its CHECKs"))
struct StoredValuesTests {
    @Test("an appointment whose stored status the program does not know is refused on read, not read as cancelled")
    func unknownStatus() throws {
        let clinic = try TestClinic()
        let doctor = try clinic.addDoctor(), patient = try clinic.addPatient()
        let booked = try clinic.book(doctor: doctor, patient: patient, at: clinic.local("2026-03-03", "09:00"))
        try clinic.writeUnchecked("UPDATE appointment SET status = 'teleported' WHERE id = \(booked.id)")
        #expect(throws: (any Error).self) { try clinic.store.appointment(code: booked.code) }
    }

    @Test("an account whose stored role is unknown is refused on read, not read as a patient")
    func unknownRole() throws {
        let clinic = try TestClinic()
        let patient = try clinic.addPatient()
        try clinic.writeUnchecked("UPDATE account SET role = 'wizard' WHERE id = \(patient.id)")
        #expect(throws: (any Error).self) { try clinic.store.account(matching: String(patient.id)) }
    }
}
