import ClinicTesting
import Foundation
import GRDB
import Testing

/// Every refusal code of DESIGN §2 through the real binary: exit status, one
/// stderr line, the JSON envelope, and nothing changed in the database.
@Suite struct CLIRefusalTests {
    let clinic: CLIClinic

    init() throws {
        clinic = try CLIClinic()
        try clinic.addDoctor(email: "ana@clinic.test", phone: "+15550200001")
        try clinic.addDoctor(email: "ben@clinic.test", phone: "+15550200002")
        try clinic.addPatient(email: "pia@clinic.test", phone: "+15550100001")
        try clinic.addPatient(email: "quin@clinic.test", phone: "+15550100002")
    }

    private func book(
        _ start: String, doctor: String = "ana@clinic.test", patient: String = "pia@clinic.test",
        reason: String = "Check-up", extra: [String] = []
    ) throws -> ProcessResult {
        try clinic.run(["book", "--doctor", doctor, "--patient", patient, "--start", start, "--reason", reason] + extra)
    }

    private func appointmentCount() throws -> Int {
        let r = try clinic.run("appointments", "--json")
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        return try #require(object?["appointments"] as? [Any], "appointments --json gave no list: \(r.stdout) \(r.stderr)").count
    }

    /// Checks the text form (exit status + one stderr line naming the code) and the JSON envelope.
    private func expectRefusal(_ code: String, exit: Int32 = 1, _ args: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try appointmentCount()
        let text = try clinic.run(args)
        #expect(text.exitCode == exit, "exit for \(code)", sourceLocation: sourceLocation)
        #expect(text.stdout.isEmpty, sourceLocation: sourceLocation)
        let lines = text.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one stderr line: \(text.stderr)", sourceLocation: sourceLocation)
        #expect(text.stderr.hasPrefix("clinic: \(code): "), "stderr: \(text.stderr)", sourceLocation: sourceLocation)

        let json = try clinic.run(args + ["--json"])
        #expect(json.exitCode == exit, sourceLocation: sourceLocation)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let error = object?["error"] as? [String: Any]
        #expect(error?["code"] as? String == code, "json: \(json.stdout)", sourceLocation: sourceLocation)
        #expect((error?["message"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
        #expect(try appointmentCount() == before, "nothing changed", sourceLocation: sourceLocation)
    }

    private func bookArgs(
        _ start: String, doctor: String = "ana@clinic.test", patient: String = "pia@clinic.test",
        reason: String = "Check-up"
    ) -> [String] {
        ["book", "--doctor", doctor, "--patient", patient, "--start", start, "--reason", reason]
    }

    @Test func refusalsOnlyTheCommandLineCanMake() throws {
        // Booking refusals and the status machine's are RefusalTable's (CLIRefusalTableTests);
        // these come from what only a command line takes: local wall times and typed codes.
        #expect(try book("2026-03-03 09:00").exitCode == 0)
        try expectRefusal("invalid_input", exit: 2, bookArgs("2026-03-08 02:30"))  // does not exist in New York
        try expectRefusal("invalid_input", exit: 2, ["confirm", "K7Q"])
        try expectRefusal("invalid_input", exit: 2, ["confirm", "NOPE10"])  // O and 1 are not in the alphabet
        #expect(try clinic.run("confirm", "NOPE10").stderr.contains("(no I, L, O, 0 or 1)"))
        #expect(try clinic.run("appointments", "--doctor", "pia@clinic.test").stderr.contains("is a patient, not a doctor"))
    }

    @Test func accountInputRefusals() throws {
        let base = ["user", "add", "--role", "patient", "--name", "Zoë", "--password", "long-enough"]
        try expectRefusal("invalid_input", exit: 2, base + ["--email", "zoe@clinic.test", "--phone", "555-CALL-NOW"])
        try expectRefusal("invalid_input", exit: 2, base + ["--email", "zoe@clinic.test", "--phone", "+0123456789"])
        try expectRefusal("invalid_input", exit: 2, base + ["--email", "not-an-email", "--phone", "+15550100009"])
        try expectRefusal(
            "invalid_input", exit: 2,
            [
                "user", "add", "--role", "doctor", "--name", "Dr X", "--email", "x@clinic.test",
                "--phone", "+15550200009", "--specialization", "GP", "--hours", "mon 09:00-12:00,11:00-13:00",
            ])
        try expectRefusal("invalid_input", exit: 2, ["user", "add", "--role", "wizard", "--name", "W", "--email", "w@clinic.test", "--phone", "+15550200019"])
        try expectRefusal("not_found", ["user", "passwd", "ghost@clinic.test", "--password", "whatever1"])
        try expectRefusal("invalid_input", exit: 2, ["user", "passwd", "pia@clinic.test", "--password", "short"])
        // flags of another role, two password sources, a birth date to come: refused, nothing created
        let patient = ["user", "add", "--role", "patient", "--name", "New", "--email", "new@clinic.test", "--phone", "+15550100099"]
        try expectRefusal("invalid_input", exit: 2, patient + ["--hours", "mon 09:00-10:00"])
        try expectRefusal("invalid_input", exit: 2, patient + ["--slot-minutes", "20"])
        try expectRefusal(
            "invalid_input", exit: 2,
            [
                "user", "add", "--role", "receptionist", "--name", "R", "--email", "r@clinic.test",
                "--phone", "+15550300009", "--age", "40",
            ])
        try expectRefusal("invalid_input", exit: 2, patient + ["--password", "long-enough-1", "--password-stdin"])
        try expectRefusal("invalid_input", exit: 2, patient + ["--birth-date", "2030-01-01"])
        #expect(try clinic.run("user", "list", "--role", "patient").stdout.contains("new@clinic.test") == false)
        #expect(try clinic.run(patient + ["--birth-date", "1990-05-17"]).exitCode == 0)
        // hours that could never hold a slot, and an empty --set, are refused; ana keeps her hours
        let before = try clinic.run("user", "hours", "ana@clinic.test").stdout
        try expectRefusal("invalid_input", exit: 2, ["user", "hours", "ana@clinic.test", "--set", "mon 09:00-09:20"])
        #expect(
            try clinic.run("user", "hours", "ana@clinic.test", "--set", "mon 09:00-09:20").stderr.contains("mon 09:00-09:20 is shorter than one 30-minute slot")
        )
        try expectRefusal("invalid_input", exit: 2, ["user", "hours", "ana@clinic.test", "--set", ""])
        #expect(try clinic.run("user", "hours", "ana@clinic.test").stdout == before)
        try expectRefusal(
            "invalid_input", exit: 2,
            [
                "user", "add", "--role", "doctor", "--name", "Dr S", "--email", "s@clinic.test",
                "--phone", "+15550200077", "--specialization", "GP", "--slot-minutes", "45",
                "--hours", "tue 09:00-09:30",
            ])
    }

    @Test func sqlLookingInputIsStoredVerbatimAndHarmless() throws {
        // Given a reason and a name that look like SQL
        let evil = "x'); DROP TABLE appointment; --"
        let added = try clinic.run(
            "user", "add", "--role", "patient", "--name", evil, "--email", "robert@clinic.test",
            "--phone", "+15550100077", "--password", "long-enough")
        #expect(added.exitCode == 0)
        let booked = try clinic.json(
            "book", "--doctor", "ana@clinic.test", "--patient", "robert@clinic.test",
            "--start", "2026-03-03 10:00", "--reason", evil)
        // Then they are stored as typed and the tables are intact
        let appointment = try #require(booked.object["appointment"] as? [String: Any])
        #expect(appointment["reason"] as? String == evil)
        #expect((appointment["patient"] as? [String: Any])?["name"] as? String == evil)
        #expect(try appointmentCount() == 1)
        // And an SQL-looking reference finds nobody
        try expectRefusal("not_found", bookArgs("2026-03-03 11:00", patient: "' OR 1=1 --"))
    }

    @Test func commandLinesThatDoNotParseAreBadInputInTheContractsForm() throws {
        // A missing option, a missing value, an unknown option, a negative limit: exit 2, one line, the envelope
        try expectRefusal("invalid_input", exit: 2, ["book", "--doctor", "ana@clinic.test"])
        try expectRefusal("invalid_input", exit: 2, ["appointments", "--status"])
        try expectRefusal("invalid_input", exit: 2, ["slots", "--doctor", "ana@clinic.test", "--date", "2026-03-03", "--bogus"])
        try expectRefusal("invalid_input", exit: 2, ["user", "add", "--role"])
        try expectRefusal("invalid_input", exit: 2, ["appointments", "--limit", "0"])
        try expectRefusal("invalid_input", exit: 2, ["sms", "log", "--limit", "0"])
        let missing = try clinic.run("book", "--doctor", "ana@clinic.test")
        #expect(missing.stderr.contains("'--patient <patient>'") && missing.stderr.contains("clinic book --help"), "\(missing.stderr)")
        #expect(try clinic.run("user", "add", "--role").stderr.contains("clinic user add --help"))
        // A mistyped command says so instead of showing the staff terminal's usage
        let typo = try clinic.run("appointment")
        #expect(
            typo.exitCode == 2 && typo.stderr == "clinic: invalid_input: unknown command 'appointment'; `clinic --help` lists the commands\n",
            "\(typo.stderr)")
        // --help is still the parser's help, on stdout, exit 0
        let help = try clinic.run("book", "--help")
        #expect(help.exitCode == 0 && help.stdout.contains("USAGE: clinic book") && help.stderr.isEmpty)
    }

    @Test func aListCutByItsLimitSaysSo() throws {
        for time in ["09:00", "09:30", "10:00"] { #expect(try book("2026-03-03 \(time)").exitCode == 0) }
        let cut = try clinic.json("appointments", "--limit", "2")
        #expect((cut.object["appointments"] as? [Any])?.count == 2 && cut.object["more"] as? Bool == true)
        let whole = try clinic.json("appointments", "--limit", "3")
        #expect((whole.object["appointments"] as? [Any])?.count == 3 && whole.object["more"] as? Bool == false)
        let text = try clinic.run("appointments", "--limit", "2")
        #expect(text.exitCode == 0 && text.stdout.split(separator: "\n").count == 3 && text.stderr.contains("the first 2 are shown"))
    }

    @Test func terminalEscapesAreRefusedAndNeverPrinted() throws {
        // A reason with an escape sequence is refused (exit 2, nothing booked)
        let escape = "Headache\u{1B}[2J\u{1B}[1;1HFAKE LINE"
        try expectRefusal("invalid_input", exit: 2, bookArgs("2026-03-03 10:00", reason: escape))
        try expectRefusal("invalid_input", exit: 2, bookArgs("2026-03-03 10:00", reason: "two\nlines"))
        // One stored before that rule, listed as a table, prints without its control characters
        let booked = try clinic.json(
            "book", "--doctor", "ana@clinic.test", "--patient", "pia@clinic.test",
            "--start", "2026-03-03 10:00", "--reason", "Headache")
        let code = try #require((booked.object["appointment"] as? [String: Any])?["code"] as? String)
        let db = try clinic.database.open()
        try db.write { db in try db.execute(sql: "UPDATE appointment SET reason = ? WHERE code = ?", arguments: [escape, code]) }
        try db.close()
        let table = try clinic.run("appointments")
        #expect(table.exitCode == 0)
        #expect(!table.stdout.unicodeScalars.contains("\u{1B}"), "\(table.stdout.debugDescription)")
        #expect(table.stdout.contains("Headache\u{FFFD}[2J\u{FFFD}[1;1HFAKE LINE"))
        // JSON carries the stored text as it is (escaped by JSON itself)
        #expect(try clinic.run("appointments", "--json").stdout.contains("Headache\\u001b[2J"))
    }
}
