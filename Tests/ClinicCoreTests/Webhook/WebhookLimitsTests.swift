import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// What the listener refuses before anything is acted on: bad signatures
/// (403), big bodies (413), malformed bodies (400), slow and idle clients.
@Suite struct WebhookLimitsTests {
    static let start = TestClinic.seconds("2026-03-03T15:00:00Z")

    @Test func aMissingOrWrongSignatureIs403AndNothingChanges() async throws {
        let h = try WebhookHarness()
        try await h.start()
        let patient = try h.clinic.addPatient()
        let a = try h.clinic.book(doctor: try h.clinic.addDoctor(), patient: patient, at: Self.start)
        let before = try h.dataFingerprint()
        let params = h.smsParameters(from: patient.phone!, body: "CANCEL \(a.code)", sid: h.nextSID())
        let missing = await HTTPProbe.send(port: h.port, h.signedRequest(parameters: params, signature: .some(nil)))
        let wrong = await HTTPProbe.send(port: h.port, h.signedRequest(parameters: params, signature: "AAAAAAAAAAAAAAAAAAAAAAAAAAA="))
        let garbage = await HTTPProbe.send(port: h.port, h.signedRequest(parameters: params, signature: "%%%"))
        let statuses: [Int] = [missing.status, wrong.status, garbage.status]
        #expect(statuses == [403, 403, 403])
        #expect(try h.dataFingerprint() == before)
        await h.stop()
    }

    @Test func bodiesOver64KiBAre413AndMalformedOnes400() async throws {
        let h = try WebhookHarness()
        try await h.start()
        let form = [("Content-Type", "application/x-www-form-urlencoded")]
        let big = Array(repeating: UInt8(ascii: "a"), count: 64 * 1024 + 1)
        let declared = await HTTPProbe.send(
            port: h.port,
            HTTPProbe.request(
                "POST", WebhookHarness.webhookPath, headers: form,
                body: Array("Body=".utf8) + big))
        #expect(declared.status == 413)
        // Chunked: no length up front; the limit applies while reading.
        var chunked = Array(
            "POST \(WebhookHarness.webhookPath) HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"
                .utf8)
        for _ in 0..<5 { chunked += Array("4000\r\n".utf8) + Array(repeating: UInt8(ascii: "b"), count: 0x4000) + Array("\r\n".utf8) }
        chunked += Array("0\r\n\r\n".utf8)
        #expect(await HTTPProbe.send(port: h.port, chunked).status == 413)

        for bad in ["Body=%zz", "Body=%C3%28&From=x", "junk&From=1"] {
            let r = await HTTPProbe.send(
                port: h.port,
                HTTPProbe.request(
                    "POST", WebhookHarness.webhookPath, headers: form,
                    body: Array(bad.utf8)))
            #expect(r.status == 400, "\(bad)")
        }
        let raw = await HTTPProbe.send(
            port: h.port,
            HTTPProbe.request(
                "POST", WebhookHarness.webhookPath, headers: form,
                body: [0x42, 0x3D, 0xC3, 0x28]))
        #expect(raw.status == 400)
        let json = await HTTPProbe.send(
            port: h.port,
            HTTPProbe.request(
                "POST", WebhookHarness.webhookPath,
                headers: [("Content-Type", "application/json")], body: Array("{}".utf8)))
        #expect(json.status == 400)
        // Signed, but without MessageSid / From.
        let incomplete = await HTTPProbe.send(port: h.port, h.signedRequest(parameters: [("Body", "HELP")]))
        #expect(incomplete.status == 400)
        await h.stop()
    }

    @Test func healthzAnswersWithTheDatabaseAndSchedulerState() async throws {
        let h = try WebhookHarness()
        try await h.start()
        let r = await HTTPProbe.send(port: h.port, HTTPProbe.request("GET", "/healthz"))
        #expect(r.status == 200 && r.headers["content-type"] == "application/json")
        #expect(r.body.contains("\"database\":\"ok\"") && r.body.contains("\"scheduler\":\"stopped\""))
        #expect(await HTTPProbe.send(port: h.port, HTTPProbe.request("GET", "/nope")).status == 404)
        await h.stop()
    }

    @Test func idleAndSlowClientsAreCutOff() async throws {
        // Given a listener that gives clients 1 second per request
        let h = try WebhookHarness(timeout: 1)
        try await h.start()
        // An idle connection is closed (left open, the probe would wait its 30 s; the
        // bound leaves room for a suite that starves the listener's timer on two cores
        // (seen at 10 s) and still fails without the cut-off).
        let idle = await HTTPProbe.exchange(port: h.port, pieces: [[]], timeout: 30)
        #expect(idle.seconds < 20, "closed after \(idle.seconds) s")
        // A client trickling its headers a byte every 0.2 s (for 30 s) is closed too. The listener's
        // deadline runs beside the whole suite on two cores, so the bound is loose; without the
        // cut-off the client would take its full 30 s and more.
        let head = Array("POST \(WebhookHarness.webhookPath) HTTP/1.1\r\nHost: x\r\nX-Slow: ".utf8) + Array(repeating: UInt8(ascii: "a"), count: 150)
        let trickle = await HTTPProbe.exchange(port: h.port, pieces: head.map { [$0] }, pause: 0.2, timeout: 10)
        #expect(trickle.seconds < 25, "closed after \(trickle.seconds) s")  // all of it takes 30 s
        // A slow body after a quick head is closed as well.
        let quickHead = Array("POST \(WebhookHarness.webhookPath) HTTP/1.1\r\nHost: x\r\nContent-Length: 150\r\n\r\n".utf8)
        let slowBody = await HTTPProbe.exchange(
            port: h.port, pieces: [quickHead] + (0..<150).map { _ in [UInt8(ascii: "a")] },
            pause: 0.2, timeout: 10)
        #expect(slowBody.seconds < 25, "closed after \(slowBody.seconds) s")  // all of it takes 30 s
        // And the listener still serves.
        #expect(await HTTPProbe.send(port: h.port, HTTPProbe.request("GET", "/healthz")).status == 200)
        await h.stop()
    }
}
