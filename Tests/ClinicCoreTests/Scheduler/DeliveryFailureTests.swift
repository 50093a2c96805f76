import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// Twilio failing (DESIGN §2): transient errors retried with exponential
/// backoff, permanent ones recorded and never retried, opted-out numbers
/// get nothing.
@Suite struct DeliveryFailureTests {
    static let start = TestClinic.seconds("2026-03-03T15:00:00Z")
    static let due = start - 3 * 3600

    @Test func twilioDownThenBackBacksOffAndLosesNothing() throws {
        // Given a due reminder and a Twilio that answers 500, 500, hangs, then works
        let h = try SchedulerHarness()
        let a = try h.clinic.book(doctor: try h.clinic.addDoctor(), patient: try h.clinic.addPatient(), at: Self.start)
        h.twilio.enqueue(.serverError, .serverError, .hang)

        // When the scheduler ticks every 10 s for ten minutes
        var attemptsAt: [Int64] = []
        for t in stride(from: Self.due, through: Self.due + 600, by: 10) {
            let before = h.twilio.requests.count
            try h.tick(at: t)
            if h.twilio.requests.count > before { attemptsAt.append(t) }
        }
        h.twilio.releaseHung()

        // Then the attempts came at +0, +30, +90 (500, 500, timeout) and +210 (sent): base 30 s, doubling
        #expect(attemptsAt == [Self.due, Self.due + 30, Self.due + 90, Self.due + 210])
        let m = try #require(try h.messages(.reminder).first)
        #expect(m.state == .sent && m.attempts == 4 && m.appointmentCode == a.code)
        #expect(h.twilio.requests.count == 4)
        // And every request carried the same message
        #expect(Set(h.sentBodies).count == 1)
    }

    @Test func theRetryDelayDoublesUpToTheCap() {
        let p = SchedulerPolicy(retryBaseSeconds: 30, retryMaxSeconds: 900)
        #expect((1...7).map { p.retryDelay(afterAttempts: $0) } == [30, 60, 120, 240, 480, 900, 900])
        #expect(p.retryDelay(afterAttempts: 200) == 900)
    }

    @Test func aTransientFailureIsGivenUpAfterMaxAttempts() throws {
        let h = try SchedulerHarness(
            policy: SchedulerPolicy(
                sendTimeoutSeconds: 1, retryBaseSeconds: 10,
                retryMaxSeconds: 10, maxAttempts: 3))
        try h.clinic.book(doctor: try h.clinic.addDoctor(), patient: try h.clinic.addPatient(), at: Self.start)
        h.twilio.setDefault(.error(status: 429, code: 20429, message: "Too Many Requests"))
        for t in stride(from: Self.due, through: Self.due + 120, by: 10) { try h.tick(at: t) }
        #expect(h.twilio.requests.count == 3)
        let m = try #require(try h.messages(.reminder).first)
        #expect(m.state == .failed && m.errorCode == "gave_up" && m.attempts == 3)
    }

    @Test func anInvalidNumberIsRecordedFlaggedAndNeverRetried() throws {
        // Given Twilio refusing the number (21211)
        let h = try SchedulerHarness()
        let patient = try h.clinic.addPatient()
        try h.clinic.book(doctor: try h.clinic.addDoctor(), patient: patient, at: Self.start)
        h.twilio.enqueue(.error(status: 400, code: 21211, message: "The 'To' number is not a valid phone number."))

        // When the scheduler keeps ticking
        for t in stride(from: Self.due, through: Self.due + 3600, by: 60) { try h.tick(at: t) }

        // Then there was exactly one request, the message failed with Twilio's code, and the number is flagged
        #expect(h.twilio.requests.count == 1)
        let m = try #require(try h.messages(.reminder).first)
        #expect(m.state == .failed && m.errorCode == "21211" && m.errorMessage?.contains("not a valid") == true)
        let status = try h.clinic.store.phoneStatus(patient.phone!)
        #expect(status.flag == "bad_number" && status.flagCode == "21211" && !status.optedOut)
        // And the desk sees it among failed messages
        #expect(try h.clinic.store.smsLog(SMSLogFilter(failedOnly: true)).map(\.id) == [m.id])
    }

    @Test func unsubscribedRecipientIsOptedOutAndGetsNothingMore() throws {
        // Given Twilio answering 21610 (the recipient replied STOP to Twilio)
        let h = try SchedulerHarness()
        let doctor = try h.clinic.addDoctor(), patient = try h.clinic.addPatient()
        let a = try h.clinic.book(doctor: doctor, patient: patient, at: Self.start)
        h.twilio.enqueue(.error(status: 400, code: 21610, message: "Attempt to send to unsubscribed recipient"))
        try h.tick(at: Self.due)
        #expect(try h.clinic.store.phoneStatus(patient.phone!).optedOut)

        // When the appointment is cancelled and the scheduler ticks again
        _ = try h.clinic.store.transition(code: a.code, to: .cancelled, by: .shell)
        try h.tick(at: Self.due + 60)

        // Then nothing more was sent to that number: the cancellation is skipped as opted out
        #expect(h.twilio.requests.count == 1)
        let cancellation = try #require(try h.messages().first { $0.kind == .cancellation })
        #expect(cancellation.state == .skipped && cancellation.errorCode == "opted_out")
    }

    @Test func aNumberOptedOutBeforehandGetsNoReminderButTheDoctorStillGetsTheNoShow() throws {
        let h = try SchedulerHarness()
        let doctor = try h.clinic.addDoctor(), patient = try h.clinic.addPatient()
        try h.clinic.book(doctor: doctor, patient: patient, at: Self.start)
        try h.clinic.store.setOptOut(phone: patient.phone!, optedOut: true, source: "desk")

        try h.tick(at: Self.due)
        try h.tick(at: Self.start + 15 * 60)

        #expect(h.twilio.requests.map { $0.form["To"] } == [doctor.phone])
        #expect(try h.messages().filter { $0.to == patient.phone }.allSatisfy { $0.state == .skipped && $0.errorCode == "opted_out" })
    }

    @Test func carrierFilteringAlertsTheAdmin() throws {
        let h = try SchedulerHarness()
        try h.clinic.book(doctor: try h.clinic.addDoctor(), patient: try h.clinic.addPatient(), at: Self.start)
        h.twilio.enqueue(.error(status: 400, code: 30007, message: "Message filtered"))
        try h.tick(at: Self.due)
        try h.tick(at: Self.due + 3600)
        #expect(h.twilio.requests.count == 1)
        #expect(try h.messages(.reminder).first?.state == .failed)
        #expect(try h.clinic.store.adminAlerts().map(\.kind) == ["sms_filtered"])
    }
}
