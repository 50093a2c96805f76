import ClinicCore
import Foundation
import ClinicTesting
import Testing

@Suite("ClinicStore.undoCheckIn: back to the status before check-in, only that")
struct UndoCheckInTests {
    let clinic: TestClinic
    let doctor: Account
    let patient: Account
    let desk: Account
    let booked: Appointment

    init() throws {
        // Given a booked appointment and a receptionist
        clinic = try TestClinic()
        doctor = try clinic.addDoctor()
        patient = try clinic.addPatient()
        desk = try clinic.addStaff(.receptionist)
        booked = try clinic.book(doctor: doctor, patient: patient, at: try clinic.local("2026-03-03", "09:00"))
        // …and the morning of the visit, when the patient arrives
        clinic.clock.set(Date(timeIntervalSince1970: TimeInterval(try clinic.local("2026-03-03", "08:40"))))
    }

    @Test("Undo after confirmed → checked_in returns to confirmed, with an audit row")
    func undoToConfirmed() throws {
        // Given a confirmed appointment checked in by mistake
        _ = try clinic.store.transition(code: booked.code, to: .confirmed, by: clinic.actor(patient, via: .kiosk))
        _ = try clinic.store.transition(code: booked.code, to: .checkedIn, by: clinic.actor(desk))
        // When the desk undoes the check-in
        let undone = try clinic.store.undoCheckIn(code: booked.code, by: clinic.actor(desk))
        // Then it is confirmed again and the trail records checked_in → confirmed, noted
        #expect(undone.status == .confirmed)
        let last = try #require(try clinic.store.events(code: booked.code).last)
        #expect((last.from, last.to, last.actorID, last.via) == (.checkedIn, .confirmed, desk.id, .tui))
        #expect(last.note == "check-in undone")
    }

    @Test("Undo after scheduled → checked_in returns to scheduled; a second check-in and undo work too")
    func undoToScheduledTwice() throws {
        _ = try clinic.store.transition(code: booked.code, to: .checkedIn, by: clinic.actor(desk))
        #expect(try clinic.store.undoCheckIn(code: booked.code, by: .shell).status == .scheduled)
        _ = try clinic.store.transition(code: booked.code, to: .confirmed, by: clinic.actor(patient, via: .sms))
        _ = try clinic.store.transition(code: booked.code, to: .checkedIn, by: clinic.actor(desk))
        #expect(try clinic.store.undoCheckIn(code: booked.code, by: clinic.actor(desk)).status == .confirmed)
        #expect(try clinic.store.events(code: booked.code).map(\.to) == [.scheduled, .checkedIn, .scheduled, .confirmed, .checkedIn, .confirmed])
    }

    @Test("Asking for the wrong previous status directly is refused and changes nothing")
    func wrongPreviousRefused() throws {
        // Given confirmed → checked_in
        _ = try clinic.store.transition(code: booked.code, to: .confirmed, by: .shell)
        _ = try clinic.store.transition(code: booked.code, to: .checkedIn, by: clinic.actor(desk))
        let trail = try clinic.store.events(code: booked.code)
        // When the desk asks for scheduled instead of confirmed, then invalid_transition
        #expect(refusal { try clinic.store.transition(code: booked.code, to: .scheduled, by: clinic.actor(desk)) } == .invalidTransition)
        #expect(try clinic.store.events(code: booked.code) == trail)
        #expect(try clinic.store.appointment(code: booked.code).status == .checkedIn)
    }

    @Test("Only the desk may undo; nothing to undo when not checked in")
    func whoAndWhen() throws {
        // Given a checked-in appointment, then its doctor and patient may not undo
        _ = try clinic.store.transition(code: booked.code, to: .checkedIn, by: clinic.actor(desk))
        let trail = try clinic.store.events(code: booked.code)
        #expect(refusal { try clinic.store.undoCheckIn(code: booked.code, by: clinic.actor(doctor)) } == .forbidden)
        #expect(refusal { try clinic.store.undoCheckIn(code: booked.code, by: clinic.actor(patient, via: .kiosk)) } == .forbidden)
        #expect(try clinic.store.events(code: booked.code) == trail)
        // Given it undone, then a second undo is refused (it is not checked in)
        _ = try clinic.store.undoCheckIn(code: booked.code, by: clinic.actor(desk))
        #expect(refusal { try clinic.store.undoCheckIn(code: booked.code, by: clinic.actor(desk)) } == .invalidTransition)
        #expect(refusal { try clinic.store.undoCheckIn(code: "ZZZZZZ", by: clinic.actor(desk)) } == .notFound)
    }

    @Test("A confirmed appointment that was never checked in cannot be 'undone' to scheduled")
    func undoWithoutCheckIn() throws {
        _ = try clinic.store.transition(code: booked.code, to: .confirmed, by: .shell)
        #expect(refusal { try clinic.store.undoCheckIn(code: booked.code, by: clinic.actor(desk)) } == .invalidTransition)
        #expect(try clinic.store.appointment(code: booked.code).status == .confirmed)
    }

    @Test("Undo works within the grace after check-in and is refused after it, by any route")
    func grace() throws {
        _ = try clinic.store.transition(code: booked.code, to: .checkedIn, by: clinic.actor(desk))
        clinic.clock.advance(by: TimeInterval(Policy.checkInUndoGraceSeconds))
        #expect(try clinic.store.undoCheckIn(code: booked.code, by: clinic.actor(desk)).status == .scheduled)
        _ = try clinic.store.transition(code: booked.code, to: .checkedIn, by: clinic.actor(desk))
        clinic.clock.advance(by: TimeInterval(Policy.checkInUndoGraceSeconds + 1))
        #expect(refusal { try clinic.store.undoCheckIn(code: booked.code, by: clinic.actor(desk)) } == .invalidTransition)
        #expect(refusal { try clinic.store.transition(code: booked.code, to: .scheduled, by: .shell) } == .invalidTransition)
        #expect(try clinic.store.appointment(code: booked.code).status == .checkedIn)
    }
}
