import ClinicCore
import ClinicTesting
import Foundation
import GRDB
import Testing

/// Reset codes through the scheduler, the real Twilio client and a fake Twilio
/// on 127.0.0.1, driven by a manual clock: the code the phone receives sets
/// the password; once sent, the outbox keeps it blanked; a code not sent in
/// its 10 minutes never goes; its tries and the hourly limit hold; an unknown
/// phone gets the same answer and no SMS.
@Suite struct PasswordResetSMSTests {
    /// Mon 2 Mar 2026 12:00Z, the harness's clock at the start.
    static let t0 = TestClinic.seconds("2026-03-02T12:00:00Z")

    /// The code in the last SMS Twilio received.
    static func code(_ h: SchedulerHarness) throws -> String {
        let body = try #require(h.sentBodies.last)
        return String(try #require(body.firstMatch(of: /^([0-9]{6}) is your password reset code for Test Clinic\./)).1)
    }

    @Test func theCodeThePhoneReceivesSetsThePasswordAndTheLogNeverShowsIt() throws {
        // Given a patient who asks for a code at the kiosk
        let h = try SchedulerHarness()
        let patient = try h.clinic.addPatient()
        #expect(try h.clinic.store.requestPasswordReset(login: patient.phone!, requester: "kiosk:a") == .answered)
        // When the scheduler sends it
        try h.tick(at: Self.t0 + 5)
        // Then Twilio got it for the patient's phone, and the outbox keeps only the blanked text
        #expect(h.twilio.requests.count == 1 && h.twilio.requests.first?.form["To"] == patient.phone)
        let code = try Self.code(h)
        let sent = try #require(try h.messages(.passwordReset).first)
        #expect(sent.state == .sent && sent.recipient == .patient)
        #expect(sent.body == "•••••• is your password reset code for Test Clinic. It works for 10 minutes. If you did not ask for it, ignore this text.")
        let stored = try h.clinic.store.reader.read { db in try String.fetchAll(db, sql: "SELECT body FROM sms_outbox") }
        #expect(stored.allSatisfy { !$0.contains(code) }, "\(stored)")
        // And the code from the phone sets the new password
        h.clinic.clock.set(Date(timeIntervalSince1970: TimeInterval(Self.t0 + 120)))
        try h.clinic.store.resetPassword(login: patient.phone!, code: code, newPassword: "새-비밀번호-🔑", via: .kiosk)
        #expect(try h.clinic.store.kioskSignIn(login: patient.phone!, password: "새-비밀번호-🔑").id == patient.id)
    }

    @Test func aCodeNotSentWithinItsTenMinutesNeverGoesAndExpires() throws {
        // Given a code asked for while no scheduler ran
        let h = try SchedulerHarness()
        let patient = try h.clinic.addPatient()
        try h.clinic.requestReset(patient.phone!, from: "kiosk:a")
        let code = try #require(try h.clinic.pendingResetCode())
        // When the scheduler comes back after ten minutes
        try h.tick(at: Self.t0 + 600)
        // Then nothing went out, the outbox says why and shows no code, and the code no longer works
        #expect(h.twilio.requests.isEmpty)
        let skipped = try #require(try h.messages(.passwordReset).first)
        #expect(skipped.state == .skipped && skipped.errorCode == "expired")
        #expect(try h.clinic.pendingResetCode() == "••••••")
        let refusal = h.clinic.resetRefusal(patient.phone!, code: code)
        #expect(refusal?.message == PasswordResetPolicy.codeRefusal)
    }

    @Test func aSentCodeExpiresAfterTenMinutesAndAllowsFiveTries() throws {
        let h = try SchedulerHarness()
        let patient = try h.clinic.addPatient()
        try h.clinic.requestReset(patient.phone!, from: "kiosk:a")
        try h.tick(at: Self.t0 + 1)
        let first = try Self.code(h)
        h.clinic.clock.set(Date(timeIntervalSince1970: TimeInterval(Self.t0 + 600)))
        #expect(h.clinic.resetRefusal(patient.phone!, code: first)?.message == PasswordResetPolicy.codeRefusal)

        try h.clinic.requestReset(patient.phone!, from: "kiosk:a")
        try h.tick(at: Self.t0 + 601)
        let second = try Self.code(h)
        for _ in 1...5 { _ = h.clinic.resetRefusal(patient.phone!, code: TestClinic.wrongCode(second)) }
        #expect(h.clinic.resetRefusal(patient.phone!, code: second)?.message == PasswordResetPolicy.codeRefusal)
        #expect(h.twilio.requests.count == 2)
    }

    @Test func threeCodesAnHourReachThePhoneAndAnUnknownPhoneGetsTheSameAnswerAndNoSMS() throws {
        // Given a patient who asks four times within the hour from several kiosks, and a stranger's number
        let h = try SchedulerHarness()
        let patient = try h.clinic.addPatient()
        var answers: [PasswordResetRequest] = []
        for i in 0..<4 {
            h.clinic.clock.set(Date(timeIntervalSince1970: TimeInterval(Self.t0 + Int64(i) * 60)))
            answers.append(try h.clinic.store.requestPasswordReset(login: patient.phone!, requester: "kiosk:\(i)"))
            try h.tick(at: Self.t0 + Int64(i) * 60 + 1)
        }
        answers.append(try h.clinic.store.requestPasswordReset(login: "+15550199999", requester: "kiosk:x"))
        try h.tick(at: Self.t0 + 300)
        // Then every answer is the same, and Twilio got three codes, all for the patient
        #expect(Set(answers) == [.answered])
        #expect(h.twilio.requests.count == 3)
        #expect(h.twilio.requests.allSatisfy { $0.form["To"] == patient.phone })
        // And an hour after the first, a fourth goes
        h.clinic.clock.set(Date(timeIntervalSince1970: TimeInterval(Self.t0 + 3600)))
        try h.clinic.requestReset(patient.phone!, from: "kiosk:y")
        try h.tick(at: Self.t0 + 3601)
        #expect(h.twilio.requests.count == 4)
    }
}
