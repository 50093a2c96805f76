import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// Thousands of random and malformed requests (bodies, headers, sizes,
/// broken HTTP) mixed with a few valid signed commands: afterwards the
/// listener still answers, nothing answered 500, and the data changed only
/// by the valid commands. Bounded in count and time; seeded, so repeatable.
@Suite struct WebhookFuzzTests {
    static let start = TestClinic.seconds("2026-03-03T15:00:00Z")

    @Test(.timeLimit(.minutes(2)))
    func randomAndMalformedRequestsChangeNothingAndCrashNothing() async throws {
        let h = try WebhookHarness(timeout: 1)
        try await h.start()
        let doctor = try h.clinic.addDoctor(hours: "mon-fri 08:00-18:00")
        let patient = try h.clinic.addPatient()
        _ = try h.clinic.store.updateSettings(.init(maxActiveVisits: 0), by: .shell)  // one patient holds all six visits
        let codes = try (0..<6).map { try h.clinic.book(doctor: doctor, patient: patient, at: Self.start + Int64($0) * 1800).code }
        let before = try h.dataFingerprint()

        var rng = SplitMix64(seed: 0xC0FFEE)
        let requests = (0..<3000).map { i in FuzzCase.make(i, &rng, harness: h, phone: patient.phone!, codes: codes) }
        var statuses: [Int: Int] = [:]
        await withTaskGroup(of: Int.self) { group in
            var next = 0
            for _ in 0..<8 where next < requests.count {
                let r = requests[next]; next += 1
                group.addTask { await HTTPProbe.send(port: h.port, r, timeout: 10).status }
            }
            while let status = await group.next() {
                statuses[status, default: 0] += 1
                if next < requests.count {
                    let r = requests[next]; next += 1
                    group.addTask { await HTTPProbe.send(port: h.port, r, timeout: 10).status }
                }
            }
        }
        #expect(statuses[500] == nil, "\(statuses)")
        #expect(await HTTPProbe.send(port: h.port, HTTPProbe.request("GET", "/healthz")).status == 200)

        // Only the valid signed commands acted: the first two codes confirmed, once each.
        let valid = [codes[0], codes[1]]
        for code in valid {
            let r = await h.sms(from: patient.phone!, "CONFIRM \(code)")
            #expect(WebhookHarness.message(r)?.contains("is confirmed") == true)
        }
        let after = try h.dataFingerprint()
        #expect(after != before)
        let statusesNow = try codes.map { try h.clinic.store.appointment(code: $0).status }
        #expect(statusesNow == [.confirmed, .confirmed, .scheduled, .scheduled, .scheduled, .scheduled])
        #expect(try h.clinic.store.inboundSMS().count == 2)
        #expect(try h.clinic.store.phoneStatus(patient.phone!).optedOut == false)
        await h.stop()
    }
}

/// One fuzz request's bytes.
enum FuzzCase {
    static func make(_ i: Int, _ rng: inout SplitMix64, harness h: WebhookHarness, phone: String, codes: [String]) -> [UInt8] {
        func bytes(_ n: Int) -> [UInt8] { (0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) } }
        func text(_ n: Int) -> String {
            let alphabet = Array("abcXYZ019=&%+ \r\n:;/?#[]{}<>\"'\\é✓\u{0}")
            return String((0..<n).map { _ in alphabet.randomElement(using: &rng)! })
        }
        let path = [WebhookHarness.webhookPath, WebhookHarness.statusPath, "/healthz", "/", "/api/v1/twilio/webhook/../x"]
            .randomElement(using: &rng)!
        let form = [("Content-Type", "application/x-www-form-urlencoded")]
        switch i % 10 {
        case 0:  // pure noise
            return bytes(Int.random(in: 1...2048, using: &rng))
        case 1:  // a plausible form, unsigned
            let body = "Body=CANCEL+\(codes.randomElement(using: &rng)!)&From=\(phone.replacingOccurrences(of: "+", with: "%2B"))&MessageSid=SM\(i)"
            return HTTPProbe.request("POST", path, headers: form, body: Array(body.utf8))
        case 2:  // a signed request with one byte flipped in the body
            var r = h.signedRequest(parameters: h.smsParameters(from: phone, body: "CANCEL \(codes[i % codes.count])", sid: "SMfuzz\(i)"))
            let k = r.count - Int.random(in: 1...20, using: &rng)
            r[k] = r[k] ^ 0x01
            return r
        case 3:  // random form text
            return HTTPProbe.request("POST", path, headers: form, body: Array(text(Int.random(in: 0...500, using: &rng)).utf8))
        case 4:  // random binary body
            return HTTPProbe.request("POST", path, headers: form, body: bytes(Int.random(in: 0...4096, using: &rng)))
        case 5:  // a big body, sometimes over the limit
            return HTTPProbe.request(
                "POST", path, headers: form, body: Array(repeating: UInt8(ascii: "a"), count: Int.random(in: 60_000...70_000, using: &rng)))
        case 6:  // broken request lines and headers
            let lines = [
                "GARBAGE\r\n\r\n", "POST \(path) HTTP/9.9\r\n\r\n", "POST \(path)\r\n\r\n",
                "POST \(path) HTTP/1.1\r\nContent-Length: -5\r\n\r\n", "POST \(path) HTTP/1.1\r\nContent-Length: abc\r\n\r\n",
                "POST \(path) HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "\r\n\r\n\r\n",
                "POST \(path) HTTP/1.1\r\n\(text(30)): \(text(30))\r\nConnection: close\r\n\r\n",
            ]
            return Array(lines.randomElement(using: &rng)!.utf8)
        case 7:  // many or huge headers
            var headers = form
            for n in 0..<Int.random(in: 1...200, using: &rng) {
                headers.append(("X-F\(n)", text(Int.random(in: 0...100, using: &rng)).filter { $0 != "\r" && $0 != "\n" && $0 != "\u{0}" }))
            }
            headers.append(("X-Twilio-Signature", text(28).filter { $0.isLetter || $0.isNumber }))
            return HTTPProbe.request("POST", path, headers: headers, body: Array("Body=HELP&From=%2B15550100001&MessageSid=SMx\(i)".utf8))
        case 8:  // random methods and targets
            let method = ["GET", "PUT", "DELETE", "OPTIONS", "PATCH", "HEAD", text(5).filter { $0.isLetter }].randomElement(using: &rng)!
            return HTTPProbe.request(method.isEmpty ? "X" : method, path + "?" + text(20).filter { !$0.isWhitespace && $0 != "#" })
        default:  // signed with a wrong key
            let params = h.smsParameters(from: phone, body: "CANCEL \(codes[i % codes.count])", sid: "SMbad\(i)")
            let sig = TwilioSignature.compute(authToken: "not-the-token", url: WebhookHarness.publicURL + WebhookHarness.webhookPath, parameters: params)
            return h.signedRequest(parameters: params, signature: .some(sig))
        }
    }
}
