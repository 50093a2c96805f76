import ClinicTesting
import Foundation
import Testing

/// `clinic seed` and `clinic stats` through the real binary.
@Suite struct CLISeedStatsTests {
    private func seed(_ clinic: CLIClinic, _ extra: [String] = []) throws -> ProcessResult {
        try clinic.run(["seed", "--out", clinic.directory.url.path] + extra)
    }

    @Test func seedWritesAValidReportAndPrivateCredentials() throws {
        let clinic = try CLIClinic(now: "2026-11-25T15:00:00Z")
        let r = try seed(clinic)
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.stdout.contains("validation ok"))
        #expect(r.stderr.contains("seed: writing"), "plain progress lines when not on a terminal")

        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: clinic.directory.url.appendingPathComponent("report.json"))) as? [String: Any]
        let validation = report?["validation"] as? [String: Any]
        #expect(validation?["ok"] as? Bool == true)
        #expect(report?["appointments"] as? Int == 500)
        #expect((report?["doctors"] as? [Any])?.count == 10)

        let credentials = clinic.directory.path("credentials_doctors.json")
        let mode = try FileManager.default.attributesOfItem(atPath: credentials)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let accounts =
            (try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: credentials))) as? [String: Any])?["accounts"] as? [[String: Any]]
        #expect(accounts?.filter { $0["role"] as? String == "doctor" }.count == 10)
        #expect(accounts?.allSatisfy { ($0["password"] as? String)?.count == 14 } == true)

        // Seeding again is refused without --replace, and nothing changes
        let again = try seed(clinic)
        #expect(again.exitCode == 2)
        #expect(again.stderr.contains("--replace"))
        // --replace says what it would remove and, without a terminal, needs --yes
        let unconfirmed = try seed(clinic, ["--replace", "--appointments", "300"])
        #expect(unconfirmed.exitCode == 2 && unconfirmed.stderr.contains("add --yes"), "\(unconfirmed.stderr)")
        #expect(unconfirmed.stderr.contains("100 patients, 10 doctors, 2 staff accounts and 500 appointments"), "\(unconfirmed.stderr)")
        let replaced = try seed(clinic, ["--replace", "--yes", "--appointments", "300"])
        #expect(replaced.exitCode == 0)
        #expect(replaced.stdout.contains("removed 100 patients, 10 doctors, 2 staff accounts and 500 appointments, with their history"), "\(replaced.stdout)")
        #expect(!replaced.stdout.contains("appointment_event") && !replaced.stdout.contains("sms_outbox"))
    }

    @Test func theSameSeedGivesTheSameClinicAcrossProcesses() throws {
        func listing(_ seedValue: String) throws -> String {
            let clinic = try CLIClinic(now: "2026-11-25T15:00:00Z")
            #expect(try seed(clinic, ["--random-seed", seedValue, "--appointments", "200", "--patients", "50"]).exitCode == 0)
            return try clinic.run("appointments", "--json").stdout + clinic.run("user", "list", "--json").stdout
        }
        let a = try listing("9"), b = try listing("9"), c = try listing("10")
        #expect(a == b)
        #expect(a != c)
        #expect(a.contains("\"code\""))
    }

    @Test func statsTableAndJSON() throws {
        let clinic = try CLIClinic(now: "2026-11-25T15:00:00Z")
        #expect(try seed(clinic).exitCode == 0)

        let table = try clinic.run("stats")
        #expect(table.exitCode == 0)
        #expect(table.stdout.contains("Whole clinic — by month (America/New_York)"))
        #expect(table.stdout.contains("█"))
        #expect(table.stdout.contains("overall: 500 appointments"))

        let json = try clinic.json("stats", "--group-by", "day", "--limit", "3")
        let periods = json.object["periods"] as? [[String: Any]] ?? []
        #expect(periods.count == 3)
        #expect(json.object["group_by"] as? String == "day")
        #expect((json.object["overall"] as? [String: Any])?["total"] as? Int == 500)
        let labels = periods.compactMap { $0["period"] as? String }
        #expect(labels == labels.sorted(by: >), "newest first")

        let doctor = try clinic.json("stats", "--doctor", "3", "--limit", "12")
        let total = (doctor.object["periods"] as? [[String: Any]] ?? []).compactMap { $0["total"] as? Int }.reduce(0, +)
        #expect(total == (doctor.object["overall"] as? [String: Any])?["total"] as? Int)

        let bad = try clinic.run("stats", "--group-by", "week")
        #expect(bad.exitCode == 2)
        #expect(bad.stderr.hasPrefix("clinic: invalid_input:"))
        let notDoctor = try clinic.run("stats", "--doctor", "desk@clinic.example")
        #expect(notDoctor.stderr.hasPrefix("clinic: not_found:"))
    }
}
