import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// The booking notice (issue 15): a new booking and a move each send the
/// patient one SMS through the outbox, the real Twilio client and a fake
/// Twilio on 127.0.0.1, driven by a manual clock; inside the reminder lead the
/// patient gets one text, never the notice and the reminder both.
@Suite struct BookingNoticeTests {
    /// Mon 2 Mar 2026 12:00Z, the harness's clock at the start.
    static let t0 = TestClinic.seconds("2026-03-02T12:00:00Z")
    /// Tue 3 Mar 2026 10:00 New York (15:00Z).
    static let start = TestClinic.seconds("2026-03-03T15:00:00Z")
    /// start − 3 h: the reminder instant.
    static let due = start - 3 * 3600

    @Test func aMoveToAnotherDoctorAndBackAtTheSameTimeTellsThePatientEachTime() throws {
        // Given a visit with Ana, moved to Ben at the same time, the notice sent
        let h = try SchedulerHarness()
        let ana = try h.clinic.addDoctor(name: "Dr Ana Moreau"), ben = try h.clinic.addDoctor(name: "Dr Ben Okafor")
        let patient = try h.clinic.addPatient()
        let a = try h.clinic.store.book(BookingRequest(doctorID: ana.id, patientID: patient.id, start: Self.start, reason: "x"), by: .shell)
        _ = try h.clinic.store.reschedule(code: a.code, to: Self.start, doctorID: ben.id, by: .shell)
        try h.tick(at: Self.t0 + 5)
        #expect(h.sentBodies.last?.contains("Dr Ben Okafor") == true)
        // When it moves back to Ana at that same time
        _ = try h.clinic.store.reschedule(code: a.code, to: Self.start, doctorID: ana.id, by: .shell)
        try h.tick(at: Self.t0 + 10)
        // Then the patient is told again, naming Ana: the last text names where the visit is
        #expect(h.sentBodies.last?.contains("Dr Ana Moreau") == true, "\(h.sentBodies)")
        #expect(try h.messages(.moved).count == 1)
    }

    @Test func aNewBookingSendsTheNoticeOnceAndTheReminderLater() throws {
        // Given a patient who books at the kiosk the day before
        let h = try SchedulerHarness()
        let doctor = try h.clinic.addDoctor(name: "Dr Ana Moreau"), patient = try h.clinic.addPatient()
        let a = try h.clinic.store.book(
            BookingRequest(doctorID: doctor.id, patientID: patient.id, start: Self.start, reason: "Check-up"),
            by: .account(patient.id, .patient, via: .kiosk))

        // When the scheduler ticks right after, and again and again before the reminder instant
        for t in [Self.t0 + 5, Self.t0 + 60, Self.t0 + 3600, Self.due - 1] { try h.tick(at: t) }

        // Then Twilio got the notice once: doctor, local date and time, the code and how to reply
        #expect(
            h.sentBodies == [
                "Test Clinic: you are booked with Dr Ana Moreau on Tue 3 Mar 2026 at 10:00. Code \(a.code). "
                    + "Reply CONFIRM \(a.code) or CANCEL \(a.code)."
            ])
        #expect(h.twilio.requests.first?.form["To"] == patient.phone)
        let notice = try #require(try h.messages(.booking).first)
        #expect(notice.state == .sent && notice.recipient == .patient && notice.appointmentStart == Self.start && notice.attempts == 1)

        // And when the reminder falls due it goes out as before, once
        try h.tick(at: Self.due)
        try h.tick(at: Self.due + 600)
        #expect(try h.messages().map(\.kind) == [.booking, .reminder])
        #expect(h.sentBodies.count == 2 && h.sentBodies[1].contains("reminder"))
    }

    @Test func aBookingInsideTheLeadGetsTheNoticeAsItsReminder() throws {
        // Given a booking made at 08:00 for 10:00, inside the three-hour lead
        let h = try SchedulerHarness()
        let doctor = try h.clinic.addDoctor(), patient = try h.clinic.addPatient()
        h.clinic.clock.set(Date(timeIntervalSince1970: TimeInterval(Self.due + 3600)))
        let a = try h.clinic.book(doctor: doctor, patient: patient, at: Self.start)

        // When the scheduler ticks every five minutes until the start
        for t in stride(from: Self.due + 3605, to: Self.start, by: 300) { try h.tick(at: Int64(t)) }

        // Then the patient got one text, the notice, which says what the reminder would; no reminder
        #expect(h.sentBodies.count == 1)
        #expect(h.sentBodies.first?.contains("Reply CONFIRM \(a.code) or CANCEL \(a.code).") == true)
        #expect(try h.messages().map(\.kind) == [.booking])
    }

    @Test func aNoticeStillUnsentWhenTheReminderFallsDueGivesWayToIt() throws {
        // Given a booking the day before, and a scheduler that was down until the reminder instant
        let h = try SchedulerHarness()
        try h.clinic.book(doctor: try h.clinic.addDoctor(), patient: try h.clinic.addPatient(), at: Self.start)

        // When it ticks at the reminder instant
        let report = try h.tick(at: Self.due)

        // Then the reminder goes out and the stale notice is skipped: one text, not two
        #expect(report.sent == 1 && report.skipped == 1)
        #expect(h.sentBodies.count == 1 && h.sentBodies[0].contains("reminder"))
        let notice = try #require(try h.messages(.booking).first)
        #expect(notice.state == .skipped && notice.errorCode == "reminder_due")
    }

    @Test func aMoveSendsTheNewTimeOncePerMove() throws {
        // Given a booking whose notice went out
        let h = try SchedulerHarness()
        let ana = try h.clinic.addDoctor(name: "Dr Ana Moreau"), ravi = try h.clinic.addDoctor(name: "Dr Ravi शर्मा")
        let patient = try h.clinic.addPatient()
        let a = try h.clinic.book(doctor: ana, patient: patient, at: Self.start)
        try h.tick(at: Self.t0 + 5)

        // When the desk moves it to another doctor on Wednesday, then back to Ana on Tuesday at 11:00
        let wednesday = TestClinic.seconds("2026-03-04T19:00:00Z")  // Wed 14:00 New York
        let tuesday11 = TestClinic.seconds("2026-03-03T16:00:00Z")
        _ = try h.clinic.store.reschedule(code: a.code, to: wednesday, doctorID: ravi.id, by: .shell)
        try h.tick(at: Self.t0 + 10)
        try h.tick(at: Self.t0 + 20)
        _ = try h.clinic.store.reschedule(code: a.code, to: tuesday11, doctorID: ana.id, by: .shell)
        try h.tick(at: Self.t0 + 30)

        // Then each move sent the new time once, kind moved, with the code and how to reply
        #expect(h.sentBodies.count == 3)
        #expect(
            h.sentBodies[1]
                == "Test Clinic: your appointment is moved to Wed 4 Mar 2026 at 14:00 with Dr Ravi शर्मा. Code \(a.code). "
                + "Reply CONFIRM \(a.code) or CANCEL \(a.code).")
        #expect(h.sentBodies[2].contains("moved to Tue 3 Mar 2026 at 11:00 with Dr Ana Moreau"))
        #expect(try h.messages(.moved).map(\.appointmentStart) == [wednesday, tuesday11])
        #expect(try h.messages().allSatisfy { $0.state == .sent })
    }

    @Test func aMoveBeforeTheNoticeWentOutSkipsItAndSendsOnlyTheNewTime() throws {
        // Given a booking whose notice is still queued
        let h = try SchedulerHarness()
        let a = try h.clinic.book(doctor: try h.clinic.addDoctor(), patient: try h.clinic.addPatient(), at: Self.start)

        // When it is moved at once, and the scheduler ticks
        _ = try h.clinic.store.reschedule(code: a.code, to: Self.start + 1800, by: .shell)
        try h.tick(at: Self.t0 + 5)

        // Then only the new time went out; the old notice is skipped as moved
        #expect(h.sentBodies.count == 1 && h.sentBodies[0].contains("moved to Tue 3 Mar 2026 at 10:30"))
        let old = try #require(try h.messages(.booking).first)
        #expect(old.state == .skipped && old.errorCode == "appointment_moved")
    }

    @Test func aMoveIntoTheLeadSendsTheNewTimeAndNoReminder() throws {
        // Given a visit on Wednesday whose notice went out
        let h = try SchedulerHarness()
        let a = try h.clinic.book(
            doctor: try h.clinic.addDoctor(), patient: try h.clinic.addPatient(), at: TestClinic.seconds("2026-03-04T15:00:00Z"))
        try h.tick(at: Self.t0 + 5)

        // When at 08:00 on Tuesday the desk moves it to 10:00 that day, inside the lead
        h.clinic.clock.set(Date(timeIntervalSince1970: TimeInterval(Self.due + 3600)))
        _ = try h.clinic.store.reschedule(code: a.code, to: Self.start, by: .shell)
        for t in stride(from: Self.due + 3605, to: Self.start, by: 300) { try h.tick(at: Int64(t)) }

        // Then the patient got the booking notice and the move's, and no reminder on top
        #expect(try h.messages().map(\.kind) == [.booking, .moved])
        #expect(h.sentBodies.count == 2 && h.sentBodies[1].contains("moved to Tue 3 Mar 2026 at 10:00"))
    }

    @Test func theSettingOffSendsNoNoticeButTheReminderStillGoesOut() throws {
        // Given a clinic whose admin turned the booking notice off
        let h = try SchedulerHarness()
        #expect(try !h.clinic.store.updateSettings(.init(bookingNotice: false), by: .shell).bookingNotice)
        let a = try h.clinic.book(doctor: try h.clinic.addDoctor(), patient: try h.clinic.addPatient(), at: Self.start)

        // When the visit is booked, moved, and the scheduler ticks
        _ = try h.clinic.store.reschedule(code: a.code, to: Self.start + 1800, by: .shell)
        try h.tick(at: Self.t0 + 5)

        // Then nothing was enqueued or sent
        #expect(try h.messages().isEmpty)
        #expect(h.twilio.requests.isEmpty)
        // And the reminder for the new time goes out as before
        try h.tick(at: Self.due + 1800)
        #expect(try h.messages().map(\.kind) == [.reminder])
    }

    @Test func aPatientWithoutAPhoneGetsNothing() throws {
        // Given a patient known by email only
        let h = try SchedulerHarness()
        let patient = try h.clinic.store.createAccount(
            NewAccount(role: .patient, name: "Mail Only", email: "mail@only.test", phone: nil), by: .shell)
        let a = try h.clinic.book(doctor: try h.clinic.addDoctor(), patient: patient, at: Self.start)

        // When the visit is booked and moved
        _ = try h.clinic.store.reschedule(code: a.code, to: Self.start + 1800, by: .shell)
        try h.tick(at: Self.t0 + 5)

        // Then no SMS was enqueued or sent
        #expect(try h.messages().isEmpty)
        #expect(h.twilio.requests.isEmpty)
    }

    @Test func anOptedOutNumberGetsASkippedRowAndNoSMS() throws {
        // Given a patient whose number opted out
        let h = try SchedulerHarness()
        let patient = try h.clinic.addPatient()
        try h.clinic.store.setOptOut(phone: patient.phone!, optedOut: true, source: "desk")

        // When they are booked and the scheduler ticks
        try h.clinic.book(doctor: try h.clinic.addDoctor(), patient: patient, at: Self.start)
        try h.tick(at: Self.t0 + 5)

        // Then the log shows the notice skipped as opted out, and Twilio got nothing
        let notice = try #require(try h.messages(.booking).first)
        #expect(notice.state == .skipped && notice.errorCode == "opted_out")
        #expect(h.twilio.requests.isEmpty)
    }

    @Test func twoSchedulersSendEachNoticeOnce() throws {
        // Given ten bookings and two schedulers ticking alternately
        let h = try SchedulerHarness()
        _ = try h.clinic.store.updateSettings(.init(maxActiveVisits: 0), by: .shell)  // one patient holds all ten visits
        let doctor = try h.clinic.addDoctor(hours: "mon-fri 09:00-17:00"), patient = try h.clinic.addPatient()
        let codes = try (0..<10).map { i in try h.clinic.book(doctor: doctor, patient: patient, at: Self.start + Int64(i) * 1800).code }
        let a = h.makeScheduler(holder: "A"), b = h.makeScheduler(holder: "B")
        for t in stride(from: Self.t0 + 1, to: Self.t0 + 120, by: 5) {
            try h.tick(at: t, a)
            try h.tick(at: t, b)
        }

        // Then every booking's notice went out exactly once
        #expect(h.sentBodies.count == 10)
        #expect(Set(h.sentBodies).count == 10)
        #expect(codes.allSatisfy { code in h.sentBodies.filter { $0.contains("Code \(code).") }.count == 1 })
    }
}
