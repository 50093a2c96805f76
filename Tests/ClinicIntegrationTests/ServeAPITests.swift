import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// The HTTP API of a running `clinic serve`: live events from other
/// processes, a client written for the original backend, and schemathesis
/// checking every route against the served OpenAPI document.
@Suite(.serialized) struct ServeAPITests {
    /// `clinic serve` on a free port, up (its health answers); the doctor and
    /// the fixture's patient have passwords; a second patient signs up.
    struct Running {
        let f: ServeFixture
        let port: Int
        let env: [String: String]
        let serve: RunningProcess
        let api: APIClient

        init(environment extra: [String: String] = [:]) async throws {
            f = try ServeFixture(appointments: 1)
            let doctor = try f.store.account(matching: "ana@clinic.test"), patient = try f.store.account(matching: "jose@clinic.test")
            try f.store.setPassword(accountID: doctor.id, to: "doctor-password", by: .shell)
            try f.store.setPassword(accountID: patient.id, to: "patient-password", by: .shell)
            port = HTTPProbe.freePort()
            var env = f.environment()
            env["CLINIC_LISTEN"] = "127.0.0.1:\(port)"
            env.merge(extra) { $1 }
            self.env = env
            serve = try ClinicBinary.start(["serve"], environment: env)
            api = APIClient(port: port)
            #expect(try await HTTPProbe.waitUntilHealthy(port: port))
        }

        func stop() -> ProcessResult {
            signalProcess(serve, SIGTERM)
            return serve.wait()
        }
    }

    @Test func aBookingMadeWithTheCLIArrivesOnOpenStreamsOfThoseWhoMaySeeIt() async throws {
        let r = try await Running()
        let jose = try #require(await r.api.signIn("patient", "jose@clinic.test", "patient-password"))
        let signUp = await r.api.call(
            "POST", "/api/v1/auth/patient/signup",
            json: ["name": "민지 박", "email": "minji@x.test", "phone": "+15550108888", "password": "minji-password-1"])
        let minji = try #require(signUp.object["access_token"] as? String)

        // Both streams open before the bookings.
        let opened = Counter()
        async let joseStream = r.api.stream(
            "/api/v1/events", headers: [("Authorization", "Bearer \(jose)")], timeout: 30, started: { opened.add() },
            until: { $0.contains("\"reason\":\"Second visit\"") })
        async let minjiStream = r.api.stream(
            "/api/v1/events?access_token=\(minji)", timeout: 30, started: { opened.add() },
            until: { $0.contains("\"reason\":\"Minji's visit\"") })
        for _ in 0..<200 where opened.value < 2 { try await Task.sleep(nanoseconds: 20_000_000) }
        #expect(opened.value == 2)

        // Another process books José, then Minji.
        let first = try ClinicBinary.run(
            ["book", "--doctor", "ana@clinic.test", "--patient", "jose@clinic.test", "--start", "2026-03-03 15:00", "--reason", "Second visit"],
            environment: r.env)
        #expect(first.exitCode == 0, "\(first.stderr)")
        let second = try ClinicBinary.run(
            ["book", "--doctor", "ana@clinic.test", "--patient", "minji@x.test", "--start", "2026-03-03 15:30", "--reason", "Minji's visit"],
            environment: r.env)
        #expect(second.exitCode == 0, "\(second.stderr)")
        let (joseText, minjiText) = await (joseStream, minjiStream)
        _ = r.stop()

        #expect(joseText.contains("text/event-stream"))
        #expect(joseText.contains("event: appointment"))
        #expect(joseText.contains("\"type\":\"created\""))
        #expect(joseText.contains("\"reason\":\"Second visit\""))
        #expect(!joseText.contains("Minji's visit"))
        // Minji's own came after José's: had José's been shown to her, it would be there first.
        #expect(minjiText.contains("\"reason\":\"Minji's visit\""))
        #expect(!minjiText.contains("Second visit"))
    }

    @Test func aStreamResumesAfterLastEventID() async throws {
        let r = try await Running()
        let jose = try #require(await r.api.signIn("patient", "jose@clinic.test", "patient-password"))
        let code = r.f.codes[0]
        _ = await r.api.call("PATCH", "/api/v1/appointments/\(code)/confirm", token: jose)
        // From the start of the trail: the booking and the confirmation, with their ids.
        let all = await r.api.stream(
            "/api/v1/events", headers: [("Authorization", "Bearer \(jose)"), ("Last-Event-ID", "0")], timeout: 30,
            until: { $0.contains("\"type\":\"confirmed\"") })
        let ids = all.components(separatedBy: "\n").filter { $0.hasPrefix("id: ") }.compactMap { Int64($0.dropFirst(4)) }
        #expect(ids.count == 2)
        let resumed = await r.api.stream(
            "/api/v1/events", headers: [("Authorization", "Bearer \(jose)"), ("Last-Event-ID", String(ids.first ?? 0))], timeout: 30,
            until: { $0.contains("\"type\":\"confirmed\"") })
        _ = r.stop()
        #expect(!resumed.contains("\"type\":\"created\""))
        #expect(resumed.contains("id: \(ids.last ?? -1)"))
    }

    @Test func aClientWrittenForTheOriginalBackendWorksWithOnlyItsBaseURLChanged() async throws {
        let r = try await Running()
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("clients/original_client.py").path
        let client = try RunningProcess(
            "/usr/bin/env", ["python3", script, "http://127.0.0.1:\(r.port)", "ana@clinic.test", "doctor-password", "2026-03-03"],
            environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        ).wait()
        let stopped = r.stop()
        #expect(client.exitCode == 0, "\(client.stdout)\n\(client.stderr)")
        #expect(client.stdout.contains("the original's client works"))
        #expect(stopped.exitCode == 0, "\(stopped.stderr)")
    }
}

extension ServeAPITests {
    @Test func schemathesisFindsNoServerErrorAndEveryAnswerMatchesTheDocument() async throws {
        // Sign-ins limited only loosely and hashed cheaply, so the auth routes are tested beyond their 429.
        let r = try await Running(environment: ["CLINIC_API_SIGN_INS_PER_MINUTE": "6000", "CLINIC_PASSWORD_ITERATIONS": "1000"])
        let admin = try r.f.store.createAccount(
            NewAccount(role: .admin, name: "Ada Admin", email: "ada@clinic.test", phone: "+15550300009", password: "admin-password"), by: .shell)
        #expect(admin.role == .admin)
        let token = try #require(await r.api.signIn("staff", "ada@clinic.test", "admin-password"))
        // One worker: hypothesis describing its filters from two threads at once trips a CPython 3.11 AST bug.
        let report = r.f.directory.path("schemathesis")
        let run = try RunningProcess(
            "/usr/bin/env",
            [
                "schemathesis", "run", "http://127.0.0.1:\(r.port)/openapi.json", "--header", "Authorization: Bearer \(token)",
                "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
                "--max-examples", "10", "--seed", "20261204", "--workers", "1", "--request-timeout", "3",
                "--no-color", "--report-dir", report,
            ],
            environment: [
                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": r.f.directory.url.path,
                "SCHEMATHESIS_HOOKS": "", "NO_COLOR": "1",
            ]
        ).wait()
        let stopped = r.stop()
        #expect(run.exitCode == 0, "schemathesis (installed by scripts/install-deps):\n\(run.stdout.suffix(6000))\n\(run.stderr.suffix(2000))")
        #expect(run.stdout.contains("Tested: 28"), "every operation was tested: \(run.stdout.suffix(2000))")
        #expect(stopped.exitCode == 0, "\(stopped.stderr.suffix(2000))")
        #expect(!stopped.stderr.contains("api request failed"), "no route failed inside: \(stopped.stderr.suffix(3000))")
    }
}

/// A count shared with a stream's thread.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add() { lock.withLock { n += 1 } }
    var value: Int { lock.withLock { n } }
}
