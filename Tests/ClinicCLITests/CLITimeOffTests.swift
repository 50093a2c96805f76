import ClinicTesting
import Foundation
import Testing

/// `clinic user time-off`: added as entered (whole days, "to" included, a
/// DST day among them, or times), listed with ids, removed by id; refusals
/// with the contract's exit codes, and the slots that come back.
@Suite struct CLITimeOffTests {
    @Test func timeOffIsAddedListedAsEnteredAndRemoved() throws {
        let cli = try CLIClinic()
        try cli.addDoctor(email: "ana@clinic.test", phone: "+15550200001")
        try cli.addDoctor(email: "ben@clinic.test", phone: "+15550200002")

        let days = try cli.json("user", "time-off", "ana@clinic.test", "--from", "2026-03-06", "--to", "2026-03-09", "--note", "Sommerfrische")
        #expect(days.result.exitCode == 0, "\(days.result.stderr)")
        let added = try #require(days.object["time_off"] as? [String: Any])
        #expect(added["span"] as? String == "2026-03-06 to 2026-03-09")  // across the spring-forward Sunday
        #expect(added["from"] as? String == "2026-03-06T00:00:00-05:00" && added["to"] as? String == "2026-03-10T00:00:00-04:00")
        let text = try cli.run("user", "time-off", "ana@clinic.test", "--from", "2026-03-11 14:00", "--to", "2026-03-11 17:00")
        #expect(text.exitCode == 0 && text.stdout.contains("is off 2026-03-11 14:00 to 2026-03-11 17:00 (time off "), "\(text.stdout)")
        #expect(try cli.run("slots", "--doctor", "ana@clinic.test", "--date", "2026-03-09").stdout.contains("no slots"))

        let listed = try cli.json("user", "time-off", "ana@clinic.test", "--list")
        let entries = try #require(listed.object["time_off"] as? [[String: Any]])
        #expect(entries.map { $0["span"] as? String } == ["2026-03-06 to 2026-03-09", "2026-03-11 14:00 to 2026-03-11 17:00"])
        let firstID = try #require(entries.first?["id"] as? Int)
        #expect(try cli.run("user", "time-off", "ana@clinic.test", "--list").stdout.contains("Sommerfrische"))

        // Refusals: another doctor's id, an id nobody has, two modes at once, half a range
        let wrongDoctor = try cli.run("user", "time-off", "ben@clinic.test", "--remove", String(firstID))
        #expect(wrongDoctor.exitCode == 1 && wrongDoctor.stderr.hasPrefix("clinic: not_found: "), "\(wrongDoctor.stderr)")
        #expect(try cli.run("user", "time-off", "ana@clinic.test", "--remove", "9999").exitCode == 1)
        let both = try cli.run("user", "time-off", "ana@clinic.test", "--list", "--remove", "1")
        #expect(both.exitCode == 2 && both.stderr.hasPrefix("clinic: invalid_input: "), "\(both.stderr)")
        #expect(try cli.run("user", "time-off", "ana@clinic.test", "--from", "2026-03-20").exitCode == 2)
        #expect(try cli.json("user", "time-off", "ana@clinic.test", "--list").object["time_off"] as? [Any] != nil)

        let removed = try cli.json("user", "time-off", "ana@clinic.test", "--remove", String(firstID))
        #expect(removed.result.exitCode == 0 && (removed.object["removed"] as? [String: Any])?["span"] as? String == "2026-03-06 to 2026-03-09")
        #expect(try cli.run("slots", "--doctor", "ana@clinic.test", "--date", "2026-03-09").stdout.contains("free"))
        #expect((try cli.json("user", "time-off", "ana@clinic.test", "--list").object["time_off"] as? [Any])?.count == 1)
    }
}
