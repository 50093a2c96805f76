import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// No-shows (DESIGN §2): scheduled / confirmed appointments become `no_show`
/// `no_show_grace` after the start, through the store's transition (actor
/// scheduler, audited), and the patient and the doctor are told.
@Suite struct NoShowTests {
    static let start = TestClinic.seconds("2026-03-03T15:00:00Z")
    static let grace: Int64 = 15 * 60

    @Test func aNoShowIsMarkedAfterTheGraceNotBeforeAndBothPeopleAreTold() throws {
        // Given an appointment booked well ahead (its reminder already out)
        let h = try SchedulerHarness()
        let doctor = try h.clinic.addDoctor(name: "Dr Ana Moreau"), patient = try h.clinic.addPatient(name: "José Álvarez")
        let a = try h.clinic.book(doctor: doctor, patient: patient, at: Self.start)
        try h.tick(at: Self.start - 3 * 3600)
        let before = h.twilio.requests.count

        // When the scheduler ticks one second before the grace ends
        let early = try h.tick(at: Self.start + Self.grace - 1)
        // Then the appointment is still scheduled and nobody is told
        #expect(early.noShows == 0)
        #expect(try h.clinic.store.appointment(code: a.code).status == .scheduled)
        #expect(h.twilio.requests.count == before)

        // When it ticks at the end of the grace
        let report = try h.tick(at: Self.start + Self.grace)

        // Then it is a no-show, recorded as done by the scheduler
        #expect(report.noShows == 1)
        #expect(try h.clinic.store.appointment(code: a.code).status == .noShow)
        let event = try #require(try h.clinic.store.events(code: a.code).last)
        #expect(event.to == .noShow && event.via == .scheduler && event.actorRole == "scheduler" && event.actorID == nil)
        // And the patient and the doctor each got one notice
        let notices = h.twilio.requests.dropFirst(before)
        #expect(notices.count == 2)
        let toPatient = try #require(notices.first { $0.form["To"] == patient.phone }?.form["Body"])
        let toDoctor = try #require(notices.first { $0.form["To"] == doctor.phone }?.form["Body"])
        #expect(toPatient.contains("we missed you") && toPatient.contains("Dr Ana Moreau") && toPatient.contains(a.code))
        #expect(toDoctor.contains("José Álvarez") && toDoctor.contains("marked no-show") && toDoctor.contains(a.code))

        // And later ticks change nothing more
        try h.tick(at: Self.start + 3600)
        #expect(h.twilio.requests.count == before + 2)
    }

    @Test func confirmedAppointmentsBecomeNoShowsToo() throws {
        let h = try SchedulerHarness()
        let a = try h.clinic.book(doctor: try h.clinic.addDoctor(), patient: try h.clinic.addPatient(), at: Self.start)
        _ = try h.clinic.store.transition(code: a.code, to: .confirmed, by: .shell)
        try h.tick(at: Self.start + Self.grace)
        #expect(try h.clinic.store.appointment(code: a.code).status == .noShow)
    }

    @Test func checkedInAppointmentsAreExempt() throws {
        // Given a patient checked in before the start
        let h = try SchedulerHarness()
        let a = try h.clinic.book(doctor: try h.clinic.addDoctor(), patient: try h.clinic.addPatient(), at: Self.start)
        h.clinic.clock.set(Date(timeIntervalSince1970: TimeInterval(Self.start - 600)))
        _ = try h.clinic.store.transition(code: a.code, to: .checkedIn, by: .shell)

        // When the scheduler ticks long after the grace
        let report = try h.tick(at: Self.start + 2 * 3600)

        // Then the appointment stays checked in and no no-show notice goes out
        #expect(report.noShows == 0)
        #expect(try h.clinic.store.appointment(code: a.code).status == .checkedIn)
        #expect(try h.messages().allSatisfy { $0.kind != .noShow })
    }

    @Test func aStandbySchedulerMarksNothing() throws {
        // Given scheduler A holding the lease
        let h = try SchedulerHarness()
        let a = try h.clinic.book(doctor: try h.clinic.addDoctor(), patient: try h.clinic.addPatient(), at: Self.start)
        try h.tick(at: Self.start + Self.grace - 5)
        // When B ticks after the grace while A's lease is still valid
        let b = h.makeScheduler(holder: "scheduler-B")
        let report = try h.tick(at: Self.start + Self.grace, b)
        // Then B did nothing
        #expect(!report.leader && report.noShows == 0)
        #expect(try h.clinic.store.appointment(code: a.code).status == .scheduled)
    }
}
