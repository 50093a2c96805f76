import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// Reminders (DESIGN §2): one SMS at start − lead for scheduled / confirmed
/// appointments booked before that instant, through the real Twilio client
/// against a fake Twilio on 127.0.0.1.
@Suite struct ReminderTests {
    /// Tue 3 Mar 2026 10:00 New York (15:00Z); the clinic's clock starts Mon 2 Mar 12:00Z.
    static let start = TestClinic.seconds("2026-03-03T15:00:00Z")
    /// start − 3 h.
    static let due = start - 3 * 3600

    @Test func aReminderGoesOutOnceAtStartMinusLeadWithDoctorTimeCodeAndReplyHelp() throws {
        // Given an appointment booked the day before
        let h = try SchedulerHarness()
        let doctor = try h.clinic.addDoctor(name: "Dr Ana Moreau")
        let patient = try h.clinic.addPatient()
        let a = try h.clinic.book(doctor: doctor, patient: patient, at: Self.start)

        // When the scheduler ticks one second before the reminder instant
        try h.tick(at: Self.due - 1)
        // Then only the booking notice has gone out (its first tick since the booking), no reminder yet
        #expect(h.sentBodies.count == 1 && h.sentBodies[0].contains("you are booked"))

        // When it ticks at the instant, and again later
        let report = try h.tick(at: Self.due)
        try h.tick(at: Self.due + 5)
        try h.tick(at: Self.due + 3600)

        // Then exactly one more request reached Twilio, with the right form and auth
        #expect(report.remindersPlanned == 1 && report.sent == 1)
        let requests = h.twilio.requests
        #expect(requests.count == 2)
        let r = try #require(requests.last)
        #expect(r.method == "POST")
        #expect(r.path == "/2010-04-01/Accounts/\(SchedulerHarness.accountSID)/Messages.json")
        #expect(r.username == SchedulerHarness.accountSID && r.password == SchedulerHarness.authToken)
        #expect(r.form["To"] == patient.phone && r.form["From"] == SchedulerHarness.from)
        #expect(r.form["StatusCallback"] == "https://clinic.example.org/api/v1/twilio/status")
        // And the body names the doctor, the local date and time, the code and how to reply
        let body = try #require(r.form["Body"])
        #expect(body.contains("Dr Ana Moreau"))
        #expect(body.contains("Tue 3 Mar 2026 at 10:00"))
        #expect(body.contains("Reply CONFIRM \(a.code) or CANCEL \(a.code)."))
        // And the outbox row is sent, with Twilio's sid
        let m = try #require(try h.messages(.reminder).first)
        #expect(m.kind == .reminder && m.state == .sent && m.attempts == 1 && m.appointmentCode == a.code)
        #expect(m.providerID?.hasPrefix("SM") == true && m.sentAt == Self.due && m.from == SchedulerHarness.from)
    }

    @Test func aBookingMadeInsideTheLeadGetsNoReminder() throws {
        // Given appointments booked exactly at and after their reminder instant
        let h = try SchedulerHarness()
        let doctor = try h.clinic.addDoctor()
        let p1 = try h.clinic.addPatient(), p2 = try h.clinic.addPatient()
        h.clinic.clock.set(Date(timeIntervalSince1970: TimeInterval(Self.due)))
        try h.clinic.book(doctor: doctor, patient: p1, at: Self.start)  // booked at start − lead
        h.clinic.clock.set(Date(timeIntervalSince1970: TimeInterval(Self.due + 1800 + 60)))
        try h.clinic.book(doctor: doctor, patient: p2, at: Self.start + 1800)  // booked 2 h 59 before start

        // When the scheduler ticks through the morning until the first start
        for t in stride(from: Self.due + 1860, to: Self.start, by: 300) { try h.tick(at: Int64(t)) }

        // Then no reminder was enqueued or sent: each patient got the booking notice, which says what it would
        #expect(try h.messages().filter { $0.kind == .reminder }.isEmpty)
        #expect(h.sentBodies.count == 2 && h.sentBodies.allSatisfy { $0.contains("you are booked") && $0.contains("Reply CONFIRM") })
    }

    @Test func aCancelledAppointmentGetsNoReminderButACancellationNotice() throws {
        // Given an appointment cancelled before its reminder instant
        let h = try SchedulerHarness()
        let doctor = try h.clinic.addDoctor(), patient = try h.clinic.addPatient()
        let a = try h.clinic.book(doctor: doctor, patient: patient, at: Self.start)
        _ = try h.clinic.store.transition(code: a.code, to: .cancelled, by: .shell)

        // When the scheduler ticks at and after the reminder instant
        try h.tick(at: Self.due)
        try h.tick(at: Self.due + 600)

        // Then the patient got only the cancellation notice (the unsent booking notice was skipped with the cancellation)
        #expect(h.twilio.requests.count == 1)
        #expect(h.sentBodies.first?.contains("is cancelled (code \(a.code))") == true)
        #expect(try h.messages().map(\.kind) == [.booking, .cancellation])
        #expect(try h.messages(.booking).first?.errorCode == "appointment_cancelled")
    }

    @Test func aQueuedReminderIsSkippedWhenTheAppointmentIsCancelledBeforeItGoesOut() throws {
        // Given a reminder that failed once (Twilio 500) and waits for its retry
        let h = try SchedulerHarness()
        let doctor = try h.clinic.addDoctor(), patient = try h.clinic.addPatient()
        let a = try h.clinic.book(doctor: doctor, patient: patient, at: Self.start)
        h.twilio.enqueue(.serverError)
        try h.tick(at: Self.due)
        #expect(try h.messages(.reminder).first?.state == .queued)

        // When the patient cancels and the retry falls due
        h.clinic.clock.set(Date(timeIntervalSince1970: TimeInterval(Self.due + 10)))
        _ = try h.clinic.store.transition(code: a.code, to: .cancelled, by: .account(patient.id, .patient, via: .kiosk))
        try h.tick(at: Self.due + 3600)

        // Then the reminder is skipped and never retried; only the cancellation went out after it
        let reminder = try #require(try h.messages().first { $0.kind == .reminder })
        #expect(reminder.state == .skipped && reminder.errorCode == "appointment_cancelled")
        #expect(h.sentBodies.filter { $0.contains("Reply CONFIRM") }.count == 1)  // the failed first attempt only
        #expect(h.sentBodies.last?.contains("is cancelled") == true)
    }

    @Test func aReminderIsNeverSentAfterTheStart() throws {
        // Given a scheduler that was down from before the reminder instant until after the start
        let h = try SchedulerHarness()
        let doctor = try h.clinic.addDoctor(), patient = try h.clinic.addPatient()
        try h.clinic.book(doctor: doctor, patient: patient, at: Self.start)

        // When it ticks again one minute after the start (inside the no-show grace)
        try h.tick(at: Self.start + 60)

        // Then no reminder is planned or sent, and the booking notice is skipped as too late
        #expect(try h.messages(.reminder).isEmpty)
        #expect(try h.messages(.booking).map(\.errorCode) == ["too_late"])
        #expect(h.twilio.requests.isEmpty)
    }

    @Test func aReminderThatCouldNotGoOutBeforeTheStartIsSkipped() throws {
        // Given a reminder failing transiently until the appointment starts
        let h = try SchedulerHarness()
        let doctor = try h.clinic.addDoctor(), patient = try h.clinic.addPatient()
        try h.clinic.book(doctor: doctor, patient: patient, at: Self.start)
        h.twilio.setDefault(.serverError)
        try h.tick(at: Self.due)
        let attemptsBefore = h.twilio.requests.count

        // When the next tick comes after the start
        h.twilio.setDefault(.created)
        try h.tick(at: Self.start + 1)

        // Then it is skipped as too late, not sent
        #expect(h.twilio.requests.count == attemptsBefore)
        let m = try #require(try h.messages(.reminder).first)
        #expect(m.state == .skipped && m.errorCode == "too_late")
    }

    @Test func confirmedAppointmentsAreRemindedAndPlanningTwiceEnqueuesOnce() throws {
        // Given a confirmed appointment (its confirmation notice already sent)
        let h = try SchedulerHarness()
        let doctor = try h.clinic.addDoctor(), patient = try h.clinic.addPatient()
        let a = try h.clinic.book(doctor: doctor, patient: patient, at: Self.start)
        _ = try h.clinic.store.transition(code: a.code, to: .confirmed, by: .shell)

        // When the scheduler plans twice at the same instant
        try h.tick(at: Self.due)
        try h.tick(at: Self.due)

        // Then there is one reminder row and one reminder request
        #expect(try h.messages().filter { $0.kind == .reminder }.count == 1)
        #expect(h.sentBodies.filter { $0.contains("reminder") }.count == 1)
        #expect(h.sentBodies.filter { $0.contains("is confirmed") }.count == 1)
    }
}
