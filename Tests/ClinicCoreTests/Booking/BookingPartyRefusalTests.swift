import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// DESIGN §2, Booking: who and what may be booked. Each refusal has its own
/// code and leaves the database as it was.
@Suite("Booking refusals: people, conflicts, permissions and input")
struct BookingPartyRefusalTests {
    let clinic: TestClinic
    let doctor: Account
    let patient: Account
    let start: Int64

    init() throws {
        // Given a clinic with one doctor (mon–fri 09:00–12:00, 14:00–17:00), one patient, and Tuesday 09:00
        clinic = try TestClinic()
        doctor = try clinic.addDoctor()
        patient = try clinic.addPatient()
        start = try clinic.local("2026-03-03", "09:00")
    }

    func request(doctor d: Int64? = nil, patient p: Int64? = nil, at s: Int64? = nil, reason: String = "Check-up") -> BookingRequest {
        BookingRequest(doctorID: d ?? doctor.id, patientID: p ?? patient.id, start: s ?? start, reason: reason)
    }

    @Test("not_found: unknown doctor or patient, or an account of the wrong role")
    func unknownPeople() throws {
        let before = try clinic.snapshot()
        #expect(refusal { try clinic.store.book(request(doctor: 9_999), by: .shell) } == .notFound)
        #expect(refusal { try clinic.store.book(request(patient: 9_999), by: .shell) } == .notFound)
        #expect(refusal { try clinic.store.book(request(doctor: patient.id), by: .shell) } == .notFound)
        #expect(refusal { try clinic.store.book(request(patient: doctor.id), by: .shell) } == .notFound)
        #expect(try clinic.snapshot() == before)
    }

    @Test("not_found: a doctor or patient deactivated by the admin")
    func deactivatedPeople() throws {
        // Given a second doctor and patient, each deactivated through the store
        let goneDoctor = try clinic.addDoctor()
        let gonePatient = try clinic.addPatient()
        #expect(try clinic.store.deactivate(accountID: goneDoctor.id, by: .shell).active == false)
        try clinic.store.deactivate(accountID: gonePatient.id, by: .shell)
        let before = try clinic.snapshot()
        // When either is booked, then not_found, and nothing was written
        #expect(refusal { try clinic.store.book(request(doctor: goneDoctor.id), by: .shell) } == .notFound)
        #expect(refusal { try clinic.store.book(request(patient: gonePatient.id), by: .shell) } == .notFound)
        #expect(try clinic.snapshot() == before)
        // …and a deactivated doctor's day offers nothing (not_found, as booking says)
        #expect(refusal { try clinic.store.slots(doctorID: goneDoctor.id, on: date("2026-03-03"), viewer: .shell) } == .notFound)
        // Activated again, both can be booked
        _ = try clinic.store.activate(accountID: goneDoctor.id, by: .shell)
        _ = try clinic.store.activate(accountID: gonePatient.id, by: .shell)
        #expect(try clinic.store.slots(doctorID: goneDoctor.id, on: date("2026-03-03"), viewer: .shell).entries.count > 0)
        _ = try clinic.store.book(request(doctor: goneDoctor.id, patient: gonePatient.id), by: .shell)
    }

    @Test("Deactivating a doctor or patient with appointments to come is refused (conflict) and names them; past ones do not count")
    func deactivatingWhileBooked() throws {
        let booked = try clinic.store.book(request(), by: .shell)
        for id in [doctor.id, patient.id] {
            let error = try #require(throws: ClinicError.self) { try clinic.store.deactivate(accountID: id, by: .shell) }
            #expect(error.code == .conflict && error.message.contains(booked.code), "\(error.message)")
            #expect(try clinic.store.account(matching: String(id)).active)
        }
        #expect(refusal { try clinic.store.deactivate(accountID: doctor.id, by: clinic.actor(try clinic.addStaff(.receptionist))) } == .forbidden)
        // Once the visit is over, the same accounts may be deactivated
        clinic.clock.set(Date(timeIntervalSince1970: TimeInterval(booked.end + 60)))
        #expect(try clinic.store.deactivate(accountID: doctor.id, by: .shell).active == false)
        #expect(try clinic.store.deactivate(accountID: patient.id, by: .shell).active == false)
    }

    @Test("slot_taken: the slot is held by an active appointment")
    func slotTaken() throws {
        // Given the slot booked for one patient
        _ = try clinic.store.book(request(), by: .shell)
        let other = try clinic.addPatient()
        let before = try clinic.snapshot()
        // When another patient asks for it, then slot_taken and nothing written
        #expect(refusal { try clinic.store.book(request(patient: other.id), by: .shell) } == .slotTaken)
        #expect(try clinic.snapshot() == before)
    }

    @Test("patient_busy: the patient holds an overlapping appointment with another doctor")
    func patientBusy() throws {
        // Given the patient booked 09:00–09:30 with the first doctor
        _ = try clinic.store.book(request(), by: .shell)
        let sameSlot = try clinic.addDoctor()
        let quarterHours = try clinic.addDoctor(hours: "tue 09:00-10:00", slotMinutes: 15)
        let before = try clinic.snapshot()
        // When the same patient asks for 09:00 or 09:15 with other doctors
        #expect(refusal { try clinic.store.book(request(doctor: sameSlot.id), by: .shell) } == .patientBusy)
        #expect(refusal { try clinic.store.book(request(doctor: quarterHours.id, at: start + 900), by: .shell) } == .patientBusy)
        // Then nothing was written; 09:30 (back to back) is fine
        #expect(try clinic.snapshot() == before)
        #expect(try clinic.store.book(request(doctor: quarterHours.id, at: start + 1800), by: .shell).status == .scheduled)
    }

    @Test("forbidden: a patient booking for another patient, a doctor into another's schedule, the scheduler")
    func forbidden() throws {
        let other = try clinic.addPatient()
        let otherDoctor = try clinic.addDoctor()
        let before = try clinic.snapshot()
        #expect(refusal { try clinic.store.book(request(patient: other.id), by: clinic.actor(patient, via: .kiosk)) } == .forbidden)
        #expect(refusal { try clinic.store.book(request(), by: clinic.actor(otherDoctor)) } == .forbidden)
        #expect(refusal { try clinic.store.book(request(), by: .scheduler) } == .forbidden)
        #expect(try clinic.snapshot() == before)
        // And the patient for themself, or the doctor into their own schedule, may book
        #expect(try clinic.store.book(request(), by: clinic.actor(patient, via: .kiosk)).patient.id == patient.id)
        #expect(try clinic.store.book(request(patient: other.id, at: start + 1800), by: clinic.actor(doctor)).doctor.id == doctor.id)
    }

    @Test("invalid_input: an empty, blank or 501-character reason; 500 characters is fine")
    func badReason() throws {
        let before = try clinic.snapshot()
        #expect(refusal { try clinic.store.book(request(reason: ""), by: .shell) } == .invalidInput)
        #expect(refusal { try clinic.store.book(request(reason: " \n\t "), by: .shell) } == .invalidInput)
        #expect(refusal { try clinic.store.book(request(reason: String(repeating: "a", count: 501)), by: .shell) } == .invalidInput)
        #expect(try clinic.snapshot() == before)
        let longest = String(repeating: "é", count: 500)
        #expect(try clinic.store.book(request(reason: "  " + longest + "  "), by: .shell).reason == longest)
    }
}
