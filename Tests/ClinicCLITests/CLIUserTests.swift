import ClinicTesting
import Foundation
import Testing

/// `clinic user …`, `slots`, `appointments`, status changes, `time` and `backup`
/// through the real binary.
@Suite struct CLIUserTests {
    @Test func accountsHoursTimeOffAndSlots() throws {
        let clinic = try CLIClinic()
        try clinic.addDoctor(email: "ana@clinic.test", phone: "+15550200001", hours: "mon-fri 09:00-10:00")
        try clinic.addPatient(email: "pia@clinic.test", phone: "555 010 0001")

        // user list shows both, with the phone normalised to E.164
        let list = try clinic.json("user", "list")
        let accounts = list.object["accounts"] as? [[String: Any]] ?? []
        #expect(accounts.count == 2)
        #expect(accounts.contains { $0["phone"] as? String == "+15550100001" && $0["role"] as? String == "patient" })

        // hours can be read and replaced; the slots follow
        var hours = try clinic.json("user", "hours", "ana@clinic.test", "--set", "tue 14:00-15:00")
        #expect(hours.object["hours"] as? String == "tue 14:00-15:00")
        var slots = try clinic.json("slots", "--doctor", "ana@clinic.test", "--date", "2026-03-03")
        let starts = (slots.object["slots"] as? [[String: Any]] ?? []).compactMap { $0["start"] as? String }
        #expect(starts == ["2026-03-03T14:00:00-05:00", "2026-03-03T14:30:00-05:00"])
        #expect(slots.object["timezone"] as? String == "America/New_York")

        // time off removes them
        #expect(try clinic.run("user", "time-off", "ana@clinic.test", "--from", "2026-03-03", "--to", "2026-03-03").exitCode == 0)
        slots = try clinic.json("slots", "--doctor", "ana@clinic.test", "--date", "2026-03-03")
        #expect((slots.object["slots"] as? [Any])?.isEmpty == true)

        // hours that would strand a booking are refused
        _ = try clinic.run("user", "hours", "ana@clinic.test", "--set", "tue-wed 14:00-15:00")
        #expect(
            try clinic.run(
                "book", "--doctor", "ana@clinic.test", "--patient", "pia@clinic.test",
                "--start", "2026-03-04 14:00", "--reason", "Follow-up"
            ).exitCode == 0)
        let refused = try clinic.run("user", "hours", "ana@clinic.test", "--set", "tue 14:00-15:00")
        #expect(refused.exitCode == 1)
        #expect(refused.stderr.hasPrefix("clinic: conflict: ") && refused.stderr.contains("move or cancel them first"))
        hours = try clinic.json("user", "hours", "ana@clinic.test")
        #expect(hours.object["hours"] as? String == "tue-wed 14:00-15:00")
    }

    @Test func passwordsAndDeactivation() throws {
        let clinic = try CLIClinic()
        #expect(
            try clinic.run(
                "user", "add", "--role", "receptionist", "--name", "Rita", "--email", "rita@clinic.test",
                "--phone", "+15550300001"
            ).exitCode == 0)
        var rita = try clinic.json("user", "list", "--role", "receptionist")
        #expect((rita.object["accounts"] as? [[String: Any]])?.first?["has_password"] as? Bool == false)

        let set = try clinic.run("user", "passwd", "rita@clinic.test", "--password-stdin", stdin: "a-long-secret\n")
        #expect(set.exitCode == 0, "\(set.stderr)")
        rita = try clinic.json("user", "list", "--role", "receptionist")
        #expect((rita.object["accounts"] as? [[String: Any]])?.first?["has_password"] as? Bool == true)

        #expect(try clinic.run("user", "deactivate", "rita@clinic.test").exitCode == 0)
        rita = try clinic.json("user", "list", "--role", "receptionist")
        #expect((rita.object["accounts"] as? [[String: Any]])?.first?["active"] as? Bool == false)

        // a deactivated account cannot act
        let acting = try clinic.run("confirm", "ABCDEF", "--as", "rita@clinic.test")
        #expect(acting.stderr.hasPrefix("clinic: forbidden:"))

        // activated again, it can
        let activated = try clinic.json("user", "activate", "rita@clinic.test")
        #expect((activated.object["account"] as? [String: Any])?["active"] as? Bool == true, "\(activated.result.stderr)")
        #expect(try clinic.run("confirm", "ABCDEF", "--as", "rita@clinic.test").stderr.hasPrefix("clinic: not_found:"))
    }

    @Test func statusLifecycleAndAppointmentsListing() throws {
        let clinic = try CLIClinic()
        try clinic.addDoctor(email: "ana@clinic.test", phone: "+15550200001")
        try clinic.addPatient(email: "pia@clinic.test", phone: "+15550100001")
        _ = try clinic.run(
            "user", "add", "--role", "receptionist", "--name", "Rita", "--email", "rita@clinic.test",
            "--phone", "+15550300001", "--password", "a-long-secret")
        let booked = try clinic.json(
            "book", "--doctor", "ana@clinic.test", "--patient", "pia@clinic.test",
            "--start", "2026-03-02 09:00", "--reason", "Check-up")
        let appointment = try #require(booked.object["appointment"] as? [String: Any])
        let code = try #require(appointment["code"] as? String)
        #expect(appointment["start"] as? String == "2026-03-02T09:00:00-05:00")
        #expect(appointment["end"] as? String == "2026-03-02T09:30:00-05:00")
        #expect(appointment["status"] as? String == "scheduled")

        #expect(try clinic.json("confirm", code, "--as", "pia@clinic.test").object.description.contains("confirmed"))
        // The clock moves to 09:05 local: check-in, then complete by the doctor
        clinic.environment["CLINIC_NOW"] = "2026-03-02T14:05:00Z"
        let checked = try clinic.json("check-in", code, "--as", "rita@clinic.test")
        #expect((checked.object["appointment"] as? [String: Any])?["status"] as? String == "checked_in")
        let done = try clinic.json("complete", code, "--as", "ana@clinic.test")
        #expect((done.object["appointment"] as? [String: Any])?["status"] as? String == "completed")

        let day = try clinic.json("appointments", "--date", "2026-03-02", "--status", "completed")
        #expect((day.object["appointments"] as? [[String: Any]])?.map { $0["code"] as? String } == [code])
        let otherDay = try clinic.json("appointments", "--date", "2026-03-03")
        #expect((otherDay.object["appointments"] as? [Any])?.isEmpty == true)
    }

    @Test func theSlotsTableNamesBothOffsetsOfASlotAcrossTheClockChange() throws {
        // Given a New York doctor working 00:00–04:00 on the Sunday clocks go back
        let clinic = try CLIClinic(now: "2026-10-01T12:00:00Z")
        try clinic.addDoctor(email: "d@x.org", phone: "+15550006001", hours: "sun 00:00-04:00")
        let lines = try clinic.run("slots", "--doctor", "d@x.org", "--date", "2026-11-01").stdout.split(separator: "\n").map(String.init)
        // Then the slot that spans the change shows where it starts and ends, and both 01:00s are told apart
        #expect(
            lines.contains("01:00-01:30 -04:00  free") && lines.contains("01:30 -04:00-01:00 -05:00  free")
                && lines.contains("01:00-01:30 -05:00  free"), "\(lines)")
        // Booked in both 01:00s, the text output tells them apart; other times stay plain
        try clinic.addPatient(email: "p@x.org", phone: "+15550006002")
        try clinic.addPatient(email: "q@x.org", phone: "+15550006003")
        let first = try clinic.run("book", "--doctor", "d@x.org", "--patient", "p@x.org", "--start", "2026-11-01 01:00", "--reason", "x")
        #expect(first.stdout.contains("2026-11-01 01:00 -04:00 "), "\(first.stdout)")
        #expect(
            try clinic.run(
                "book", "--doctor", "d@x.org", "--patient", "q@x.org", "--start", "2026-11-01T01:00:00-05:00",
                "--reason", "x"
            ).stdout.contains("2026-11-01 01:00 -05:00 "))
        #expect(
            try clinic.run(
                "book", "--doctor", "d@x.org", "--patient", "p@x.org", "--start", "2026-11-01 03:00",
                "--reason", "x"
            ).stdout.contains("2026-11-01 03:00 "))
        let table = try clinic.run("appointments", "--date", "2026-11-01").stdout
        #expect(table.contains("01:00 -04:00") && table.contains("01:00 -05:00") && !table.contains("03:00 -05:00"), "\(table)")
    }

    @Test(.enabled(if: !TestDatabase.isPostgres, "backs up a SQLite file")) func timeAndBackup() throws {
        let clinic = try CLIClinic(timeZone: "Asia/Kolkata", now: "2026-06-01T00:00:00Z")
        let time = try clinic.json("time")
        #expect(time.object["local"] as? String == "2026-06-01T05:30:00+05:30")
        #expect(time.object["utc"] as? String == "2026-06-01T00:00:00Z")

        try clinic.addPatient(email: "pia@clinic.test", phone: "+15550100001")
        let copy = clinic.directory.path("copy.sqlite")
        #expect(try clinic.run("backup", copy).exitCode == 0)
        let fromCopy = try clinic.run("user", "list", "--json", "--db", copy)
        #expect(fromCopy.stdout.contains("pia@clinic.test"))
        let again = try clinic.run("backup", copy)
        #expect(again.exitCode == 2, "refuses to overwrite")

        // A mistyped database is not created and "backed up"; a missing folder is bad input, not an internal failure
        let typo = clinic.directory.path("typo.sqlite")
        let noSource = try clinic.run("backup", "--db", typo, clinic.directory.path("b.sqlite"))
        #expect(noSource.exitCode == 2 && noSource.stderr.contains("there is no database at \(typo)"), "\(noSource.stderr)")
        #expect(!FileManager.default.fileExists(atPath: typo) && !FileManager.default.fileExists(atPath: clinic.directory.path("b.sqlite")))
        let noFolder = try clinic.json("backup", clinic.directory.path("missing/b.sqlite"))
        #expect(noFolder.result.exitCode == 2)
        #expect((noFolder.object["error"] as? [String: Any])?["code"] as? String == "invalid_input")
    }
}
