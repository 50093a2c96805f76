import ClinicTesting
import Foundation
import Testing

/// Settings come from defaults < clinic.toml < environment < flags (DESIGN §3).
@Suite struct CLIConfigTests {
    private func timezone(_ clinic: CLIClinic, _ extra: [String] = []) throws -> ProcessResult {
        try clinic.run(["time", "--json"] + extra)
    }

    private func zoneOf(_ r: ProcessResult) -> String? {
        ((try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [String: Any])?["timezone"] as? String
    }

    @Test func defaultsThenFileThenEnvironmentThenFlags() throws {
        let clinic = try CLIClinic()
        clinic.environment["CLINIC_TIMEZONE"] = nil
        let db1 = clinic.directory.path("one.sqlite")

        // Defaults: UTC
        #expect(zoneOf(try timezone(clinic, ["--db", db1])) == "UTC")

        // A config file sets the zone and the database
        let file = clinic.directory.path("clinic.toml")
        let db2 = clinic.directory.path("two.sqlite")
        try "database = \"\(db2)\"\n[clinic]\ntimezone = \"Asia/Kolkata\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        clinic.environment["CLINIC_DB"] = nil
        clinic.environment["CLINIC_DATABASE_URL"] = nil  // (a PostgreSQL run's): this test is about database files
        let fromFile = try timezone(clinic, ["--config", file])
        #expect(zoneOf(fromFile) == "Asia/Kolkata", "\(fromFile.stderr)")
        #expect(FileManager.default.fileExists(atPath: db2), "the file chose the database")
        #expect((try clinic.run("time", "--json", "--config", file)).stdout.contains("+05:30"))

        // The environment beats the file
        clinic.environment["CLINIC_TIMEZONE"] = "Europe/London"
        #expect(zoneOf(try timezone(clinic, ["--config", file])) == "Europe/London")

        // A flag beats the environment: --db picks another database file
        let db3 = clinic.directory.path("three.sqlite")
        clinic.environment["CLINIC_DB"] = db2
        _ = try timezone(clinic, ["--config", file, "--db", db3])
        #expect(FileManager.default.fileExists(atPath: db3))
    }

    @Test func aBadConfigFileIsAClearError() throws {
        let clinic = try CLIClinic()
        let file = clinic.directory.path("bad.toml")

        try "[clinic]\ntimezone = \"Mars/Olympus\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        var r = try clinic.run("time", "--config", file)
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("Mars/Olympus"))

        try "[clinic]\ntimezon = \"UTC\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        r = try clinic.run("time", "--config", file)
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("unknown key 'clinic.timezon'"))

        try "[clinic]\nreminder_lead_minutes = \"three hours\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        r = try clinic.run("time", "--config", file)
        #expect(r.stderr.contains("must be a whole number"))

        try "[clinic\nname = 1\n".write(toFile: file, atomically: true, encoding: .utf8)
        r = try clinic.run("time", "--config", file)
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("bad.toml:1"), "parse errors name file:line: \(r.stderr)")

        r = try clinic.run("time", "--config", clinic.directory.path("missing.toml"))
        #expect(r.stderr.contains("cannot read the config file"))

        // each valid, not together: a lease shorter than a send could send a message twice
        try "scheduler_lease_seconds = 10\n[sms]\ntimeout_seconds = 15\n".write(toFile: file, atomically: true, encoding: .utf8)
        r = try clinic.run("time", "--config", file)
        #expect(r.exitCode == 2 && r.stderr.contains("must be longer than the SMS timeout_seconds"), "\(r.stderr)")
        clinic.environment["CLINIC_LOG_LEVEL"] = "verbose"
        r = try clinic.run("time")
        #expect(r.exitCode == 2 && r.stderr.contains("CLINIC_LOG_LEVEL must be"), "\(r.stderr)")
    }

    private static var exampleConfig: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("clinic.example.toml").path
    }

    @Test func theShippedExampleConfigDocumentsEveryKeyCommentedOutAndItsDefaultsLoad() throws {
        let text = try String(contentsOfFile: Self.exampleConfig, encoding: .utf8)
        for key in [
            "database", "theme", "scheduler", "log_file", "name", "timezone", "reminder_lead_minutes",
            "no_show_grace_minutes", "default_country_code", "listen", "public_url", "gateway", "account_sid",
            "auth_token", "from", "api_base", "password_iterations", "idle_minutes",
        ] {
            #expect(text.contains("\n# \(key) ="), "example documents \(key), commented out")
            #expect(!text.contains("\n\(key) ="), "a copy as it is sets no \(key)")
        }
        // Every documented default, uncommented, is a valid configuration.
        let clinic = try CLIClinic()
        clinic.environment["CLINIC_TIMEZONE"] = nil
        let uncommented = clinic.directory.path("uncommented.toml")
        try text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.range(of: #"^# [a-z_]+ = "#, options: .regularExpression) != nil ? String(line.dropFirst(2)) : String(line)
        }.joined(separator: "\n").write(toFile: uncommented, atomically: true, encoding: .utf8)
        let r = try clinic.run("time", "--json", "--config", uncommented, "--db", clinic.directory.path("ex.sqlite"))
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(zoneOf(r) == "UTC")
    }

    @Test func aConfiguredZoneNeverMovesAClinicThatHasAppointments() throws {
        // Given a New York clinic with one appointment
        let clinic = try CLIClinic()
        try clinic.addDoctor(email: "d@x.org", phone: "+15550001001")
        try clinic.addPatient(email: "p@x.org", phone: "+15550001002")
        let booked = try clinic.run("book", "--doctor", "d@x.org", "--patient", "p@x.org", "--start", "2026-03-03 09:00", "--reason", "Check-up")
        #expect(booked.exitCode == 0, "\(booked.stderr)")
        let listed = try clinic.run("appointments")
        // When a read-only command runs with a stray CLINIC_TIMEZONE, then it is refused and the zone stays
        clinic.environment["CLINIC_TIMEZONE"] = "UTC"
        let refused = try clinic.run("appointments", "--json")
        #expect(refused.exitCode == 1)
        #expect(refused.stdout.contains("\"conflict\"") && refused.stdout.contains("America/New_York"), "\(refused.stdout)")
        let plain = try clinic.run("appointments")
        #expect(plain.stderr.split(separator: "\n").count == 1 && plain.stderr.contains("has appointments"), "\(plain.stderr)")
        // When the shipped example is copied as it is, then nothing changes either
        clinic.environment["CLINIC_TIMEZONE"] = nil
        let copy = clinic.directory.path("clinic.toml")
        try FileManager.default.copyItem(atPath: Self.exampleConfig, toPath: copy)
        #expect(zoneOf(try timezone(clinic, ["--config", copy])) == "America/New_York")
        #expect(try clinic.run("appointments", "--config", copy).stdout == listed.stdout)
        // The same zone as stored is fine; an empty clinic may still be moved (setting up)
        clinic.environment["CLINIC_TIMEZONE"] = "America/New_York"
        #expect(try clinic.run("appointments").exitCode == 0)
        clinic.environment["CLINIC_TIMEZONE"] = "Europe/London"
        #expect(zoneOf(try timezone(clinic, ["--db", clinic.directory.path("empty.sqlite")])) == "Europe/London")
    }
}
