import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// A patient who walks in after the scheduler marked the visit a no-show
/// (DESIGN §2: `no_show → checked_in`, the desk, on the visit's local day,
/// audited with a reason), and a checked-in patient seen before the start.
@Suite struct LateArrivalTests {
    static let start = TestClinic.seconds("2026-03-03T15:00:00Z")  // 10:00 in New York

    @Test func theDeskChecksInALateArrivalWithAReasonAndThePatientIsTold() throws {
        // Given a visit the scheduler marked a no-show at start + 15 min (the "we missed you" SMS went out)
        let h = try SchedulerHarness()
        let doctor = try h.clinic.addDoctor(name: "Dr Ana Moreau"), patient = try h.clinic.addPatient(name: "प्रिया शर्मा")
        let desk = try h.clinic.addStaff(.receptionist)
        let a = try h.clinic.book(doctor: doctor, patient: patient, at: Self.start)
        try h.tick(at: Self.start + 15 * 60)
        #expect(try h.clinic.store.appointment(code: a.code).status == .noShow)
        let sentBefore = h.twilio.requests.count
        let byDesk = Actor.account(desk.id, .receptionist, via: .tui)

        // When the patient arrives at +20 min: without a reason the desk is asked for one, nothing changes
        h.clinic.clock.set(Date(timeIntervalSince1970: TimeInterval(Self.start + 20 * 60)))
        #expect(throws: ClinicError.self) { try h.clinic.store.transition(code: a.code, to: .checkedIn, by: byDesk) }
        #expect(try h.clinic.store.appointment(code: a.code).status == .noShow)
        // and neither the patient nor the doctor may do it
        for who in [Actor.account(patient.id, .patient, via: .kiosk), .account(doctor.id, .doctor, via: .tui)] {
            #expect(throws: ClinicError(.forbidden, "you may not check in a patient marked a no-show")) {
                try h.clinic.store.transition(code: a.code, to: .checkedIn, by: who, note: "here")
            }
        }

        // With a reason the visit is checked in, audited with who and why
        let checkedIn = try h.clinic.store.transition(code: a.code, to: .checkedIn, by: byDesk, note: "arrived 20 min late: bus")
        #expect(checkedIn.status == .checkedIn)
        let event = try #require(try h.clinic.store.events(code: a.code).last)
        #expect(event.from == .noShow && event.to == .checkedIn && event.actorID == desk.id && event.note == "arrived 20 min late: bus")

        // And the patient gets one short SMS saying so, through the outbox and the fake Twilio
        try h.tick(at: Self.start + 21 * 60)
        let sent = h.twilio.requests.dropFirst(sentBefore)
        #expect(sent.count == 1)
        #expect(sent.first?.form["To"] == patient.phone)
        #expect(sent.first?.form["Body"]?.contains("you are checked in after all for your 10:00 appointment with Dr Ana Moreau") == true)
        #expect(try h.messages().filter { $0.kind == .checkedIn }.count == 1)

        // And the doctor sees them: completed before the visit's slot is over
        _ = try h.clinic.store.transition(code: a.code, to: .completed, by: .account(doctor.id, .doctor, via: .tui))
        #expect(try h.clinic.store.appointment(code: a.code).status == .completed)
    }

    @Test func aNoShowFromAnEarlierDayStays() throws {
        let h = try SchedulerHarness()
        let doctor = try h.clinic.addDoctor(), patient = try h.clinic.addPatient()
        let desk = try h.clinic.addStaff(.admin)
        let a = try h.clinic.book(doctor: doctor, patient: patient, at: Self.start)
        try h.tick(at: Self.start + 15 * 60)
        // The next morning in New York (after local midnight) the no-show is final
        h.clinic.clock.set(TestClinic.instant("2026-03-04T05:30:00Z"))
        #expect(throws: ClinicError(.invalidTransition, "the no-show was on an earlier day and stays; book a new visit")) {
            try h.clinic.store.transition(code: a.code, to: .checkedIn, by: .account(desk.id, .admin, via: .cli), note: "came back")
        }
        // but late the same evening it could still be undone
        h.clinic.clock.set(TestClinic.instant("2026-03-04T04:30:00Z"))  // 23:30 on the 3rd
        #expect(try h.clinic.store.transition(code: a.code, to: .checkedIn, by: .account(desk.id, .admin, via: .cli), note: "came back").status == .checkedIn)
    }

    @Test func aCheckedInPatientIsSeenEarlyButNotAScheduledOne() throws {
        let h = try SchedulerHarness()
        let doctor = try h.clinic.addDoctor(), patient = try h.clinic.addPatient()
        let desk = try h.clinic.addStaff(.receptionist)
        let a = try h.clinic.book(doctor: doctor, patient: patient, at: Self.start)
        let byDoctor = Actor.account(doctor.id, .doctor, via: .tui)
        h.clinic.clock.set(Date(timeIntervalSince1970: TimeInterval(Self.start - 40 * 60)))
        #expect(throws: ClinicError.self) { try h.clinic.store.transition(code: a.code, to: .completed, by: byDoctor) }
        _ = try h.clinic.store.transition(code: a.code, to: .checkedIn, by: .account(desk.id, .receptionist, via: .tui))
        #expect(try h.clinic.store.transition(code: a.code, to: .completed, by: byDoctor).status == .completed)
    }
}
