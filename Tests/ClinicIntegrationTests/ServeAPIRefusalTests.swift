import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// `RefusalTable` over HTTP against a running `clinic serve` on the clinic
/// the CLI made: each case's status, its error body, and the clinic
/// unchanged, with the expectations `CLIRefusalTableTests` checks on the
/// command line.
@Suite(.serialized) struct ServeAPIRefusalTests {
    struct Running {
        let cli: CLIClinic
        let clinic: RefusalTable.Clinic
        let serve: RunningProcess
        let api: APIClient
        var tokens: [RefusalTable.Person: String] = [:]
        var ids: [RefusalTable.Person: String] = [.nobody: "999999"]

        init() async throws {
            cli = try CLIClinic()
            clinic = try RefusalTable.prepare(cli)
            // serve runs on a moving clock: the CLI's pinned Monday 07:00, shifted.
            var env = cli.environment
            env["CLINIC_NOW"] = nil
            env["CLINIC_CLOCK_OFFSET"] = String(Double(TestClinic.seconds("2026-03-02T12:00:00Z")) - SystemClock().now().timeIntervalSince1970)
            env["CLINIC_SMS_GATEWAY"] = "outbox"
            let port = HTTPProbe.freePort()
            env["CLINIC_LISTEN"] = "127.0.0.1:\(port)"
            serve = try ClinicBinary.start(["serve"], environment: env)
            api = APIClient(port: port)
            #expect(try await HTTPProbe.waitUntilHealthy(port: port))
            for person in RefusalTable.Person.allCases where person != .nobody {
                let kind = person.role == .patient ? "patient" : person.role == .doctor ? "doctor" : "staff"
                let reply = await api.call("POST", "/api/v1/auth/\(kind)/login", json: ["email": person.email, "password": person.password])
                tokens[person] = try #require(reply.object["access_token"] as? String, "\(person) signs in: \(reply.body)")
                ids[person] = try #require((reply.object["user"] as? [String: Any])?["id"] as? String)
            }
        }

        func send(_ c: RefusalTable.Case) async -> APIReply {
            let token = tokens[c.actor]
            switch c.action {
            case .book(let doctor, let patient, let start, let reason):
                return await api.call(
                    "POST", "/api/v1/appointments", token: token,
                    json: ["doctorId": ids[doctor]!, "patientId": ids[patient]!, "start": RefusalTable.isoStart(start), "reason": reason])
            case .move(let verb, let target):
                return await api.call("PATCH", "/api/v1/appointments/\(clinic.code(target))/\(verb.rawValue)", token: token)
            case .stats(let doctor):
                let path = doctor.map { "/api/v1/appointments/stats/doctor/\(ids[$0]!)" } ?? "/api/v1/appointments/stats/clinic"
                return await api.call("GET", path, token: token)
            }
        }

        func check(_ cases: [RefusalTable.Case]) async throws {
            let before = try RefusalTable.snapshot(cli)
            #expect(before.split(separator: "\n").count == 2)
            for c in cases {
                let reply = await send(c)
                #expect(reply.status == RefusalTable.httpStatus[c.code], "\(c): \(reply.status) \(reply.body)")
                #expect(reply.errorCode == c.code, "\(c): \(reply.body)")
                #expect(reply.errorMessage?.isEmpty == false, "\(c)")
            }
            #expect(try RefusalTable.snapshot(cli) == before, "a refusal changed the clinic")
        }

        func stop() {
            signalProcess(serve, SIGTERM)
            _ = serve.wait()
        }
    }

    @Test func bookingRefusalsAsTheCommandLineGivesThem() async throws {
        let r = try await Running()
        try await r.check(RefusalTable.bookingRefusals)
        r.stop()
    }

    @Test func statusAndStatsRefusalsAsTheCommandLineGivesThem() async throws {
        let r = try await Running()
        try await r.check(RefusalTable.statusRefusals)
        try await r.check(RefusalTable.statsRefusals)
        r.stop()
    }
}
