import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// The waitlist through HTTP over a real socket, and the SMS that fills it:
/// a patient joins, the desk sees the line, a cancellation offers the freed
/// slot, `TAKE` over the webhook books it, the desk offers by hand, a patient
/// leaves; who may do what, and each refusal's status.
@Suite struct APIWaitlistTests {
    @Test func joinOfferTakeLeaveOverHTTPAndSMS() async throws {
        let h = try WebhookHarness()
        try await h.start()
        let api = APIClient(port: h.port)
        let doctor = try h.clinic.addDoctor(name: "Dr Ana Moreau", specialization: "Cardiology")
        let holder = try h.clinic.addPatient(name: "Holder"), pia = try h.clinic.addPatient(name: "Pia 각"), quin = try h.clinic.addPatient()
        let desk = try h.clinic.addStaff(.receptionist)
        let visit = try h.clinic.book(doctor: doctor, patient: holder, at: h.clinic.local("2026-03-03", "10:00"))
        let piaToken = try #require(await api.signIn("patient", pia.email!, "patient-password"))
        let quinToken = try #require(await api.signIn("patient", quin.email!, "patient-password"))
        let deskToken = try #require(await api.signIn("staff", desk.email!, "staff-password"))
        let doctorToken = try #require(await api.signIn("doctor", doctor.email!, "doctor-password"))

        // Pia joins for herself; the desk puts Quin on for any cardiologist
        let days: [String: any Sendable] = ["from": "2026-03-02", "to": "2026-03-06"]
        var mine = days; mine["doctorId"] = String(doctor.id)
        let joined = await api.call("POST", "/api/v1/waitlist", token: piaToken, json: mine)
        #expect(joined.status == 201 && joined.object["position"] as? Int == 1 && joined.object["offer"] is NSNull)
        var forQuin = days; forQuin["patientId"] = String(quin.id); forQuin["specialization"] = "cardiology"
        #expect(await api.call("POST", "/api/v1/waitlist", token: deskToken, json: forQuin).object["specialization"] as? String == "Cardiology")
        // Refusals: both targets, neither, a bad day, another patient, the same again, a doctor joining someone
        var both = mine; both["specialization"] = "Cardiology"
        #expect(await api.call("POST", "/api/v1/waitlist", token: piaToken, json: both).status == 400)
        #expect(await api.call("POST", "/api/v1/waitlist", token: piaToken, json: days).status == 400)
        var badDay = mine; badDay["to"] = "6 March"
        #expect(await api.call("POST", "/api/v1/waitlist", token: piaToken, json: badDay).errorCode == "invalid_input")
        var forOther = mine; forOther["patientId"] = String(holder.id)
        #expect(await api.call("POST", "/api/v1/waitlist", token: piaToken, json: forOther).status == 403)
        #expect(await api.call("POST", "/api/v1/waitlist", token: piaToken, json: mine).status == 409)
        var byDoctor = mine; byDoctor["patientId"] = String(holder.id)
        #expect(await api.call("POST", "/api/v1/waitlist", token: doctorToken, json: byDoctor).status == 403)
        #expect(await api.call("GET", "/api/v1/waitlist").status == 401)

        // Each patient sees only their own; the doctor and the desk see the doctor's line
        #expect(await api.call("GET", "/api/v1/waitlist", token: piaToken).array.map { $0["patientName"] as? String } == ["Pia 각"])
        #expect(await api.call("GET", "/api/v1/waitlist?patientId=\(quin.id)", token: piaToken).status == 403)
        let line = await api.call("GET", "/api/v1/waitlist?doctorId=\(doctor.id)", token: doctorToken).array
        #expect(line.map { $0["patientId"] as? String } == [String(pia.id), String(quin.id)])

        // When the holder cancels, Pia is offered Tuesday 10:00; she takes it by SMS
        _ = try h.clinic.store.transition(code: visit.code, to: .cancelled, by: .account(holder.id, .patient, via: .api))
        let offer = try #require(await api.call("GET", "/api/v1/waitlist", token: piaToken).array.first?["offer"] as? [String: Any])
        #expect(offer["start"] as? String == "2026-03-03T10:00:00-05:00" && offer["byHand"] as? Bool == false)
        let code = try #require(offer["code"] as? String)
        let reply = await h.sms(from: pia.phone!, "TAKE \(code)")
        #expect(WebhookHarness.message(reply)?.contains("it is yours") == true)
        let all = await api.call("GET", "/api/v1/waitlist?all=true", token: piaToken).array
        #expect(all.first?["state"] as? String == "booked" && all.first?["appointmentCode"] is String)
        #expect(try h.clinic.store.inboundSMS().first.map { $0.command == "take" && $0.outcome == "took" } == true)

        // The desk offers Quin a slot by hand (the earliest free in his days); a patient may not
        let quinEntry = try #require(try h.clinic.store.waitlist(patientID: quin.id, by: .shell).first)
        #expect(await api.call("POST", "/api/v1/waitlist/\(quinEntry.id)/offer", token: piaToken).status == 403)
        let byHand = await api.call("POST", "/api/v1/waitlist/\(quinEntry.id)/offer", token: deskToken)
        #expect(byHand.status == 201 && byHand.object["byHand"] as? Bool == true && byHand.object["state"] as? String == "open")
        #expect(await api.call("POST", "/api/v1/waitlist/\(quinEntry.id)/offer", token: deskToken).status == 409)
        var at: [String: any Sendable] = ["start": "2026-03-03T10:10:00-05:00"]
        #expect(await api.call("POST", "/api/v1/waitlist/999/offer", token: deskToken, json: at).status == 404)
        at["start"] = "tomorrow"
        #expect(await api.call("POST", "/api/v1/waitlist/\(quinEntry.id)/offer", token: deskToken, json: at).status == 400)

        // Quin leaves: his offer is withdrawn; Pia cannot remove his entry (not found, as an unknown one)
        #expect(await api.call("DELETE", "/api/v1/waitlist/\(quinEntry.id)", token: piaToken).status == 404)
        let left = await api.call("DELETE", "/api/v1/waitlist/\(quinEntry.id)", token: quinToken)
        #expect(left.status == 200 && (left.object["removed"] as? [String: Any])?["state"] as? String == "removed")
        #expect(await api.call("DELETE", "/api/v1/waitlist/\(quinEntry.id)", token: quinToken).status == 409)
        #expect(await api.call("DELETE", "/api/v1/waitlist/abc", token: quinToken).status == 404)
        await h.stop()
    }
}
