@_spi(Tooling) import ClinicCore
import ClinicTesting
import Foundation
import GRDB
import Testing

/// Text people type is printed on staff terminals and in tables: control
/// characters are refused wherever it comes in, and nothing is written.
/// Bookings open at most two years ahead, so a mistyped year is refused.
@Suite("Free text and the booking horizon")
struct FreeTextAndHorizonTests {
    let clinic: TestClinic
    let doctor: Account
    let patient: Account
    let desk: Account
    static let escape = "Headache\u{1B}[2J\u{1B}[1;1HFAKE LINE"

    init() throws {
        // Given a New York clinic on Monday 2026-03-02 and a doctor working weekdays
        clinic = try TestClinic(timeZone: "America/New_York", now: TestClinic.instant("2026-03-02T12:00:00Z"))
        doctor = try clinic.addDoctor(hours: "mon-fri 09:00-12:00,14:00-17:00")
        patient = try clinic.addPatient()
        desk = try clinic.addStaff(.receptionist)
    }

    @Test("A reason with an escape sequence, a line break or a NUL is refused and writes nothing; emoji and accents pass")
    func reasons() throws {
        let before = try clinic.snapshot()
        for reason in [Self.escape, "Headache\nFAKE LINE", "Head\u{0}ache", "Bad\u{9B}31m"] {
            #expect(
                refusal { try clinic.book(doctor: doctor, patient: patient, at: try clinic.local("2026-03-03", "09:00"), reason: reason) }
                    == .invalidInput, "\(reason.debugDescription)")
        }
        #expect(try clinic.snapshot() == before)
        let fine = try clinic.book(
            doctor: doctor, patient: patient, at: try clinic.local("2026-03-03", "09:00"),
            reason: "  Contrôle 👨‍👩‍👧 — 頭痛  ")
        #expect(fine.reason == "Contrôle 👨‍👩‍👧 — 頭痛")
    }

    @Test("A cancellation's reason, a doctor's note and a time-off note refuse control characters; a note keeps its lines")
    func notes() throws {
        let booked = try clinic.book(doctor: doctor, patient: patient, at: try clinic.local("2026-03-03", "09:00"))
        let trail = try clinic.store.events(code: booked.code)
        #expect(refusal { try clinic.store.transition(code: booked.code, to: .cancelled, by: clinic.actor(desk), note: Self.escape) } == .invalidInput)
        #expect(try clinic.store.appointment(code: booked.code).status == .scheduled)
        #expect(try clinic.store.events(code: booked.code) == trail)
        let long = String(repeating: "x", count: 501)
        #expect(refusal { try clinic.store.transition(code: booked.code, to: .cancelled, by: clinic.actor(desk), note: long) } == .invalidInput)

        #expect(refusal { try clinic.store.setNote(code: booked.code, text: Self.escape, by: clinic.actor(doctor)) } == .invalidInput)
        #expect(try clinic.store.note(code: booked.code) == nil)
        let note = try clinic.store.setNote(code: booked.code, text: "BP 120/80\n\tfollow up in 2 weeks", by: clinic.actor(doctor))
        #expect(note?.text == "BP 120/80\n\tfollow up in 2 weeks")

        let (from, to) = (try clinic.local("2026-03-04", "09:00"), try clinic.local("2026-03-04", "10:00"))
        #expect(refusal { try clinic.store.addTimeOff(doctorID: doctor.id, from: from, to: to, note: Self.escape, by: .shell) } == .invalidInput)
        #expect(try clinic.count("time_off") == 0)
        try clinic.store.addTimeOff(doctorID: doctor.id, from: from, to: to, note: "Conference", by: .shell)
        #expect(try clinic.count("time_off") == 1)
    }

    @Test("A booking or a move more than two years ahead is refused (a mistyped year); one year ahead is fine")
    func horizon() throws {
        let before = try clinic.snapshot()
        #expect(refusal { try clinic.book(doctor: doctor, patient: patient, at: try clinic.local("2028-03-06", "09:00")) } == .invalidInput)
        #expect(refusal { try clinic.book(doctor: doctor, patient: patient, at: try clinic.local("9999-12-01", "09:00")) } == .invalidInput)
        #expect(try clinic.snapshot() == before)
        let booked = try clinic.book(doctor: doctor, patient: patient, at: try clinic.local("2027-03-01", "09:00"))
        #expect(
            refusal { try clinic.store.reschedule(code: booked.code, to: try clinic.local("2062-03-06", "09:00"), by: clinic.actor(desk)) } == .invalidInput)
        #expect(try clinic.store.appointment(code: booked.code).start == booked.start)
    }

    @Test("Stats count an appointment in the last month of year 9999 (written before the horizon existed) without trapping")
    func statsAtTheEndOfTime() throws {
        let booked = try clinic.book(doctor: doctor, patient: patient, at: try clinic.local("2026-03-03", "09:00"))
        let lastMonth = TestClinic.seconds("9999-12-31T15:00:00Z")
        try clinic.store.writer.write { db in
            try db.execute(sql: "UPDATE appointment SET start_at = ?, end_at = ? WHERE id = ?", arguments: [lastMonth, lastMonth + 1_800, booked.id])
        }
        let stats = try clinic.store.stats(grouping: .month, limit: 2, by: .shell)
        #expect(stats.periods.map(\.label) == ["9999-12"])
        #expect(stats.periods.first?.counts.total == 1)
    }
}
