import ClinicCore
import ClinicTesting
import Testing

/// ClinicStore.transition: the rules applied in one transaction, with an audit row per change.
@Suite("ClinicStore.transition: status changes and their audit trail")
struct TransitionTests {
    let clinic: TestClinic
    let doctor: Account
    let patient: Account
    let booked: Appointment

    init() throws {
        // Given Tuesday 09:00 (14:00 UTC) booked by the shell admin, and the clock on Monday
        clinic = try TestClinic()
        doctor = try clinic.addDoctor()
        patient = try clinic.addPatient()
        booked = try clinic.book(doctor: doctor, patient: patient, at: try clinic.local("2026-03-03", "09:00"))
    }

    @Test("Check-in opens on the visit's local day: the evening before is refused, just after midnight it works")
    func checkInOpensOnTheDay() throws {
        let desk = try clinic.addStaff(.receptionist)
        clinic.setNow("2026-03-03T04:55:00Z")  // 23:55 on Monday in New York
        #expect(refusal { try clinic.store.transition(code: booked.code, to: .checkedIn, by: clinic.actor(desk)) } == .invalidTransition)
        #expect(try clinic.store.appointment(code: booked.code).status == .scheduled)
        clinic.setNow("2026-03-03T05:05:00Z")  // 00:05 on Tuesday
        #expect(try clinic.store.transition(code: booked.code, to: .checkedIn, by: clinic.actor(desk)).status == .checkedIn)
    }

    @Test("A full visit: confirmed by SMS, checked in at the desk, completed by the doctor")
    func fullVisitAuditTrail() throws {
        let desk = try clinic.addStaff(.receptionist)
        // When the patient confirms by SMS, the desk checks in at 08:55 and the doctor completes at 09:40
        #expect(try clinic.store.transition(code: booked.code, to: .confirmed, by: clinic.actor(patient, via: .sms)).status == .confirmed)
        clinic.setNow("2026-03-03T13:55:00Z")
        #expect(try clinic.store.transition(code: booked.code, to: .checkedIn, by: clinic.actor(desk)).status == .checkedIn)
        clinic.setNow("2026-03-03T14:40:00Z")
        let done = try clinic.store.transition(code: booked.code, to: .completed, by: clinic.actor(doctor), note: "seen")
        // Then the status is final and the trail has who, when, from, to and via for every step
        #expect(done.status == .completed)
        let events = try clinic.store.events(code: booked.code)
        #expect(events.map(\.from) == [nil, .scheduled, .confirmed, .checkedIn])
        #expect(events.map(\.to) == [.scheduled, .confirmed, .checkedIn, .completed])
        #expect(events.map(\.actorID) == [nil, patient.id, desk.id, doctor.id])
        #expect(events.map(\.actorRole) == ["admin", "patient", "receptionist", "doctor"])
        #expect(events.map(\.via) == [.cli, .sms, .tui, .tui])
        #expect(
            events.map(\.at) == [
                utc("2026-03-02T12:00:00Z"), utc("2026-03-02T12:00:00Z"),
                utc("2026-03-03T13:55:00Z"), utc("2026-03-03T14:40:00Z"),
            ])
        #expect(events.last?.note == "seen")
    }

    @Test("The scheduler marks a no-show; the trail says scheduler, with no account")
    func schedulerNoShow() throws {
        // Given the clock 16 minutes after the start
        clinic.setNow("2026-03-03T14:16:00Z")
        // When the scheduler marks the no-show
        #expect(try clinic.store.transition(code: booked.code, to: .noShow, by: .scheduler).status == .noShow)
        // Then the audit row names the scheduler
        let last = try #require(try clinic.store.events(code: booked.code).last)
        #expect((last.from, last.to, last.actorID, last.actorRole, last.via) == (.scheduled, .noShow, nil, "scheduler", .scheduler))
        // And the appointment itself reads no_show
        #expect(try clinic.store.appointment(code: booked.code).status == .noShow)
    }

    /// Asks for a refused move and checks that neither the status nor the trail changed.
    func expectRefused(
        _ target: AppointmentStatus, by actor: Actor, _ code: ClinicError.Code,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let status = try clinic.store.appointment(code: booked.code).status
        let trail = try clinic.store.events(code: booked.code)
        #expect(refusal { try clinic.store.transition(code: booked.code, to: target, by: actor) } == code, sourceLocation: sourceLocation)
        #expect(try clinic.store.appointment(code: booked.code).status == status, sourceLocation: sourceLocation)
        #expect(try clinic.store.events(code: booked.code) == trail, sourceLocation: sourceLocation)
    }

    @Test("Refused moves leave the status and the audit trail unchanged")
    func refusedMovesChangeNothing() throws {
        let desk = try clinic.addStaff(.receptionist)
        let stranger = try clinic.addPatient()
        // When moves are refused for who asks, or for when
        try expectRefused(.confirmed, by: clinic.actor(stranger, via: .kiosk), .forbidden)
        try expectRefused(.checkedIn, by: clinic.actor(doctor), .forbidden)
        try expectRefused(.completed, by: clinic.actor(doctor), .invalidTransition)
        try expectRefused(.noShow, by: .scheduler, .invalidTransition)
        clinic.setNow("2026-03-03T14:05:00Z")
        try expectRefused(.completed, by: clinic.actor(desk), .forbidden)
        // And once final, nothing moves it
        _ = try clinic.store.transition(code: booked.code, to: .cancelled, by: clinic.actor(patient, via: .kiosk))
        try expectRefused(.scheduled, by: .shell, .invalidTransition)
        try expectRefused(.confirmed, by: clinic.actor(patient, via: .sms), .invalidTransition)
        try expectRefused(.completed, by: clinic.actor(doctor), .invalidTransition)
        #expect(try clinic.store.events(code: booked.code).count == 2)
    }

    @Test("A doctor cannot complete another doctor's appointment through the store")
    func otherDoctorCannotComplete() throws {
        let other = try clinic.addDoctor()
        clinic.setNow("2026-03-03T14:05:00Z")
        try expectRefused(.completed, by: clinic.actor(other), .forbidden)
    }

    @Test("Unknown and malformed codes")
    func badCodes() throws {
        #expect(refusal { try clinic.store.transition(code: "ZZZZZZ", to: .confirmed, by: .shell) } == .notFound)
        #expect(refusal { try clinic.store.transition(code: "K7Q", to: .confirmed, by: .shell) } == .invalidInput)
        #expect(refusal { try clinic.store.transition(code: "K7QX2O", to: .confirmed, by: .shell) } == .invalidInput)
        // And a lower-case code with spaces is the same appointment
        #expect(try clinic.store.transition(code: " \(booked.code.lowercased()) ", to: .confirmed, by: .shell).id == booked.id)
    }
}
