import ClinicCore
import ClinicTesting
import Foundation
import GRDB
import Testing

@Suite("Booking: successful bookings and what they write")
struct BookingTests {
    let clinic: TestClinic
    let doctor: Account
    let patient: Account
    let start: Int64

    init() throws {
        clinic = try TestClinic()
        doctor = try clinic.addDoctor()
        patient = try clinic.addPatient()
        start = try clinic.local("2026-03-03", "09:00")
    }

    @Test("A booking is scheduled, has a 6-character code from the alphabet, and one audit event")
    func successfulBooking() throws {
        // Given a receptionist at the desk
        let desk = try clinic.addStaff(.receptionist)
        // When they book Tuesday 09:00
        let booked = try clinic.store.book(
            BookingRequest(
                doctorID: doctor.id, patientID: patient.id, start: start,
                reason: "Sore throat"), by: clinic.actor(desk))
        // Then the appointment is scheduled on the slot with a well-formed code
        #expect(booked.status == .scheduled)
        #expect(booked.code.count == 6)
        #expect(booked.code.allSatisfy { AppointmentCode.alphabet.contains($0) })
        #expect((booked.start, booked.end) == (start, start + 1800))
        #expect((booked.doctor.id, booked.patient.id, booked.reason) == (doctor.id, patient.id, "Sore throat"))
        #expect(booked.createdAt == utc("2026-03-02T12:00:00Z"))
        // And it can be found by its code, in any case
        #expect(try clinic.store.appointment(code: booked.code.lowercased()).id == booked.id)
        // And the audit trail holds one event: nothing → scheduled, by the receptionist via the TUI
        let events = try clinic.store.events(code: booked.code)
        #expect(events.count == 1)
        #expect(events.first?.from == nil)
        #expect(events.first?.to == .scheduled)
        #expect(events.first?.actorID == desk.id)
        #expect(events.first?.actorRole == "receptionist")
        #expect(events.first?.via == .tui)
        #expect(events.first?.at == utc("2026-03-02T12:00:00Z"))
    }

    @Test("Codes avoid look-alike characters and are distinct across many bookings")
    func codesAreDistinct() throws {
        // Given the alphabet, then it has none of 0 O 1 I L
        #expect(AppointmentCode.alphabet.count == 31)
        #expect(!AppointmentCode.alphabet.contains { "0O1IL".contains($0) })
        // When a whole week of slots is booked for different patients
        var codes: Set<String> = []
        for day in ["2026-03-03", "2026-03-04"] {
            for slot in try clinic.store.slots(doctorID: doctor.id, on: date(day), viewer: .shell).entries {
                codes.insert(try clinic.book(doctor: doctor, patient: try clinic.addPatient(), at: slot.slot.start).code)
            }
        }
        // Then every code is different
        #expect(codes.count == 24)
        #expect(AppointmentCode.normalize(" k7qx2m ") == "K7QX2M")
        #expect(AppointmentCode.normalize("K7QX2O") == nil)
    }

    @Test("A slot freed by cancellation can be booked again")
    func rebookAfterCancel() throws {
        // Given a booked and then cancelled slot
        let first = try clinic.book(doctor: doctor, patient: patient, at: start)
        _ = try clinic.store.transition(code: first.code, to: .cancelled, by: .shell)
        // When another patient books the same slot
        let second = try clinic.book(doctor: doctor, patient: try clinic.addPatient(), at: start)
        // Then it succeeds with a new code, and both rows exist for the same (doctor, start)
        #expect(second.code != first.code)
        #expect(second.status == .scheduled)
        let rows = try clinic.store.appointments(AppointmentFilter(doctorID: doctor.id))
        #expect(rows.map(\.status) == [.cancelled, .scheduled])
        // And the freed patient may book the slot again too (no longer busy)
        _ = try clinic.store.transition(code: second.code, to: .cancelled, by: .shell)
        #expect(try clinic.book(doctor: doctor, patient: patient, at: start).status == .scheduled)
    }

    @Test("SQL-looking text in a reason or a name is stored verbatim and harmless")
    func sqlLookingText() throws {
        // Given a patient whose name and reason look like SQL injection
        let name = "Robert'); DROP TABLE account;--"
        let reason = "'; DELETE FROM appointment WHERE '1'='1'; --"
        let bobby = try clinic.addPatient(name: name)
        // When booked
        let booked = try clinic.book(doctor: doctor, patient: bobby, at: start, reason: reason)
        // Then the text comes back exactly, and the tables are intact
        #expect(booked.reason == reason)
        #expect(booked.patient.name == name)
        #expect(try clinic.store.appointment(code: booked.code).reason == reason)
        #expect(try clinic.count("account") == 3)
        #expect(try clinic.count("appointment") == 1)
    }

    @Test("A long emoji reason is refused as invalid_input or stored, never a raw database error")
    func reasonLengthInScalars() throws {
        // Given 300 thumbs-up emoji with a skin tone: 300 characters on screen, 600 Unicode scalars,
        // which the schema's CHECK (length(reason) <= 500) counts
        let reason = String(repeating: "👍🏽", count: 300)
        // When booked, then it is refused as too long (the limit counts scalars, as the schema does) and nothing is stored
        #expect(throws: ClinicError.self) { try clinic.book(doctor: doctor, patient: patient, at: start, reason: reason) }
        do {
            _ = try clinic.book(doctor: doctor, patient: patient, at: start, reason: reason)
        } catch let error as ClinicError {
            #expect(error.code == .invalidInput && error.message.contains("600"))
        }
        #expect(try clinic.count("appointment") == 0)
        // And 250 of them (500 scalars) are stored verbatim
        let fits = String(repeating: "👍🏽", count: 250)
        #expect(try clinic.book(doctor: doctor, patient: patient, at: start, reason: fits).reason == fits)
    }
}
