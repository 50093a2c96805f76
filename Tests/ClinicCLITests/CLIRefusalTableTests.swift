import ClinicTesting
import Foundation
import Testing

/// `RefusalTable` through the real binary: each case's exit status, one
/// stderr line naming its code, the `--json` envelope, and the clinic
/// unchanged. `ServeAPIRefusalTests` runs the same table over HTTP.
@Suite struct CLIRefusalTableTests {
    let cli: CLIClinic
    let clinic: RefusalTable.Clinic

    init() throws {
        cli = try CLIClinic()
        clinic = try RefusalTable.prepare(cli)
    }

    private func arguments(_ c: RefusalTable.Case) -> [String] {
        switch c.action {
        case .book(let doctor, let patient, let start, let reason):
            ["book", "--doctor", doctor.email, "--patient", patient.email, "--start", start.description, "--reason", reason, "--as", c.actor.email]
        case .move(let verb, let target):
            [verb.rawValue, clinic.code(target), "--as", c.actor.email]
        case .stats(let doctor):
            ["stats"] + (doctor.map { ["--doctor", $0.email] } ?? []) + ["--as", c.actor.email]
        }
    }

    private func check(_ cases: [RefusalTable.Case]) throws {
        let before = try RefusalTable.snapshot(cli)
        #expect(before.split(separator: "\n").count == 2)
        for c in cases {
            let args = arguments(c)
            let text = try cli.run(args)
            #expect(text.exitCode == RefusalTable.exitStatus(c.code), "\(c): \(text.stderr)")
            #expect(text.stdout.isEmpty, "\(c)")
            #expect(text.stderr.split(separator: "\n").count == 1 && text.stderr.hasPrefix("clinic: \(c.code): "), "\(c): \(text.stderr)")
            let json = try cli.run(args + ["--json"])
            #expect(json.exitCode == RefusalTable.exitStatus(c.code), "\(c)")
            let error = (try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["error"] as? [String: Any]
            #expect(error?["code"] as? String == c.code, "\(c): \(json.stdout)")
            #expect((error?["message"] as? String)?.isEmpty == false, "\(c)")
        }
        #expect(try RefusalTable.snapshot(cli) == before, "a refusal changed the clinic")
    }

    @Test func bookingRefusals() throws { try check(RefusalTable.bookingRefusals) }

    @Test func statusRefusals() throws { try check(RefusalTable.statusRefusals) }

    @Test func statsRefusals() throws {
        try check(RefusalTable.statsRefusals)
        // and what they may see, they see
        #expect(try cli.run("stats", "--doctor", RefusalTable.Person.ana.email, "--as", RefusalTable.Person.ana.email).exitCode == 0)
        #expect(try cli.run("stats", "--as", RefusalTable.Person.desk.email).exitCode == 0)
    }
}
