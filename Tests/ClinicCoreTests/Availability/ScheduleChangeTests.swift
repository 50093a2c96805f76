import ClinicCore
import ClinicTesting
import Testing

/// Changing a doctor's hours or adding time off never strands a booked appointment.
@Suite("Schedule changes: setHours and addTimeOff")
struct ScheduleChangeTests {
    let clinic: TestClinic
    let doctor: Account
    let booked: Appointment

    init() throws {
        // Given a doctor (mon–fri 09:00–12:00, 14:00–17:00) with Tuesday 09:00 booked
        clinic = try TestClinic()
        doctor = try clinic.addDoctor()
        booked = try clinic.book(doctor: doctor, patient: try clinic.addPatient(), at: try clinic.local("2026-03-03", "09:00"))
    }

    @Test("setHours is refused (conflict) when a future booking would fall off the new slots; hours unchanged")
    func setHoursStrands() throws {
        let before = try clinic.store.hours(doctorID: doctor.id)
        // When the admin drops the mornings, or moves the grid by 15 minutes
        #expect(refusal { try clinic.store.setHours(doctorID: doctor.id, to: try hours("mon-fri 14:00-17:00"), by: .shell) } == .conflict)
        #expect(refusal { try clinic.store.setHours(doctorID: doctor.id, to: try hours("mon-fri 08:45-12:00"), by: .shell) } == .conflict)
        #expect(refusal { try clinic.store.setHours(doctorID: doctor.id, to: .none, by: .shell) } == .conflict)
        // Then the hours are as they were
        #expect(try clinic.store.hours(doctorID: doctor.id) == before)
    }

    @Test("setHours succeeds when bookings still sit on slots, or once they are cancelled or past")
    func setHoursAllowed() throws {
        // When the new hours keep Tuesday 09:00 on a slot, then they are stored
        let keeps = try hours("tue 08:00-10:00")
        try clinic.store.setHours(doctorID: doctor.id, to: keeps, by: .shell)
        #expect(try clinic.store.hours(doctorID: doctor.id) == keeps)
        // When the appointment has started (clock after it), then it no longer blocks a change
        clinic.setNow("2026-03-03T14:10:00Z")
        try clinic.store.setHours(doctorID: doctor.id, to: try hours("mon 14:00-15:00"), by: .shell)
        #expect(try clinic.store.hours(doctorID: doctor.id).specText == "mon 14:00-15:00")
    }

    @Test("A cancelled booking does not block new hours")
    func cancelledDoesNotBlock() throws {
        _ = try clinic.store.transition(code: booked.code, to: .cancelled, by: .shell)
        try clinic.store.setHours(doctorID: doctor.id, to: .none, by: .shell)
        #expect(try clinic.store.hours(doctorID: doctor.id) == .none)
    }

    @Test("Only an admin changes hours or adds time off")
    func adminOnly() throws {
        let desk = try clinic.addStaff(.receptionist)
        #expect(refusal { try clinic.store.setHours(doctorID: doctor.id, to: .none, by: clinic.actor(doctor)) } == .forbidden)
        #expect(refusal { try clinic.store.addTimeOff(doctorID: doctor.id, from: 0, to: 1, by: clinic.actor(desk)) } == .forbidden)
    }

    @Test("addTimeOff is refused (conflict) when it covers or overlaps a booking; nothing is written")
    func timeOffCoversBooking() throws {
        let day = { (t: String) in try clinic.local("2026-03-03", t) }
        // When time off covers the whole day, or only touches part of the booked 09:00–09:30
        #expect(refusal { try clinic.store.addTimeOff(doctorID: doctor.id, from: try day("00:00"), to: try day("23:59"), by: .shell) } == .conflict)
        #expect(refusal { try clinic.store.addTimeOff(doctorID: doctor.id, from: try day("09:15"), to: try day("09:20"), by: .shell) } == .conflict)
        #expect(refusal { try clinic.store.addTimeOff(doctorID: doctor.id, from: try day("08:00"), to: try day("09:01"), by: .shell) } == .conflict)
        #expect(try clinic.count("time_off") == 0)
        // Then time off ending exactly at 09:00 or starting at 09:30 is fine
        try clinic.store.addTimeOff(doctorID: doctor.id, from: try day("08:00"), to: try day("09:00"), by: .shell)
        try clinic.store.addTimeOff(doctorID: doctor.id, from: try day("09:30"), to: try day("12:00"), by: .shell)
        #expect(try clinic.count("time_off") == 2)
        #expect(try clinic.store.slots(doctorID: doctor.id, on: date("2026-03-03"), viewer: .shell).entries.filter(\.free).count == 6)
    }

    @Test("addTimeOff refuses an empty range and a non-doctor")
    func timeOffInput() throws {
        let start = try clinic.local("2026-03-04", "09:00")
        let patient = try clinic.addPatient()
        #expect(refusal { try clinic.store.addTimeOff(doctorID: doctor.id, from: start, to: start, by: .shell) } == .invalidInput)
        #expect(refusal { try clinic.store.addTimeOff(doctorID: patient.id, from: start, to: start + 60, by: .shell) } == .notFound)
    }
}
