import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// Delivery status callbacks update the outbox row Twilio names; a final
/// state is never overwritten by a late one; carrier errors are classified.
@Suite struct WebhookStatusCallbackTests {
    static let start = TestClinic.seconds("2026-03-03T15:00:00Z")

    /// One reminder sent through the fake Twilio: its provider id.
    static func sentReminder(_ s: SchedulerHarness) throws -> (sid: String, phone: String) {
        let patient = try s.clinic.addPatient()
        _ = try s.clinic.book(doctor: try s.clinic.addDoctor(), patient: patient, at: start)
        try s.tick(at: start - 3 * 3600 + 30)
        let m = try #require(try s.messages().first { $0.state == .sent })
        return (try #require(m.providerID), patient.phone!)
    }

    @Test func statusesAreRecordedAndAFinalOneIsNeverOverwritten() async throws {
        let s = try SchedulerHarness()
        let h = try WebhookHarness(clinic: s.clinic)
        try await h.start()
        let (sid, _) = try Self.sentReminder(s)

        #expect(await h.deliveryStatus(sid: sid, status: "sent").status == 204)
        #expect(try s.messages(.reminder).first?.deliveryStatus == "sent")
        #expect(await h.deliveryStatus(sid: sid, status: "delivered").status == 204)
        #expect(await h.deliveryStatus(sid: sid, status: "sent").status == 204)  // late, out of order
        #expect(await h.deliveryStatus(sid: sid, status: "failed", errorCode: "30003").status == 204)
        #expect(try s.messages(.reminder).first?.deliveryStatus == "delivered")
        // Unknown ids are acknowledged (Twilio would retry otherwise) and change nothing.
        #expect(await h.deliveryStatus(sid: "SM" + String(repeating: "f", count: 32), status: "delivered").status == 204)
        await h.stop()
    }

    @Test func anUndeliverableNumberIsFlaggedForTheDesk() async throws {
        let s = try SchedulerHarness()
        let h = try WebhookHarness(clinic: s.clinic)
        try await h.start()
        let (sid, phone) = try Self.sentReminder(s)
        #expect(await h.deliveryStatus(sid: sid, status: "undelivered", errorCode: "30006").status == 204)
        let status = try s.clinic.store.phoneStatus(phone)
        #expect(status.flag == "bad_number" && status.flagCode == "30006")
        #expect(try s.messages(.reminder).first?.errorCode == "30006")
        await h.stop()
    }

    @Test func unsignedOrMalformedCallbacksChangeNothing() async throws {
        let s = try SchedulerHarness()
        let h = try WebhookHarness(clinic: s.clinic)
        try await h.start()
        let (sid, _) = try Self.sentReminder(s)
        let before = try h.dataFingerprint()
        let params: [(name: String, value: String)] = [("MessageSid", sid), ("MessageStatus", "failed")]
        let unsigned = await HTTPProbe.send(
            port: h.port,
            h.signedRequest(
                path: WebhookHarness.statusPath, parameters: params,
                signature: .some(nil)))
        #expect(unsigned.status == 403)
        let missing = await HTTPProbe.send(
            port: h.port,
            h.signedRequest(
                path: WebhookHarness.statusPath,
                parameters: [("MessageSid", sid)]))
        #expect(missing.status == 400)
        #expect(try h.dataFingerprint() == before)
        await h.stop()
    }
}
