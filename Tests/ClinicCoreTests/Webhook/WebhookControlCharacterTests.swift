import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// A signed SMS whose form values hold a NUL or another character that is
/// never stored (issue 11, item 9) is answered 400 and changes nothing, and
/// Twilio's retry with the same MessageSid gets the very same answer: it is
/// never stored cut short at the NUL, nor answered as if it were.
@Suite struct WebhookControlCharacterTests {
    struct Given {
        let h: WebhookHarness
        let patient: Account
        let appointment: Appointment

        init() async throws {
            h = try WebhookHarness()
            let doctor = try h.clinic.addDoctor()
            patient = try h.clinic.addPatient()
            appointment = try h.clinic.book(doctor: doctor, patient: patient, at: TestClinic.seconds("2026-03-03T15:00:00Z"))
            try await h.start()
        }

        /// Posts a signed SMS with the given fields, twice with the same MessageSid.
        func postTwice(from: String, body: String) async -> (HTTPProbeReply, HTTPProbeReply) {
            let request = h.signedRequest(parameters: h.smsParameters(from: from, body: body, sid: h.nextSID()))
            let first = await HTTPProbe.send(port: h.port, request)
            let retry = await HTTPProbe.send(port: h.port, request)
            return (first, retry)
        }
    }

    @Test func aNULInTheBodyOrTheSenderIsA400AndTheRetryGetsTheSameBytes() async throws {
        let g = try await Given()
        let before = try g.h.dataFingerprint()
        for (from, body, field) in [
            (g.patient.phone, "CONFIRM\u{0} \(g.appointment.code)", "Body"),
            (g.patient.phone! + "\u{0}", "CONFIRM \(g.appointment.code)", "From"),
            ("\u{0}" + g.patient.phone!, "C", "From"),
        ] {
            let (first, retry) = await g.postTwice(from: from!, body: body)
            #expect(first.status == 400, "\(first.status) \(first.body)")
            #expect(first.body == "\(field) must not contain a NUL character\n", "\(first.body.debugDescription)")
            #expect(!first.raw.isEmpty && retry.rawWithoutDate == first.rawWithoutDate, "the retry's reply differs")
        }
        // Nothing was confirmed, logged or queued
        #expect(try g.h.dataFingerprint() == before)
        #expect(try g.h.clinic.store.appointment(code: g.appointment.code).status == .scheduled)
        #expect(try g.h.clinic.store.inboundSMS().isEmpty)
        await g.h.stop()
    }

    @Test func anEscapeOrATextDirectionControlIsA400TooAndALineBreakInTheBodyIsFine() async throws {
        let g = try await Given()
        let before = try g.h.dataFingerprint()
        for body in ["CONFIRM \(g.appointment.code)\u{1B}[2J", "CONFIRM \u{202E}\(g.appointment.code)"] {
            let (first, retry) = await g.postTwice(from: g.patient.phone!, body: body)
            #expect(first.status == 400 && first.body.hasPrefix("Body must not contain"), "\(first.body)")
            #expect(retry.rawWithoutDate == first.rawWithoutDate)
        }
        #expect(try g.h.dataFingerprint() == before)
        // A patient's reply over two lines is a real SMS: handled and logged as sent
        let (reply, _) = await g.postTwice(from: g.patient.phone!, body: "CONFIRM \(g.appointment.code)\nthanks")
        #expect(reply.status == 200)
        #expect(try g.h.clinic.store.inboundSMS().first?.body == "CONFIRM \(g.appointment.code)\nthanks")
        await g.h.stop()
    }

    @Test func aStatusCallbackWithANULInItsErrorCodeIsA400() async throws {
        let g = try await Given()
        let before = try g.h.dataFingerprint()
        let reply = await g.h.deliveryStatus(sid: "SM00000000000000000000000000000042", status: "failed", errorCode: "30\u{0}006")
        #expect(reply.status == 400 && reply.body == "ErrorCode must not contain a NUL character\n", "\(reply.body)")
        #expect(try g.h.dataFingerprint() == before)
        await g.h.stop()
    }
}
