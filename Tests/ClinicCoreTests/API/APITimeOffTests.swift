import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// Time off and closure days through HTTP over a real socket: the preview,
/// the refusal naming the booked visits, a sick day that cancels them (each
/// patient's SMS queued), closures over every doctor, who may do what.
@Suite struct APITimeOffTests {
    @Test func aSickDayAndAClosureOverHTTP() async throws {
        // Given a doctor with a visit on Tuesday 3 March 09:00, an admin, the desk, the doctor and the patient signed in
        let h = try WebhookHarness()
        try await h.start()
        let api = APIClient(port: h.port)
        let doctor = try h.clinic.addDoctor(name: "Dr Ana Moreau")
        let patient = try h.clinic.addPatient(name: "Pia 각")
        let booked = try h.clinic.book(doctor: doctor, patient: patient, at: h.clinic.local("2026-03-03", "09:00"))
        let admin = try h.clinic.addStaff(.admin), desk = try h.clinic.addStaff(.receptionist)
        let adminToken = try #require(await api.signIn("staff", admin.email!, "staff-password"))
        let deskToken = try #require(await api.signIn("staff", desk.email!, "staff-password"))
        let doctorToken = try #require(await api.signIn("doctor", doctor.email!, "doctor-password"))
        let patientToken = try #require(await api.signIn("patient", patient.email!, "patient-password"))
        let path = "/api/v1/doctors/\(doctor.id)/time-off"
        let tuesday: [String: any Sendable] = ["from": "2026-03-03", "to": "2026-03-03", "note": "flu"]

        // The preview lists the visit; nothing changes
        var preview = tuesday; preview["preview"] = true
        let listed = await api.call("POST", path, token: adminToken, json: preview)
        #expect(listed.status == 200)
        #expect((listed.object["wouldCancel"] as? [[String: Any]])?.map { $0["code"] as? String } == [booked.code])
        // Without cancelBooked: 409 conflict naming it; the desk and the doctor may not add time off
        let refused = await api.call("POST", path, token: adminToken, json: tuesday)
        #expect(refused.status == 409 && refused.errorCode == "conflict" && refused.body.contains(booked.code))
        #expect(await api.call("POST", path, token: deskToken, json: tuesday).status == 403)
        #expect(await api.call("POST", path, token: doctorToken, json: preview).status == 403)
        #expect(await api.call("POST", path, token: adminToken, json: ["from": "3 March", "to": "2026-03-03"]).errorCode == "invalid_input")
        #expect(try h.clinic.store.appointment(code: booked.code).status == .scheduled)

        // With cancelBooked: 201, the visit cancelled, the patient texted
        var sick = tuesday; sick["cancelBooked"] = true
        let added = await api.call("POST", path, token: adminToken, json: sick)
        #expect(added.status == 201)
        #expect((added.object["timeOff"] as? [String: Any])?["span"] as? String == "2026-03-03 (all day)")
        #expect((added.object["cancelled"] as? [[String: Any]])?.first?["status"] as? String == "cancelled")
        #expect(try h.clinic.store.appointment(code: booked.code).status == .cancelled)
        #expect(try h.clinic.store.events(code: booked.code).last?.via == .api)
        #expect(try h.clinic.store.smsLog().contains { $0.kind == .cancellation && $0.to == patient.phone && $0.body.contains("not available") })

        // The doctor and the desk see the time off, the patient does not; the admin removes it
        #expect(await api.call("GET", path, token: doctorToken).array.map { $0["note"] as? String } == ["flu"])
        #expect(await api.call("GET", path, token: deskToken).array.count == 1)
        #expect(await api.call("GET", path, token: patientToken).status == 403)
        let id = try #require(await api.call("GET", path, token: adminToken).array.first?["id"] as? String)
        #expect(await api.call("DELETE", "\(path)/\(id)", token: deskToken).status == 403)
        #expect(await api.call("DELETE", "\(path)/\(id)", token: adminToken).status == 200)
        #expect(await api.call("DELETE", "\(path)/\(id)", token: adminToken).status == 404)

        // A closure over every doctor: added, seen by anyone signed in, removed
        let closed = await api.call("POST", "/api/v1/closures", token: adminToken, json: ["from": "2026-12-25", "to": "2026-12-25", "note": "Noël"])
        #expect(closed.status == 201 && (closed.object["timeOff"] as? [String: Any])?["doctorId"] is NSNull)
        #expect(try h.clinic.store.slots(doctorID: doctor.id, on: date("2026-12-25"), viewer: .shell).entries.isEmpty)
        #expect(await api.call("GET", "/api/v1/closures", token: patientToken).array.map { $0["span"] as? String } == ["2026-12-25 (all day)"])
        #expect(await api.call("POST", "/api/v1/closures", token: deskToken, json: ["from": "2026-12-26", "to": "2026-12-26"]).status == 403)
        let closureID = try #require((closed.object["timeOff"] as? [String: Any])?["id"] as? String)
        #expect(await api.call("DELETE", "/api/v1/closures/\(closureID)", token: adminToken).status == 200)
        #expect(try h.clinic.store.closures().isEmpty)
        #expect(await api.call("GET", "/api/v1/closures").status == 401)
        await h.stop()
    }
}

/// The booking limits over HTTP: a patient's fifth visit is 409 `conflict`;
/// a patient's `overrideReason` is 403; the desk's books it.
@Suite struct APIBookingLimitTests {
    @Test func aFifthVisitOverHTTP() async throws {
        let h = try WebhookHarness()
        try await h.start()
        let api = APIClient(port: h.port)
        let doctor = try h.clinic.addDoctor(name: "Dr Ana"), patient = try h.clinic.addPatient(name: "Pia")
        let desk = try h.clinic.addStaff(.receptionist)
        for day in ["2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"] {
            try h.clinic.book(doctor: doctor, patient: patient, at: h.clinic.local(day, "09:00"))
        }
        let patientToken = try #require(await api.signIn("patient", patient.email!, "patient-password"))
        let deskToken = try #require(await api.signIn("staff", desk.email!, "staff-password"))
        var body: [String: any Sendable] = ["doctorId": String(doctor.id), "start": "2026-03-09T09:00:00-04:00", "reason": "Knee"]
        let refused = await api.call("POST", "/api/v1/appointments", token: patientToken, json: body)
        #expect(refused.status == 409 && refused.errorCode == "conflict" && refused.errorMessage?.contains("4 visits to come") == true)
        body["overrideReason"] = "please"
        #expect(await api.call("POST", "/api/v1/appointments", token: patientToken, json: body).status == 403)
        body["patientId"] = String(patient.id)
        let booked = await api.call("POST", "/api/v1/appointments", token: deskToken, json: body)
        #expect(booked.status == 201, "\(booked.body)")
        let code = try #require(booked.object["code"] as? String)
        #expect(try h.clinic.store.events(code: code).first?.note == "booked over the limits: please")
        await h.stop()
    }
}

/// A patient's visits over HTTP: the doctor gets the notes, the desk null, a patient 403.
@Suite struct APIHistoryTests {
    @Test func visitsAndNotesOverHTTP() async throws {
        let h = try WebhookHarness()
        try await h.start()
        let api = APIClient(port: h.port)
        let ana = try h.clinic.addDoctor(name: "Dr Ana"), pia = try h.clinic.addPatient(name: "Pia")
        let desk = try h.clinic.addStaff(.receptionist)
        let visit = try h.clinic.book(doctor: ana, patient: pia, at: h.clinic.local("2026-03-03", "09:00"))
        _ = try h.clinic.store.setNote(code: visit.code, text: "line one\nline two", by: .shell)
        let path = "/api/v1/patients/\(pia.id)/visits"
        let doctorToken = try #require(await api.signIn("doctor", ana.email!, "doctor-password"))
        let deskToken = try #require(await api.signIn("staff", desk.email!, "staff-password"))
        let piaToken = try #require(await api.signIn("patient", pia.email!, "patient-password"))
        let seen = await api.call("GET", path, token: doctorToken)
        #expect(seen.status == 200 && seen.array.first?["note"] as? String == "line one\nline two")
        #expect((seen.array.first?["appointment"] as? [String: Any])?["code"] as? String == visit.code)
        #expect(await api.call("GET", path, token: deskToken).array.first?["note"] is NSNull)
        #expect(await api.call("GET", path, token: piaToken).status == 403)
        #expect(await api.call("GET", "/api/v1/patients/\(ana.id)/visits", token: doctorToken).status == 404)
        await h.stop()
    }
}
