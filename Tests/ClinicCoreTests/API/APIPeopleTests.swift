import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// People over the API on a real socket: signing up without an email,
/// `PATCH /users/me` with `birthDate` and `email` (and an old client's
/// `age`), and the staff's `PATCH /users/{id}` under the same policy.
@Suite struct APIPeopleTests {
    @Test func signUpWithAPhoneOnlyAndEditMyBirthDateAndEmail() async throws {
        // Given the API on 2026-03-02 (New York)
        let h = try WebhookHarness()
        try await h.start()
        let api = APIClient(port: h.port)
        // When a patient signs up with a phone only
        let r = await api.call(
            "POST", "/api/v1/auth/patient/signup",
            json: ["name": "Chloé Öztürk", "phone": "+15550109990", "password": "long-password-1", "birthDate": "1990-03-03"])
        #expect(r.status == 201, "\(r.body)")
        let user = try #require(r.object["user"] as? [String: Any])
        // Then the view has no email, the date of birth and the age on the clinic's date
        #expect(user["email"] is NSNull && user["phone"] as? String == "+15550109990")
        #expect(user["birthDate"] as? String == "1990-03-03" && user["age"] as? Int == 35)
        // And she signs in with her phone
        let token = try #require(await api.signIn("patient", "(555) 010-9990", "long-password-1"))

        // When she adds an email and moves her date of birth
        let patched = await api.call("PATCH", "/api/v1/users/me", token: token, json: ["email": "Chloe@Mail.test", "birthDate": "1990-03-01"])
        #expect(patched.status == 200, "\(patched.body)")
        #expect(patched.object["email"] as? String == "chloe@mail.test" && patched.object["age"] as? Int == 36)
        // And an old client's age is ignored once a date of birth is known
        let aged = await api.call("PATCH", "/api/v1/users/me", token: token, json: ["age": 12])
        #expect(aged.object["age"] as? Int == 36)
        // And a bad date, an empty phone and email together, notes: 400
        let bad = await api.call("PATCH", "/api/v1/users/me", token: token, json: ["birthDate": "1990-13-01"])
        #expect(bad.status == 400 && bad.errorCode == "invalid_input")
        #expect(await api.call("PATCH", "/api/v1/users/me", token: token, json: ["email": "", "phone": ""]).status == 400)
        // And an empty email removes it while the phone stays
        let removed = await api.call("PATCH", "/api/v1/users/me", token: token, json: ["email": ""])
        #expect(removed.status == 200 && removed.object["email"] is NSNull)
        // And signing up with neither is refused under the same rule
        let neither = await api.call("POST", "/api/v1/auth/patient/signup", json: ["name": "Nobody", "password": "long-password-1"])
        #expect(neither.status == 400 && neither.errorCode == "invalid_input")
        await h.stop()
    }

    @Test func staffEditPeopleAsThePolicySays() async throws {
        let h = try WebhookHarness()
        try await h.start()
        let api = APIClient(port: h.port)
        let doctor = try h.clinic.addDoctor(name: "Dr Ana", hours: "mon-fri 09:00-12:00")
        let patient = try h.clinic.addPatient(name: "Pia"), other = try h.clinic.addPatient(name: "Quin")
        let desk = try h.clinic.addStaff(.receptionist), admin = try h.clinic.addStaff(.admin)
        let deskToken = try #require(await api.signIn("staff", desk.email!, "staff-password"))
        let adminToken = try #require(await api.signIn("staff", admin.email!, "staff-password"))
        let patientToken = try #require(await api.signIn("patient", patient.email!, "patient-password"))

        // The desk edits a patient's notes and gender
        let notes = await api.call(
            "PATCH", "/api/v1/users/\(patient.id)", token: deskToken, json: ["notes": "Needs an interpreter", "gender": "f", "name": "Pia 👩🏽‍⚕️"])
        #expect(notes.status == 200, "\(notes.body)")
        #expect(notes.object["notes"] as? String == "Needs an interpreter" && notes.object["name"] as? String == "Pia 👩🏽‍⚕️")
        // But not a doctor, and a patient not another patient
        #expect(await api.call("PATCH", "/api/v1/users/\(doctor.id)", token: deskToken, json: ["name": "Dr X"]).status == 403)
        #expect(await api.call("PATCH", "/api/v1/users/\(other.id)", token: patientToken, json: ["name": "X"]).status == 403)
        // Another's email is a conflict
        let taken = await api.call("PATCH", "/api/v1/users/\(patient.id)", token: deskToken, json: ["email": other.email!])
        #expect(taken.status == 409 && taken.errorCode == "conflict")
        // The admin changes a doctor's specialization and slot length, refused while a visit would leave its slot
        let visit = try h.clinic.book(doctor: doctor, patient: patient, at: try h.clinic.local("2026-03-03", "09:30"))
        let refused = await api.call("PATCH", "/api/v1/users/\(doctor.id)", token: adminToken, json: ["slotDurationMin": 20])
        #expect(refused.status == 409 && refused.errorMessage?.contains(visit.code) == true)
        let spec = await api.call("PATCH", "/api/v1/users/\(doctor.id)", token: adminToken, json: ["specialization": "Neurology", "slotDurationMin": 15])
        #expect(spec.status == 409)
        let ok = await api.call("PATCH", "/api/v1/users/\(doctor.id)", token: adminToken, json: ["specialization": "Neurology"])
        #expect((ok.object["doctorProfile"] as? [String: Any])?["specialization"] as? String == "Neurology")
        #expect(await api.call("PATCH", "/api/v1/users/999999", token: adminToken, json: ["name": "Ghost"]).status == 404)
        await h.stop()
    }
}
