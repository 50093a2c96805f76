import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// The API's tokens over a real socket: sign-up and the three sign-ins,
/// refresh with rotation and reuse detection, sign-out, and every way an
/// access token stops working. A refused sign-in says nothing about the account.
@Suite struct APIAuthTests {
    @Test func signUpGivesTokensAndTheUserAndTheTokenReadsMe() async throws {
        let h = try WebhookHarness()
        try await h.start()
        let api = APIClient(port: h.port)
        let r = await api.call(
            "POST", "/api/v1/auth/patient/signup",
            json: ["name": "प्रिया शर्मा", "email": "priya@x.test", "phone": "+15550109999", "password": "long-password-1", "age": 34])
        #expect(r.status == 201)
        #expect(r.object["token_type"] as? String == "bearer")
        #expect(r.object["expires_in"] as? Int == 900)
        let user = try #require(r.object["user"] as? [String: Any])
        #expect(user["name"] as? String == "प्रिया शर्मा")
        #expect(user["role"] as? String == "patient")
        #expect(user["age"] as? Int == 34)
        let id = try #require(user["id"] as? String)
        #expect(Int64(id) != nil)
        let token = try #require(r.object["access_token"] as? String)
        let me = await api.call("GET", "/api/v1/users/me", token: token)
        #expect(me.status == 200)
        #expect(me.object["id"] as? String == id)
        #expect(me.object["email"] as? String == "priya@x.test")
        #expect(try h.clinic.store.account(matching: "priya@x.test").name == "प्रिया शर्मा")
        await h.stop()
    }

    @Test func eachSignInIsForItsRolesAndEveryRefusalReadsTheSame() async throws {
        let h = try WebhookHarness()
        try await h.start()
        let api = APIClient(port: h.port)
        let patient = try h.clinic.addPatient(), doctor = try h.clinic.addDoctor()
        let desk = try h.clinic.addStaff(.receptionist)
        #expect(await api.signIn("patient", patient.email!, "patient-password") != nil)
        #expect(await api.signIn("doctor", doctor.email!, "doctor-password") != nil)
        #expect(await api.signIn("staff", desk.email!, "staff-password") != nil)
        let refusals = [
            await api.call("POST", "/api/v1/auth/patient/login", json: ["email": doctor.email, "password": "doctor-password"]),
            await api.call("POST", "/api/v1/auth/doctor/login", json: ["email": patient.email, "password": "patient-password"]),
            await api.call("POST", "/api/v1/auth/patient/login", json: ["email": patient.email, "password": "wrong"]),
            await api.call("POST", "/api/v1/auth/patient/login", json: ["email": "nobody@x.test", "password": "patient-password"]),
            await api.call("POST", "/api/v1/auth/staff/login", json: ["email": doctor.email, "password": "doctor-password"]),
        ]
        #expect(refusals.map(\.status) == [401, 401, 401, 401, 401])
        #expect(Set(refusals.map(\.body)).count == 1, "one answer whatever was wrong")
        #expect(refusals[0].headers["www-authenticate"] == "Bearer")
        await h.stop()
    }

    @Test func aMissingOrWrongFieldIs400AndABigBody413() async throws {
        let h = try WebhookHarness()
        try await h.start()
        let api = APIClient(port: h.port)
        let missing = await api.call("POST", "/api/v1/auth/patient/login", json: ["email": "a@b.test"])
        #expect(missing.status == 400)
        #expect(missing.errorCode == "invalid_input")
        #expect(missing.errorMessage == "password is required")
        let wrongType = await api.call("POST", "/api/v1/auth/patient/login", json: ["email": 12, "password": "x"])
        #expect(wrongType.status == 400)
        #expect(wrongType.errorMessage == "email must be a string")
        let notJSON = await api.call("POST", "/api/v1/auth/patient/login", body: Array("{nope".utf8), headers: [("Content-Type", "application/json")])
        #expect(notJSON.status == 400)
        let big = await api.call(
            "POST", "/api/v1/auth/patient/signup", json: ["name": String(repeating: "a", count: 70_000), "email": "x", "phone": "x", "password": "x"])
        #expect(big.status == 413)
        #expect(big.errorCode == "payload_too_large")
        #expect(try h.clinic.store.accounts().isEmpty)
        await h.stop()
    }

    @Test func refreshRotatesAndAReusedTokenRevokesItsFamily() async throws {
        let h = try WebhookHarness()
        try await h.start()
        let api = APIClient(port: h.port)
        let patient = try h.clinic.addPatient()
        let login = await api.call("POST", "/api/v1/auth/patient/login", json: ["email": patient.email, "password": "patient-password"])
        let first = try #require(login.object["refresh_token"] as? String)
        let rotated = await api.call("POST", "/api/v1/auth/refresh", json: ["refresh_token": first])
        #expect(rotated.status == 200)
        let second = try #require(rotated.object["refresh_token"] as? String)
        #expect(second != first)
        #expect(await api.call("GET", "/api/v1/users/me", token: rotated.object["access_token"] as? String).status == 200)
        // The first token again: it leaked. It and everything of its family stop working.
        #expect(await api.call("POST", "/api/v1/auth/refresh", json: ["refresh_token": first]).status == 401)
        #expect(await api.call("POST", "/api/v1/auth/refresh", json: ["refresh_token": second]).status == 401)
        // Sign-out revokes a family too, and says nothing about a token it does not know.
        let again = await api.call("POST", "/api/v1/auth/patient/login", json: ["email": patient.email, "password": "patient-password"])
        let third = try #require(again.object["refresh_token"] as? String)
        #expect(await api.call("POST", "/api/v1/auth/logout", json: ["refresh_token": third]).status == 204)
        #expect(await api.call("POST", "/api/v1/auth/logout", json: ["refresh_token": "unknown"]).status == 204)
        #expect(await api.call("POST", "/api/v1/auth/refresh", json: ["refresh_token": third]).status == 401)
        await h.stop()
    }

    @Test func expiredTamperedWrongKeyAndRevokedTokensAre401() async throws {
        let h = try WebhookHarness()
        try await h.start()
        let api = APIClient(port: h.port)
        let patient = try h.clinic.addPatient()
        let token = try #require(await api.signIn("patient", patient.email!, "patient-password"))
        #expect(await api.call("GET", "/api/v1/users/me", token: token).status == 200)

        // Tampered: the claims changed (another account), the signature kept.
        let parts = token.split(separator: ".").map(String.init)
        let claims = String(decoding: try #require(Data(base64URL: parts[1])), as: UTF8.self)
            .replacingOccurrences(of: "\"sub\":\"\(patient.id)\"", with: "\"sub\":\"\(patient.id + 1)\"")
        let tampered = [parts[0], Data(claims.utf8).base64URL, parts[2]].joined(separator: ".")
        // Signed with another key.
        let forged = AccessToken(accountID: patient.id, role: .patient, epoch: 0, issuedAt: h.clinic.store.clock.seconds)
            .signed(with: Array(repeating: 7, count: 32))
        for bad in [tampered, forged, "", "a.b.c", token + "x"] {
            let r = await api.call("GET", "/api/v1/users/me", token: bad)
            #expect(r.status == 401, "\(bad.prefix(20))")
            #expect(r.errorCode == "unauthorized")
        }
        #expect(await api.call("GET", "/api/v1/users/me").status == 401)

        // Expired: 15 minutes later.
        h.clinic.clock.advance(by: 15 * 60)
        #expect(await api.call("GET", "/api/v1/users/me", token: token).status == 401)

        // Revoked: a password change ends every token of the account.
        let fresh = try #require(await api.signIn("patient", patient.email!, "patient-password"))
        let refresh = await api.call("POST", "/api/v1/auth/patient/login", json: ["email": patient.email, "password": "patient-password"])
        try h.clinic.store.setPassword(accountID: patient.id, to: "another-password-2", by: .shell)
        #expect(await api.call("GET", "/api/v1/users/me", token: fresh).status == 401)
        #expect(await api.call("POST", "/api/v1/auth/refresh", json: ["refresh_token": refresh.object["refresh_token"] as? String ?? ""]).status == 401)
        #expect(await api.signIn("patient", patient.email!, "another-password-2") != nil)
        await h.stop()
    }

    @Test func signInsFromOneAddressAreLimitedTo10AMinute() async throws {
        let h = try WebhookHarness()
        try await h.start()
        let api = APIClient(port: h.port)
        var statuses: [Int] = []
        for _ in 0..<12 {
            statuses.append(await api.call("POST", "/api/v1/auth/patient/login", json: ["email": "x@y.test", "password": "p"]).status)
        }
        #expect(statuses == Array(repeating: 401, count: 10) + [429, 429])
        let limited = await api.call("POST", "/api/v1/auth/patient/login", json: ["email": "x@y.test", "password": "p"])
        #expect(limited.errorCode == "rate_limited")
        #expect(limited.headers["retry-after"] == "60")
        // A minute later the bucket has refilled.
        h.clinic.clock.advance(by: 60)
        #expect(await api.call("POST", "/api/v1/auth/patient/login", json: ["email": "x@y.test", "password": "p"]).status == 401)
        await h.stop()
    }
}

extension Data {
    init?(base64URL text: String) {
        var s = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while s.count % 4 != 0 { s += "=" }
        self.init(base64Encoded: s)
    }

    var base64URL: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

extension ClinicClock {
    var seconds: Int64 { Int64(now().timeIntervalSince1970) }
}
