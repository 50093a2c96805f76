import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// `POST /api/v1/auth/reset` and `/auth/reset/confirm` over a real socket:
/// one 202 body for every request, one 401 body for every code that does not
/// work, a code that revokes the account's tokens, and the per-address limit.
@Suite struct APIPasswordResetTests {
    @Test func everyRequestGetsTheSameAnswerWhateverTheLoginNames() async throws {
        // Given a patient with a phone who already had three codes this hour, one without a phone, staff and nobody
        let h = try WebhookHarness()
        try await h.start()
        let api = APIClient(port: h.port)
        let patient = try h.clinic.addPatient(), limited = try h.clinic.addPatient()
        let noPhone = try h.clinic.addPatientWithoutPhone(), doctor = try h.clinic.addDoctor()
        // When each is asked for (three an hour from one address: half an hour in, the limited account's codes go out)
        var replies: [APIReply] = []
        for (i, login) in [patient.phone!, "+15550199999", doctor.email!, noPhone.email!, limited.phone!, "nobody@x.test"].enumerated() {
            if i == 3 {
                h.clinic.clock.advance(by: 1800)
                for k in 1...3 { try h.clinic.requestReset(limited.phone!, from: "kiosk:\(k)") }
                h.clinic.clock.advance(by: 1800)
            }
            replies.append(await api.call("POST", "/api/v1/auth/reset", json: ["login": login]))
        }
        // Then every answer is 202 with the same bytes, and only the first patient got a code
        #expect(replies.map(\.status) == [202, 202, 202, 202, 202, 202])
        #expect(Set(replies.map(\.body)).count == 1, "\(replies.map(\.body))")
        #expect(replies[0].object["message"] as? String == PasswordResetPolicy.answer)
        #expect(try h.clinic.store.smsLog().filter { $0.to == patient.phone }.count == 1)
        #expect(try h.clinic.resetMessageCount() == 4, "the limited account got none beyond its three")
        await h.stop()
    }

    @Test func theCodeSetsThePasswordAndRevokesTheTokensAndEveryBadCodeReadsTheSame() async throws {
        // Given a patient signed in through the API who asks for a code
        let h = try WebhookHarness()
        try await h.start()
        let api = APIClient(port: h.port)
        let patient = try h.clinic.addPatient()
        let token = try #require(await api.signIn("patient", patient.email!, "patient-password"))
        #expect(await api.call("POST", "/api/v1/auth/reset", json: ["login": patient.email!]).status == 202)
        let code = try #require(try h.clinic.pendingResetCode())
        // When a wrong code and a code for nobody are tried
        let confirm = "/api/v1/auth/reset/confirm"
        let wrong = await api.call(
            "POST", confirm, json: ["login": patient.email!, "code": TestClinic.wrongCode(code), "newPassword": "비밀번호-새것-1"])
        let nobody = await api.call("POST", confirm, json: ["login": "+15550199999", "code": code, "newPassword": "비밀번호-새것-1"])
        // Then both are the same 401
        #expect(wrong.status == 401 && nobody.status == 401)
        #expect(wrong.body == nobody.body)
        #expect(wrong.errorMessage == PasswordResetPolicy.codeRefusal)
        // And a password the rules refuse is 400, before the code is tried
        let short = await api.call("POST", confirm, json: ["login": patient.email!, "code": code, "newPassword": "short"])
        #expect(short.status == 400 && short.errorCode == "invalid_input")
        // And the right code sets it: the old token stops working and the new password signs in
        let done = await api.call("POST", confirm, json: ["login": patient.phone!, "code": code, "newPassword": "비밀번호-새것-1"])
        #expect(done.status == 204)
        #expect(await api.call("GET", "/api/v1/users/me", token: token).status == 401)
        #expect(await api.signIn("patient", patient.email!, "비밀번호-새것-1") != nil)
        await h.stop()
    }

    @Test func anAddressMayAskThreeTimesAnHour() async throws {
        let h = try WebhookHarness()
        try await h.start()
        let api = APIClient(port: h.port)
        for i in 1...3 { #expect(await api.call("POST", "/api/v1/auth/reset", json: ["login": "+1555019999\(i)"]).status == 202) }
        let fourth = await api.call("POST", "/api/v1/auth/reset", json: ["login": "+15550199994"])
        #expect(fourth.status == 429 && fourth.errorCode == "rate_limited")
        #expect(fourth.errorMessage == PasswordResetPolicy.requesterRefusal)
        #expect(fourth.headers["retry-after"] != nil)
        let missing = await api.call("POST", "/api/v1/auth/reset", json: [:])
        #expect(missing.status == 400)
        h.clinic.clock.advance(by: 3601)
        #expect(await api.call("POST", "/api/v1/auth/reset", json: ["login": "+15550199995"]).status == 202)
        await h.stop()
    }
}
