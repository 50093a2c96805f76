@_spi(Tooling) import ClinicCore
import ClinicTesting
import Foundation
import GRDB
import Testing

/// The desk sends a failed SMS again (`ClinicStore.retrySMS`): queued afresh
/// to the person's current number, sent once by the scheduler through
/// Twilio, the failure kept in the history; refused with a reason otherwise.
@Suite struct SMSRetryTests {
    static let start = TestClinic.seconds("2026-03-03T15:00:00Z")  // Tue 3 Mar, 10:00 in New York
    static let due = start - 3 * 3600

    @Test func aReminderToANumberCorrectedAfterTwilioRefusedItIsSentOnceToTheNewNumber() throws {
        // Given a reminder Twilio refused (21614: not a mobile number)
        let h = try SchedulerHarness()
        let patient = try h.clinic.addPatient(name: "Pia Novak")
        try h.clinic.book(doctor: try h.clinic.addDoctor(), patient: patient, at: Self.start)
        h.twilio.enqueue(.error(status: 400, code: 21614, message: "'To' number is not a valid mobile number"))
        try h.tick(at: Self.due)
        let failed = try #require(try h.messages(.reminder).first)
        #expect(failed.state == .failed && failed.errorCode == "21614" && h.twilio.requests.count == 1)

        // When the desk corrects the patient's number and retries a minute later
        let desk = try h.clinic.addStaff(.receptionist)
        let actor = Actor.account(desk.id, .receptionist, via: .tui)
        h.clinic.clock.set(Date(timeIntervalSince1970: TimeInterval(Self.due + 60)))
        try h.clinic.store.editAccount(patient.id, AccountEdit(phone: "+15550107777"), by: actor)
        #expect(try h.clinic.store.retryDecision(id: failed.id, by: actor) == .allowed)
        let retried = try h.clinic.store.retrySMS(id: failed.id, by: actor)

        // Then it is queued afresh to the new number, due now, its error cleared, and the failure kept
        #expect(retried.state == .queued && retried.attempts == 0 && retried.nextAttemptAt == Self.due + 60)
        #expect(retried.to == "+15550107777" && retried.errorCode == nil && retried.errorMessage == nil)
        let history = try h.clinic.store.smsHistory(outboxID: failed.id)
        #expect(history.count == 1 && history[0].at == Self.due + 60)
        #expect(history[0].text.contains("retried by \(desk.name)") && history[0].text.contains("(was \(patient.phone!))"))
        #expect(history[0].text.contains("not a mobile phone (21614)"), "\(history)")

        // And the scheduler sends it once, to the new number
        for t in stride(from: Self.due + 60, through: Self.due + 900, by: 60) { try h.tick(at: t) }
        #expect(h.twilio.requests.count == 2)
        #expect(h.twilio.requests.last?.form["To"] == "+15550107777")
        let sent = try #require(try h.clinic.store.outboxMessage(id: failed.id))
        #expect(sent.state == .sent && sent.attempts == 1 && sent.body == failed.body)
        #expect(try h.messages(.reminder).count == 1, "the same row, no second message")
    }

    /// A clinic with a reminder that failed (as the scheduler records a 21211), the desk, and the patient.
    struct Failed {
        let clinic: TestClinic
        let message: OutboxMessage
        let appointment: Appointment
        let patient: Account
        let desk: Actor

        init() throws {
            clinic = try TestClinic()
            patient = try clinic.addPatient()
            appointment = try clinic.book(doctor: try clinic.addDoctor(), patient: patient, at: SMSRetryTests.start)
            let id = try #require(try clinic.store.smsLog().first { $0.kind == .booking }?.id)
            try clinic.store.writer.write { db in
                try db.execute(
                    sql: "UPDATE sms_outbox SET state = 'failed', attempts = 1, error_code = '21211', error_message = 'invalid To' WHERE id = ?",
                    arguments: [id])
            }
            message = try #require(try clinic.store.outboxMessage(id: id))
            desk = .account(try clinic.addStaff(.receptionist).id, .receptionist, via: .cli)
        }

        /// The code `retrySMS` refuses with, after checking the row did not change.
        func refusal(by actor: Actor? = nil) throws -> ClinicError.Code? {
            let before = try clinic.store.outboxMessage(id: message.id)
            do {
                try clinic.store.retrySMS(id: message.id, by: actor ?? desk)
                return nil
            } catch let error as ClinicError {
                #expect(try clinic.store.retryDecision(id: message.id, by: actor ?? desk).code == error.code)
                #expect(try clinic.store.outboxMessage(id: message.id) == before, "a refusal changed the message")
                #expect(try clinic.store.smsHistory(outboxID: message.id).isEmpty)
                return error.code
            }
        }
    }

    @Test func refusedForAnUnknownMessageAndForAnyoneButTheDesk() throws {
        let f = try Failed()
        #expect(throws: ClinicError.self) { try f.clinic.store.retrySMS(id: 9999, by: f.desk) }
        #expect((try? f.clinic.store.retryDecision(id: 9999, by: f.desk)) == nil)
        #expect(try f.refusal(by: .account(f.patient.id, .patient, via: .kiosk)) == .forbidden)
        #expect(try f.refusal(by: .account(f.appointment.doctor.id, .doctor, via: .tui)) == .forbidden)
        #expect(try f.refusal(by: .shell) == nil, "the admin at the shell may")
    }

    @Test func refusedForAMessageThatDidNotFail() throws {
        let f = try Failed()
        try f.clinic.store.writer.write { db in try db.execute(sql: "UPDATE sms_outbox SET state = 'sent', error_code = NULL") }
        #expect(try f.refusal() == .invalidTransition)
        try f.clinic.store.writer.write { db in try db.execute(sql: "UPDATE sms_outbox SET state = 'queued'") }
        #expect(try f.refusal() == .invalidTransition)
        // A message the carrier reported undelivered did fail
        try f.clinic.store.writer.write { db in try db.execute(sql: "UPDATE sms_outbox SET state = 'sent', delivery_status = 'undelivered'") }
        #expect(try f.refusal() == nil)
    }

    @Test func refusedWhenTheVisitWasCancelledOrHasStarted() throws {
        let f = try Failed()
        f.clinic.clock.set(Date(timeIntervalSince1970: TimeInterval(Self.start + 60)))
        #expect(try f.refusal() == .inPast)
        f.clinic.clock.set(TestClinic.instant("2026-03-02T12:00:00Z"))
        _ = try f.clinic.store.transition(code: f.appointment.code, to: .cancelled, by: .shell)
        let booking = try #require(try f.clinic.store.outboxMessage(id: f.message.id))
        try f.clinic.store.writer.write { db in
            try db.execute(sql: "UPDATE sms_outbox SET state = 'failed' WHERE id = ?", arguments: [booking.id])
        }
        let refusal = try f.refusal()
        #expect(refusal == .conflict)
        let reason = try f.clinic.store.retryDecision(id: f.message.id, by: f.desk).reason ?? ""
        #expect(reason.contains("\(f.appointment.code) is cancelled now"), "\(reason)")
    }

    @Test func refusedWhenTheNumberOptedOutOrThePatientHasNone() throws {
        let f = try Failed()
        try f.clinic.store.setOptOut(phone: f.patient.phone!, optedOut: true, source: "sms_stop")
        #expect(try f.refusal() == .conflict)
        try f.clinic.store.setOptOut(phone: f.patient.phone!, optedOut: false, source: "desk")
        try f.clinic.store.editAccount(f.patient.id, AccountEdit(phone: ""), by: .shell)
        #expect(try f.refusal() == .conflict)
        #expect(try f.clinic.store.retryDecision(id: f.message.id, by: f.desk).reason?.contains("correct the number") == true)
    }
}
