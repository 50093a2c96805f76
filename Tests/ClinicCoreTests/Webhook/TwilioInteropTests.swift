import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// Interop with Twilio's own signer: requests signed by the official `twilio`
/// Python package's `RequestValidator` are accepted by the listener, and one
/// changed byte in the URL, a parameter or the signature is refused. The
/// package is required (scripts/install-deps installs it): without it this
/// test fails rather than passing vacuously.
@Suite struct TwilioInteropTests {
    static let start = TestClinic.seconds("2026-03-03T15:00:00Z")

    static let signer = """
        import json, sys
        from twilio.request_validator import RequestValidator
        cases = json.loads(sys.argv[1])
        v = RequestValidator(cases["token"])
        print(json.dumps([v.compute_signature(c["url"], dict(c["params"])) for c in cases["cases"]]))
        """

    /// Signatures for (url, params) computed by twilio-python.
    static func officialSignatures(_ cases: [(url: String, params: [(name: String, value: String)])]) throws -> [String] {
        let input: [String: Any] = [
            "token": WebhookHarness.authToken,
            "cases": cases.map { ["url": $0.url, "params": $0.params.map { [$0.name, $0.value] }] },
        ]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: input), as: UTF8.self)
        let python = try RunningProcess(
            "/usr/bin/env", ["python3", "-c", signer, json],
            environment: ProcessInfo.processInfo.environment)
        let result = python.wait()
        try #require(result.exitCode == 0, "python3 with the twilio package is required: \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String])
    }

    @Test func requestsSignedByTwilioPythonAreAcceptedAndOneChangedByteIsRefused() async throws {
        let h = try WebhookHarness()
        try await h.start()
        let patient = try h.clinic.addPatient(name: "Zoë Ünal")
        let doctor = try h.clinic.addDoctor()
        let a = try h.clinic.book(doctor: doctor, patient: patient, at: Self.start)
        let b = try h.clinic.book(doctor: doctor, patient: patient, at: Self.start + 3600)
        let base = WebhookHarness.publicURL + WebhookHarness.webhookPath
        let confirmA =
            h.smsParameters(from: patient.phone!, body: "  confirm  \(a.code.lowercased()) ", sid: h.nextSID())
            + [("FromCity", "São Paulo ✓ & +=%"), ("Émoji", "🙂")]
        let helpQuery = h.smsParameters(from: patient.phone!, body: "HELP", sid: h.nextSID())
        let confirmB = h.smsParameters(from: patient.phone!, body: "CONFIRM \(b.code)", sid: h.nextSID())
        var changedParam = confirmB
        changedParam[2].value = "CONFIRM \(b.code.dropLast())" + (b.code.last == "A" ? "B" : "A")
        let signatures = try Self.officialSignatures([
            (base, confirmA),  // 0: as is
            ("https://clinic.example.org:443/api/v1/twilio/webhook?lang=en", helpQuery),  // 1: default port, query
            (base, confirmB),  // 2: for the tampered cases
            (base.replacingOccurrences(of: "webhook", with: "webhooc"), confirmB),  // 3: URL with one byte changed
        ])

        func post(_ target: String, _ params: [(name: String, value: String)], _ signature: String) async -> HTTPProbeReply {
            let body = FormEncoding.encode(params.map { ($0.name, $0.value) })
            return await HTTPProbe.send(
                port: h.port,
                HTTPProbe.request(
                    "POST", target,
                    headers: [
                        ("Content-Type", "application/x-www-form-urlencoded"), ("X-Twilio-Signature", signature),
                    ], body: Array(body.utf8)))
        }
        // Accepted: the plain URL, and the URL with its default port and a query.
        let ok = await post(WebhookHarness.webhookPath, confirmA, signatures[0])
        #expect(ok.status == 200 && WebhookHarness.message(ok)?.contains("is confirmed") == true)
        let withPort = await post(WebhookHarness.webhookPath + "?lang=en", helpQuery, signatures[1])
        #expect(withPort.status == 200 && WebhookHarness.message(withPort)?.contains("CONFIRM <code>") == true)

        // Refused: one byte changed in the URL, in a parameter, or in the signature.
        let before = try h.dataFingerprint()
        #expect(await post(WebhookHarness.webhookPath, confirmB, signatures[3]).status == 403)
        #expect(await post(WebhookHarness.webhookPath + "?lang=fr", helpQuery, signatures[1]).status == 403)
        #expect(await post(WebhookHarness.webhookPath, changedParam, signatures[2]).status == 403)
        var sig = Array(signatures[2])
        sig[5] = sig[5] == "A" ? "B" : "A"
        #expect(await post(WebhookHarness.webhookPath, confirmB, String(sig)).status == 403)
        #expect(try h.dataFingerprint() == before)
        #expect(try h.clinic.store.appointment(code: b.code).status == .scheduled)

        // The untouched request goes through.
        #expect(await post(WebhookHarness.webhookPath, confirmB, signatures[2]).status == 200)
        #expect(try h.clinic.store.appointment(code: b.code).status == .confirmed)
        await h.stop()
    }
}
