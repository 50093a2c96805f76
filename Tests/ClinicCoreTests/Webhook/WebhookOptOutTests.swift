import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// STOP / START mirrored locally: an opted-out number gets no reminder, and
/// opting back in restores them. Scheduler with a fake Twilio, listener on loopback.
@Suite struct WebhookOptOutTests {
    static let start = TestClinic.seconds("2026-03-03T15:00:00Z")  // reminder due 3 h before: 12:00Z

    @Test func stopThenADueReminderIsNotSentAndStartBringsThemBack() async throws {
        // Given a patient with two appointments on different days
        let s = try SchedulerHarness()
        let h = try WebhookHarness(clinic: s.clinic)
        try await h.start()
        let doctor = try s.clinic.addDoctor(), patient = try s.clinic.addPatient()
        let first = try s.clinic.book(doctor: doctor, patient: patient, at: Self.start)
        let second = try s.clinic.book(doctor: doctor, patient: patient, at: Self.start + 86_400)

        // When the patient texts STOP, and the first reminder falls due
        let stop = await h.sms(from: patient.phone!, "Stop")
        #expect(stop.status == 200 && stop.body.contains("<Response/>"))
        #expect(try s.clinic.store.phoneStatus(patient.phone!).optedOut)
        try s.tick(at: Self.start - 3 * 3600 + 30)

        // Then nothing goes to Twilio and the log says why
        #expect(s.twilio.requests.isEmpty)
        let reminder = try #require(try s.messages().first { $0.appointmentCode == first.code && $0.kind == .reminder })
        #expect(reminder.state == .skipped && reminder.errorCode == "opted_out")

        // When they text START, the next reminder goes out
        let startReply = WebhookHarness.message(await h.sms(from: patient.phone!, "START"))
        #expect(startReply?.contains("get appointment SMS from us again") == true)
        #expect(try s.clinic.store.phoneStatus(patient.phone!).optedOut == false)
        try s.tick(at: Self.start + 86_400 - 3 * 3600 + 30)
        #expect(s.sentBodies.contains { $0.contains("reminder") && $0.contains(second.code) })
        #expect(!s.sentBodies.contains { $0.contains("reminder") && $0.contains(first.code) })
        await h.stop()
    }

    @Test(arguments: ["STOPALL", "unsubscribe", "END", "QUIT", "REVOKE", "OPTOUT"])
    func everyOptOutWordOptsOut(word: String) async throws {
        let h = try WebhookHarness()
        try await h.start()
        let patient = try h.clinic.addPatient()
        _ = await h.sms(from: patient.phone!, word)
        #expect(try h.clinic.store.phoneStatus(patient.phone!).optedOut)
        _ = await h.sms(from: patient.phone!, "unstop")
        #expect(try h.clinic.store.phoneStatus(patient.phone!).optedOut == false)
        await h.stop()
    }

    @Test func aBareCancelOptsOutAndIsFlaggedForACall() async throws {
        let h = try WebhookHarness()
        try await h.start()
        let doctor = try h.clinic.addDoctor(), patient = try h.clinic.addPatient()
        let a = try h.clinic.book(doctor: doctor, patient: patient, at: Self.start)
        let reply = await h.sms(from: patient.phone!, "cancel")
        #expect(reply.body.contains("<Response/>"))
        #expect(try h.clinic.store.phoneStatus(patient.phone!).optedOut)
        #expect(try h.clinic.store.appointment(code: a.code).status == .scheduled)
        let flagged = try #require(try h.clinic.store.inboundSMS(needingAttention: true).first)
        #expect(flagged.attentionReason?.contains("call them") == true && flagged.outcome == "opted_out")
        await h.stop()
    }
}
