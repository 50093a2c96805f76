import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// The desk's SMS routes on a running `clinic serve`, over a real socket:
/// the failed reminder listed, retried and sent through the fake Twilio,
/// a flagged reply listed and marked handled; refusals as the contract says.
@Suite(.serialized) struct ServeSMSAPITests {
    @Test func theDeskListsRetriesAndHandlesOverHTTP() async throws {
        // Given a serve whose Twilio refuses the reminders' number (21614); the last visit is at 11:50, hours after
        // the fixture's "now" (08:59 and running), so its reminder still makes sense however slowly the test runs
        let f = try ServeFixture(appointments: 18)
        f.twilio.setDefault(.error(status: 400, code: 21614, message: "'To' number is not a valid mobile number"))
        let patient = try f.store.account(matching: "jose@clinic.test")
        try f.store.setPassword(accountID: patient.id, to: "patient-password", by: .shell)
        try f.store.createAccount(
            NewAccount(role: .receptionist, name: "Rita Desk", email: "rita@clinic.test", phone: "+15550300001", password: "desk-password-1"),
            by: .shell)
        let port = HTTPProbe.freePort()
        var env = f.environment()
        env["CLINIC_LISTEN"] = "127.0.0.1:\(port)"
        let serve = try ClinicBinary.start(["serve"], environment: env)
        defer {
            signalProcess(serve, SIGTERM)
            _ = serve.wait()
        }
        let api = APIClient(port: port)
        #expect(try await HTTPProbe.waitUntilHealthy(port: port))
        #expect(f.twilio.waitForRequests(18))
        func last() throws -> OutboxMessage? { try f.messages(.reminder).first { $0.appointmentCode == f.codes.last } }
        for _ in 0..<500 where (try? last()?.state) != .failed { try await Task.sleep(nanoseconds: 20_000_000) }
        let desk = try #require(await api.signIn("staff", "rita@clinic.test", "desk-password-1"))
        let jose = try #require(await api.signIn("patient", "jose@clinic.test", "patient-password"))

        // The failed list: the reminder, in words and raw, with the holder's name
        let failed = await api.call("GET", "/api/v1/sms/messages?failed=true", token: desk)
        #expect(failed.status == 200 && failed.array.count == 18, "\(failed.body)")
        let reminder = try #require(failed.array.first { $0["appointment"] as? String == f.codes.last })
        #expect(reminder["kind"] as? String == "reminder" && reminder["state"] as? String == "failed" && reminder["errorCode"] as? String == "21614")
        #expect(reminder["outcome"] as? String == "Failed: the number is not a mobile phone (21614)")
        #expect(reminder["toName"] as? String == "José Álvarez" && reminder["appointment"] as? String == f.codes.last)
        let id = try #require(reminder["id"] as? String)
        #expect(await api.call("GET", "/api/v1/sms/messages", token: jose).status == 403)
        #expect(await api.call("GET", "/api/v1/sms/messages").status == 401)
        #expect(await api.call("GET", "/api/v1/sms/messages?failed=maybe", token: desk).status == 400)

        // Retry: refused for the patient and an unknown id; the desk's goes out once
        #expect(await api.call("POST", "/api/v1/sms/messages/\(id)/retry", token: jose).errorCode == "forbidden")
        #expect(await api.call("POST", "/api/v1/sms/messages/999999/retry", token: desk).status == 404)
        f.twilio.setDefault(.created)
        let retried = await api.call("POST", "/api/v1/sms/messages/\(id)/retry", token: desk)
        #expect(retried.status == 200 && retried.object["attempts"] as? Int == 0 && retried.object["errorCode"] is NSNull, "\(retried.body)")
        #expect(f.twilio.waitForRequests(19))
        for _ in 0..<500 where (try? last()?.state) != .sent { try await Task.sleep(nanoseconds: 20_000_000) }
        #expect(try last()?.state == .sent && f.twilio.requests.count == 19)
        let again = await api.call("POST", "/api/v1/sms/messages/\(id)/retry", token: desk)
        #expect(again.status == 409 && again.errorCode == "invalid_transition", "\(again.body)")

        // Replies: a free-text one is flagged; the desk marks it handled once
        _ = try await f.store.receiveSMS(InboundSMS(messageSID: "SM1", from: "+15550100001", body: "can I come at noon instead?"))
        _ = try await f.store.receiveSMS(InboundSMS(messageSID: "SM2", from: "+15550100001", body: "HELP"))
        let flagged = await api.call("GET", "/api/v1/sms/replies?flagged=true", token: desk)
        #expect(flagged.status == 200 && flagged.array.count == 1, "\(flagged.body)")
        let reply = try #require(flagged.array.first)
        #expect(reply["fromName"] as? String == "José Álvarez" && reply["outcome"] as? String == "flagged")
        #expect(reply["outcomeText"] as? String == "Passed to the desk" && reply["handledAt"] is NSNull)
        let replyID = try #require(reply["id"] as? String)
        let help = try #require(await api.call("GET", "/api/v1/sms/replies", token: desk).array.first { $0["command"] as? String == "help" })
        #expect(await api.call("POST", "/api/v1/sms/replies/\(replyID)/handled", token: jose).status == 403)
        let handled = await api.call("POST", "/api/v1/sms/replies/\(replyID)/handled", token: desk)
        #expect(handled.status == 200 && handled.object["handledBy"] as? String == "Rita Desk", "\(handled.body)")
        #expect(await api.call("POST", "/api/v1/sms/replies/\(replyID)/handled", token: desk).errorCode == "conflict")
        #expect(await api.call("POST", "/api/v1/sms/replies/\(help["id"] as? String ?? "0")/handled", token: desk).status == 400)
        #expect(await api.call("POST", "/api/v1/sms/replies/0/handled", token: desk).status == 404)
        #expect(try f.store.waitingReplies() == 0)
    }
}
