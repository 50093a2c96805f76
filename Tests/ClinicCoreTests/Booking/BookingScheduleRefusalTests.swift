import ClinicCore
import ClinicTesting
import Testing

/// DESIGN §2, Booking: a start that is not a generated slot, or not in the
/// future, is refused with its own code, and the database is left as it was.
@Suite("Booking refusals: the schedule and the clock")
struct BookingScheduleRefusalTests {
    let clinic: TestClinic
    let doctor: Account
    let patient: Account

    init() throws {
        // Given a New York clinic on Monday 2026-03-02 07:00 EST and a doctor working 09:00–12:00, 14:00–17:00
        clinic = try TestClinic(timeZone: "America/New_York", now: TestClinic.instant("2026-03-02T12:00:00Z"))
        doctor = try clinic.addDoctor(hours: "mon-fri 09:00-12:00,14:00-17:00")
        patient = try clinic.addPatient()
    }

    func book(_ day: String, _ time: String) throws -> Appointment {
        try clinic.book(doctor: doctor, patient: patient, at: try clinic.local(day, time))
    }

    @Test("not_aligned: inside the hours but off the slot grid")
    func notAligned() throws {
        let before = try clinic.snapshot()
        // When a booking asks for 09:10 or 16:59
        #expect(refusal { try book("2026-03-03", "09:10") } == .notAligned)
        #expect(refusal { try book("2026-03-03", "16:59") } == .notAligned)
        // Then nothing was written
        #expect(try clinic.snapshot() == before)
    }

    @Test("outside_schedule: before, between and after the hours, and on a day off")
    func outsideHours() throws {
        let before = try clinic.snapshot()
        // When bookings ask for 08:30, the lunch break, 17:00 and a Saturday
        #expect(refusal { try book("2026-03-03", "08:30") } == .outsideSchedule)
        #expect(refusal { try book("2026-03-03", "12:30") } == .outsideSchedule)
        #expect(refusal { try book("2026-03-03", "13:15") } == .outsideSchedule)
        #expect(refusal { try book("2026-03-03", "17:00") } == .outsideSchedule)
        #expect(refusal { try book("2026-03-07", "09:00") } == .outsideSchedule)
        // Then nothing was written
        #expect(try clinic.snapshot() == before)
    }

    @Test("outside_schedule: a slot inside the doctor's time off")
    func inTimeOff() throws {
        // Given time off on Wednesday 09:00–10:00
        try clinic.store.addTimeOff(
            doctorID: doctor.id, from: try clinic.local("2026-03-04", "09:00"),
            to: try clinic.local("2026-03-04", "10:00"), by: .shell)
        let before = try clinic.snapshot()
        // When the 09:30 slot is asked for, then it is refused; 10:00 is still bookable
        #expect(refusal { try book("2026-03-04", "09:30") } == .outsideSchedule)
        #expect(try clinic.snapshot() == before)
        #expect(try book("2026-03-04", "10:00").status == .scheduled)
    }

    @Test("Around the spring-forward gap: slots either side book, off-grid instants do not")
    func aroundDSTGap() throws {
        // Given a doctor working Sunday 00:00–06:00 on the spring-forward night
        let night = try clinic.addDoctor(hours: "sun 00:00-06:00")
        let request = { (s: Int64) in BookingRequest(doctorID: night.id, patientID: patient.id, start: s, reason: "x") }
        // When 06:45 UTC (01:45 EST, between slots) is asked for, then it is off the grid
        #expect(refusal { try clinic.store.book(request(utc("2026-03-08T06:45:00Z")), by: .shell) } == .notAligned)
        // When 01:30 EST and 03:00 EDT are booked, then they are back to back in real time
        let last = try clinic.store.book(request(utc("2026-03-08T06:30:00Z")), by: .shell)
        let other = try clinic.addPatient()
        let first = try clinic.store.book(
            BookingRequest(
                doctorID: night.id, patientID: other.id,
                start: utc("2026-03-08T07:00:00Z"), reason: "x"), by: .shell)
        #expect(last.end == first.start)
        #expect(try clinic.store.settings().timeZone.iso8601(first.start) == "2026-03-08T03:00:00-04:00")
    }

    @Test("in_past: the clock is after the start, or exactly at it")
    func inPast() throws {
        // Given the clock at Tuesday 09:05 local
        clinic.setNow("2026-03-03T14:05:00Z")
        let before = try clinic.snapshot()
        // When the 09:00 slot (started) is asked for, or any earlier day
        #expect(refusal { try book("2026-03-03", "09:00") } == .inPast)
        #expect(refusal { try book("2026-03-02", "14:00") } == .inPast)
        // And when the clock stands exactly at 09:30
        clinic.setNow("2026-03-03T14:30:00Z")
        #expect(refusal { try book("2026-03-03", "09:30") } == .inPast)
        // Then nothing was written, and the next slot (10:00) can still be booked
        #expect(try clinic.snapshot() == before)
        #expect(try book("2026-03-03", "10:00").status == .scheduled)
    }
}
