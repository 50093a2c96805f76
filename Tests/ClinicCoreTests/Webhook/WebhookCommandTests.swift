import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// Every command and refusal of DESIGN §2 (SMS replies), posted as Twilio
/// would over a real socket to the listener on 127.0.0.1.
@Suite struct WebhookCommandTests {
    static let start = TestClinic.seconds("2026-03-03T15:00:00Z")  // Tue 3 Mar 2026 10:00 New York

    /// A listener, a doctor, a patient and one appointment.
    struct Given {
        let h: WebhookHarness
        let doctor: Account
        let patient: Account
        let appointment: Appointment
        var store: ClinicStore { h.clinic.store }

        init() async throws {
            h = try WebhookHarness()
            doctor = try h.clinic.addDoctor(name: "Dr Lee")
            patient = try h.clinic.addPatient(name: "José Álvarez")
            appointment = try h.clinic.book(doctor: doctor, patient: patient, at: WebhookCommandTests.start)
            try await h.start()
        }

        func status(_ code: String? = nil) throws -> AppointmentStatus { try store.appointment(code: code ?? appointment.code).status }
    }

    @Test func confirmByCodeActsAsThePatientViaSMSAndRepliesInTwiML() async throws {
        let g = try await Given()
        let reply = await g.h.sms(from: g.patient.phone!, "CONFIRM \(g.appointment.code)")
        #expect(reply.status == 200)
        #expect(reply.headers["content-type"]?.hasPrefix("text/xml") == true)
        #expect(reply.body.hasPrefix("<?xml") && reply.body.contains("<Response><Message>"))
        let text = try #require(WebhookHarness.message(reply))
        #expect(text.contains("is confirmed") && text.contains(g.appointment.code) && text.contains("Tue 3 Mar 2026 at 10:00"))
        #expect(try g.status() == .confirmed)
        let event = try #require(try g.store.events(code: g.appointment.code).last)
        #expect(event.via == .sms && event.actorID == g.patient.id && event.actorRole == "patient" && event.to == .confirmed)
        // The TwiML reply is the confirmation: nothing is queued after the booking's own notice.
        #expect(try g.store.smsLog().map(\.kind) == [.booking])
        await g.h.stop()
    }

    @Test func cancelByCodeInLowerCaseWithExtraSpaces() async throws {
        let g = try await Given()
        let reply = await g.h.sms(from: g.patient.phone!, "   cancel    \(g.appointment.code.lowercased())  ")
        #expect(WebhookHarness.message(reply)?.contains("is cancelled") == true)
        #expect(try g.status() == .cancelled)
        #expect(try g.store.events(code: g.appointment.code).last?.via == .sms)
        await g.h.stop()
    }

    @Test func shortCAndASenderWrittenWithoutPlusAreNormalised() async throws {
        let g = try await Given()
        let national = String(g.patient.phone!.dropFirst(2))  // "+1555…" → "555…": 10 digits, country code 1 added
        let reply = await g.h.sms(from: national, "c \(g.appointment.code)")
        #expect(WebhookHarness.message(reply)?.contains("is confirmed") == true)
        #expect(try g.status() == .confirmed)
        await g.h.stop()
    }

    @Test func anotherPatientsPhoneCannotActAndLearnsNothing() async throws {
        let g = try await Given()
        let other = try g.h.clinic.addPatient()
        let wrong = WebhookHarness.message(await g.h.sms(from: other.phone!, "CANCEL \(g.appointment.code)"))
        let unknown = WebhookHarness.message(await g.h.sms(from: other.phone!, "CANCEL ZZZZZZ"))
        #expect(wrong?.contains("found no appointment \(g.appointment.code)") == true)
        #expect(unknown?.contains("found no appointment ZZZZZZ") == true)
        #expect(try g.status() == .scheduled)
        let stranger = WebhookHarness.message(await g.h.sms(from: "+15559876543", "CONFIRM \(g.appointment.code)"))
        #expect(stranger?.contains("not on file") == true)
        let doctorTries = WebhookHarness.message(await g.h.sms(from: g.doctor.phone!, "CONFIRM \(g.appointment.code)"))
        #expect(doctorTries?.contains("not on file") == true)
        #expect(try g.status() == .scheduled)
        let outcomes = try g.store.inboundSMS().map(\.outcome)
        #expect(outcomes == ["unknown_sender", "unknown_sender", "unknown_code", "unknown_code"])
        await g.h.stop()
    }

    @Test func finalAppointmentsAreNotChangedAndTheReplySaysWhy() async throws {
        let g = try await Given()
        let cancelled = g.appointment
        _ = try g.store.transition(code: cancelled.code, to: .cancelled, by: .shell)
        let completed = try g.h.clinic.book(doctor: g.doctor, patient: g.patient, at: Self.start + 3600)
        let missed = try g.h.clinic.book(doctor: g.doctor, patient: g.patient, at: Self.start + 1800)
        let arrived = try g.h.clinic.book(doctor: g.doctor, patient: g.patient, at: Self.start + 5 * 3600)
        g.h.clinic.clock.set(Date(timeIntervalSince1970: TimeInterval(Self.start + 3 * 3600)))
        _ = try g.store.transition(code: completed.code, to: .completed, by: .shell)
        _ = try g.store.transition(code: missed.code, to: .noShow, by: .shell)
        _ = try g.store.transition(code: arrived.code, to: .checkedIn, by: .shell)

        let r1 = WebhookHarness.message(await g.h.sms(from: g.patient.phone!, "CANCEL \(cancelled.code)"))
        let r2 = WebhookHarness.message(await g.h.sms(from: g.patient.phone!, "CONFIRM \(cancelled.code)"))
        let r3 = WebhookHarness.message(await g.h.sms(from: g.patient.phone!, "CANCEL \(completed.code)"))
        let r4 = WebhookHarness.message(await g.h.sms(from: g.patient.phone!, "CONFIRM \(missed.code)"))
        let r5 = WebhookHarness.message(await g.h.sms(from: g.patient.phone!, "CANCEL \(arrived.code)"))
        #expect(r1?.contains("was cancelled") == true && r2?.contains("was cancelled") == true)
        #expect(r3?.contains("already taken place") == true)
        #expect(r4?.contains("marked as missed") == true)
        #expect(r5?.contains("checked in") == true)
        #expect(try [cancelled, completed, missed, arrived].map { try g.status($0.code) } == [.cancelled, .completed, .noShow, .checkedIn])
        #expect(
            try g.store.inboundSMS().map(\.outcome)
                == ["refused:checked_in", "refused:no_show", "refused:completed", "refused:cancelled", "refused:cancelled"])
        await g.h.stop()
    }

    @Test func confirmingTwiceSaysItIsAlreadyConfirmed() async throws {
        let g = try await Given()
        _ = await g.h.sms(from: g.patient.phone!, "CONFIRM \(g.appointment.code)")
        let again = WebhookHarness.message(await g.h.sms(from: g.patient.phone!, "CONFIRM \(g.appointment.code)"))
        #expect(again?.contains("already confirmed") == true)
        #expect(try g.store.events(code: g.appointment.code).filter { $0.to == .confirmed }.count == 1)
        await g.h.stop()
    }

    @Test func aCodeThatIsNotACodeGetsAnExample() async throws {
        let g = try await Given()
        let reply = WebhookHarness.message(await g.h.sms(from: g.patient.phone!, "CONFIRM 12"))
        #expect(reply?.contains("not an appointment code") == true && reply?.contains("CONFIRM K7QX2M") == true)
        await g.h.stop()
    }

    @Test func bareConfirmWithNoneOneOrSeveralPending() async throws {
        let g = try await Given()
        let other = try g.h.clinic.addPatient()
        // None: the other patient has nothing awaiting confirmation.
        let none = WebhookHarness.message(await g.h.sms(from: other.phone!, "CONFIRM"))
        #expect(none?.contains("no appointment waiting to be confirmed") == true)
        // One: confirmed directly.
        let one = WebhookHarness.message(await g.h.sms(from: g.patient.phone!, "confirm"))
        #expect(one?.contains("is confirmed") == true)
        #expect(try g.status() == .confirmed)
        // Several: asks which one and changes nothing.
        let b = try g.h.clinic.book(doctor: g.doctor, patient: g.patient, at: Self.start + 86_400)
        let c = try g.h.clinic.book(doctor: g.doctor, patient: g.patient, at: Self.start + 2 * 86_400)
        let several = try #require(WebhookHarness.message(await g.h.sms(from: g.patient.phone!, " C ")))
        #expect(several.contains("2 appointments to confirm") && several.contains(b.code) && several.contains(c.code))
        #expect(several.contains("Reply CONFIRM followed by the code"))
        #expect(try g.status(b.code) == .scheduled && g.status(c.code) == .scheduled)
        await g.h.stop()
    }

    @Test func aRepeatedMessageSidHasOneEffectAndTheSameReply() async throws {
        let g = try await Given()
        let sid = g.h.nextSID()
        let first = await g.h.sms(from: g.patient.phone!, "CONFIRM \(g.appointment.code)", sid: sid)
        let events = try g.store.events(code: g.appointment.code).count
        let again = await g.h.sms(from: g.patient.phone!, "CONFIRM \(g.appointment.code)", sid: sid)
        // Even a different body under the same sid is not acted on: it is the same message.
        let third = await g.h.sms(from: g.patient.phone!, "CANCEL \(g.appointment.code)", sid: sid)
        #expect(first.status == 200 && again.status == 200 && third.status == 200)
        #expect(again.body == first.body && third.body == first.body)
        #expect(try g.store.events(code: g.appointment.code).count == events)
        #expect(try g.status() == .confirmed)
        #expect(try g.store.inboundSMS().count == 1)
        await g.h.stop()
    }

    @Test func concurrentRetriesOfOneMessageSidInOneBatchActOnce() async throws {
        // Given 16 deliveries of the same message arriving at once (they share write batches)
        let g = try await Given()
        let sid = g.h.nextSID()
        let replies = await withTaskGroup(of: HTTPProbeReply.self) { group in
            for _ in 0..<16 { group.addTask { await g.h.sms(from: g.patient.phone!, "CANCEL \(g.appointment.code)", sid: sid) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        // Then one effect, and every delivery got the same reply
        #expect(Set(replies.map(\.body)).count == 1 && replies.allSatisfy { $0.status == 200 })
        #expect(try g.store.events(code: g.appointment.code).filter { $0.to == .cancelled }.count == 1)
        #expect(try g.store.inboundSMS().count == 1)
        await g.h.stop()
    }

    @Test func helpAndInfoGiveUsage() async throws {
        let g = try await Given()
        for word in ["HELP", "info"] {
            let reply = WebhookHarness.message(await g.h.sms(from: g.patient.phone!, word))
            #expect(reply?.contains("CONFIRM <code>") == true && reply?.contains("CANCEL <code>") == true)
        }
        await g.h.stop()
    }

    @Test func freeTextIsFlaggedForTheDesk() async throws {
        let g = try await Given()
        let reply = WebhookHarness.message(await g.h.sms(from: g.patient.phone!, "please stop texting me"))
        #expect(reply?.contains("front desk will read your message") == true)
        let flagged = try g.store.inboundSMS(needingAttention: true)
        #expect(flagged.map(\.body) == ["please stop texting me"] && flagged.first?.attentionReason == "free text")
        #expect(try g.store.phoneStatus(g.patient.phone!).optedOut == false)
        await g.h.stop()
    }
}
