import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// Photos (multipart, type from the bytes, 2 MiB, an unguessable URL), CORS
/// only for listed origins, and the `[api]` configuration.
@Suite struct APIPhotoAndCORSTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 200)

    static func multipart(_ bytes: [UInt8], field: String = "photo", boundary: String = "XyZ123") -> [UInt8] {
        Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"p.png\"\r\nContent-Type: image/png\r\n\r\n".utf8)
            + bytes + Array("\r\n--\(boundary)--\r\n".utf8)
    }

    @Test func aPhotoIsCheckedByItsBytesServedAtAnUnguessableURLAndReplaced() async throws {
        let h = try WebhookHarness()
        try await h.start()
        let api = APIClient(port: h.port)
        let patient = try h.clinic.addPatient()
        let token = try #require(await api.signIn("patient", patient.email!, "patient-password"))
        let form = [("Content-Type", "multipart/form-data; boundary=XyZ123")]
        let up = await api.call("POST", "/api/v1/users/me/photo", token: token, body: Self.multipart(Self.png), headers: form)
        #expect(up.status == 200)
        let url = try #require(up.object["photoUrl"] as? String)
        #expect(url.hasPrefix("/api/v1/photos/") && url.count >= "/api/v1/photos/".count + 24, "an unguessable id, not the account's")
        let served = await HTTPProbe.send(port: h.port, HTTPProbe.request("GET", url))
        #expect(served.status == 200)
        #expect(served.headers["content-type"] == "image/png")
        #expect(served.raw.suffix(200) == Self.png.suffix(200))
        #expect(await api.call("GET", "/api/v1/photos/not-a-photo").status == 404)

        // A text file named .png, a missing field, a body that is not multipart: 400, nothing stored.
        let text = await api.call("POST", "/api/v1/users/me/photo", token: token, body: Self.multipart(Array("hello".utf8)), headers: form)
        #expect(text.status == 400)
        #expect(text.errorMessage == "the photo must be a JPEG or PNG image")
        #expect(await api.call("POST", "/api/v1/users/me/photo", token: token, body: Self.multipart(Self.png, field: "file"), headers: form).status == 400)
        #expect(await api.call("POST", "/api/v1/users/me/photo", token: token, json: ["photo": "x"]).status == 400)
        // Over 2 MiB: 413.
        let big = Self.multipart(Self.png + Array(repeating: 0, count: 2 * 1024 * 1024))
        #expect(await api.call("POST", "/api/v1/users/me/photo", token: token, body: big, headers: form).status == 413)
        #expect(await api.call("POST", "/api/v1/users/me/photo", body: Self.multipart(Self.png), headers: form).status == 401)

        // A new photo gets a new URL; the old one shows nothing.
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 1, count: 100)
        let again = await api.call("POST", "/api/v1/users/me/photo", token: token, body: Self.multipart(jpeg), headers: form)
        let second = try #require(again.object["photoUrl"] as? String)
        #expect(second != url)
        #expect(await HTTPProbe.send(port: h.port, HTTPProbe.request("GET", url)).status == 404)
        #expect(await HTTPProbe.send(port: h.port, HTTPProbe.request("GET", second)).headers["content-type"] == "image/jpeg")
        await h.stop()
    }

    @Test func notesAreTheDesksAndStaffHaveNoAgeOrGender() async throws {
        let h = try WebhookHarness()
        try await h.start()
        let api = APIClient(port: h.port)
        let patient = try h.clinic.addPatient(), doctor = try h.clinic.addDoctor()
        let token = try #require(await api.signIn("patient", patient.email!, "patient-password"))
        let notes = await api.call("PATCH", "/api/v1/users/me", token: token, json: ["notes": "allergic to everything"])
        #expect(notes.status == 400)
        let doctorToken = try #require(await api.signIn("doctor", doctor.email!, "doctor-password"))
        #expect(await api.call("PATCH", "/api/v1/users/me", token: doctorToken, json: ["notes": "x"]).status == 400)
        #expect(await api.call("PATCH", "/api/v1/users/me", token: doctorToken, json: ["gender": "f"]).status == 400)
        #expect(try h.clinic.store.account(matching: doctor.email!).name == doctor.name)
        await h.stop()
    }

    @Test func corsAnswersOnlyTheListedOrigins() async throws {
        let clinic = try TestClinic()
        let h = try WebhookHarness(clinic: clinic, api: APIOptions(corsOrigins: ["https://portal.example.org"]))
        try await h.start()
        let api = APIClient(port: h.port)
        let listed = await api.call("GET", "/api/v1/time/now", headers: [("Origin", "https://portal.example.org")])
        #expect(listed.headers["access-control-allow-origin"] == "https://portal.example.org")
        let other = await api.call("GET", "/api/v1/time/now", headers: [("Origin", "https://evil.example")])
        #expect(other.status == 200)
        #expect(other.headers["access-control-allow-origin"] == nil)
        let preflight = await api.call(
            "OPTIONS", "/api/v1/appointments",
            headers: [("Origin", "https://portal.example.org"), ("Access-Control-Request-Method", "POST")])
        #expect(preflight.status == 204)
        #expect(preflight.headers["access-control-allow-headers"]?.contains("Authorization") == true)
        await h.stop()

        // Without origins: no CORS header for anyone.
        let plain = try WebhookHarness()
        try await plain.start()
        let none = await APIClient(port: plain.port).call("GET", "/api/v1/time/now", headers: [("Origin", "https://portal.example.org")])
        #expect(none.headers["access-control-allow-origin"] == nil)
        await plain.stop()
    }

    @Test func theAPICanBeTurnedOffAndIsConfiguredFromTheFileAndTheEnvironment() async throws {
        let off = try WebhookHarness(api: APIOptions(enabled: false))
        try await off.start()
        #expect(await APIClient(port: off.port).call("GET", "/api/v1/time/now").status == 404)
        #expect(await HTTPProbe.send(port: off.port, HTTPProbe.request("GET", "/healthz")).status == 200)
        await off.stop()

        let dir = try TemporaryDirectory()
        let file = dir.path("clinic.toml")
        try "[api]\nenabled = false\ncors_origins = [\"https://a.example\", \"https://b.example\"]\nsign_ins_per_minute = 30\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let config = try ConfigLoader.load(flags: .init(configPath: file), environment: [:])
        #expect(config.api == APIOptions(enabled: false, corsOrigins: ["https://a.example", "https://b.example"], signInsPerMinute: 30))
        let env = try ConfigLoader.load(
            flags: .init(configPath: file),
            environment: ["CLINIC_API_ENABLED": "true", "CLINIC_API_CORS_ORIGINS": "https://c.example, https://d.example"])
        #expect(env.api.enabled && env.api.corsOrigins == ["https://c.example", "https://d.example"])
        try "[api]\ncors_origins = \"https://a.example\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: ClinicError.self) { try ConfigLoader.load(flags: .init(configPath: file), environment: [:]) }
    }
}
