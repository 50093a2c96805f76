import ClinicTesting
import Foundation
import GRDB
import Testing

/// Control characters and text-direction controls through the real binary
/// (issue 11, items 9 and 10): refused when typed, and neutralised (`�`) by
/// every text printer when they are already in the database; JSON escapes them.
@Suite struct CLIControlCharacterTests {
    let clinic: CLIClinic
    static let escape = "\u{1B}[2J\u{1B}[1;1H"

    init() throws {
        clinic = try CLIClinic()
        try clinic.addDoctor(email: "ana@clinic.test", phone: "+15550200001")
        try clinic.addPatient(email: "pia@clinic.test", phone: "+15550100001")
        try clinic.addPatient(email: "quin@clinic.test", phone: "+15550100002")
    }

    private func accounts() throws -> Int {
        let queue = try clinic.database.open()
        defer { try? queue.close() }
        return try queue.read { db in try #require(try Int.fetchOne(db, sql: "SELECT count(*) FROM account")) }
    }

    /// No byte of `text` is a control character but a line feed, nor a text-direction control.
    private func expectClean(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let bad = text.unicodeScalars.filter {
            $0 != "\n" && ($0.properties.generalCategory == .control || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value))
        }
        #expect(
            bad.isEmpty, "\(what) printed \(bad.map { "U+" + String($0.value, radix: 16) }): \(text.debugDescription)",
            sourceLocation: sourceLocation)
    }

    @Test func anEmailWithAnEscapeAndAReasonWithARightToLeftOverrideAreRefused() throws {
        let before = try accounts()
        let email = try clinic.run(
            "user", "add", "--role", "patient", "--name", "Eve", "--email", "e\u{1B}[2J@x.test",
            "--phone", "+15550100009", "--password", "long-enough")
        #expect(email.exitCode == 2 && email.stderr.hasPrefix("clinic: invalid_input: the email address must be one line"), "\(email.stderr)")
        expectClean(email.stderr, "the refusal")
        #expect(try accounts() == before)

        let reason = try clinic.run(
            "book", "--doctor", "ana@clinic.test", "--patient", "pia@clinic.test",
            "--start", "2026-03-03 09:00", "--reason", "Check-up \u{202E}pu-kcehC", "--json")
        #expect(reason.exitCode == 2)
        let error = try #require((try JSONSerialization.jsonObject(with: Data(reason.stdout.utf8)) as? [String: Any])?["error"] as? [String: Any])
        #expect(error["code"] as? String == "invalid_input")
        #expect((error["message"] as? String)?.contains("text-direction controls (U+202E found)") == true, "\(error)")
        let none = try clinic.json("appointments")
        #expect(none.result.exitCode == 0 && (none.object["appointments"] as? [Any])?.isEmpty == true, "nothing booked")
    }

    @Test func storedControlCharactersPrintNeutralisedInEveryTextLineAndTable() throws {
        // Given a booking, then a name, an email and a reason given escapes, C1 and bidi controls by raw SQL
        // (not a NUL: SQLite hands text back cut at one, so it cannot reach a printer)
        let booked = try clinic.json(
            "book", "--doctor", "ana@clinic.test", "--patient", "pia@clinic.test",
            "--start", "2026-03-03 09:00", "--reason", "Check-up")
        let code = try #require((booked.object["appointment"] as? [String: Any])?["code"] as? String)
        let name = "Pia\(Self.escape)\u{202E}evil\nFAKE", email = "quin\u{9B}31m\u{7}@clinic.test", reason = "Pain\u{9B}\u{2066}x\u{7F}"
        let queue = try clinic.database.open()
        try queue.write { db in
            try db.execute(sql: "UPDATE account SET name = ? WHERE email = 'pia@clinic.test'", arguments: [name])
            try db.execute(sql: "UPDATE account SET email = ? WHERE email = 'quin@clinic.test'", arguments: [email])
            try db.execute(sql: "UPDATE appointment SET reason = ? WHERE code = ?", arguments: [reason, code])
        }
        try queue.close()
        let quin = "3"  // quin's id: doctor 1, pia 2, quin 3

        // When each text printer shows them, then nothing acts on the terminal and each shows as �
        let table = try clinic.run("appointments")
        #expect(table.exitCode == 0 && table.stdout.contains("Pia\u{FFFD}[2J\u{FFFD}[1;1H\u{FFFD}evil\u{FFFD}FAKE"), "\(table.stdout)")
        #expect(table.stdout.contains("Pain\u{FFFD}\u{FFFD}x\u{FFFD}"))
        let list = try clinic.run("user", "list")
        #expect(list.stdout.contains("quin\u{FFFD}31m\u{FFFD}@clinic.test"), "\(list.stdout)")
        let passwd = try clinic.run("user", "passwd", quin, "--password", "new-password-1")
        #expect(passwd.stdout == "password set for quin\u{FFFD}31m\u{FFFD}@clinic.test\n", "\(passwd.stdout.debugDescription)")
        let deactivated = try clinic.run("user", "deactivate", quin)
        #expect(deactivated.stdout == "deactivated quin\u{FFFD}31m\u{FFFD}@clinic.test\n", "\(deactivated.stdout.debugDescription)")
        let activated = try clinic.run("user", "activate", quin)
        #expect(activated.stdout == "activated quin\u{FFFD}31m\u{FFFD}@clinic.test\n", "\(activated.stdout.debugDescription)")
        let confirmed = try clinic.run("confirm", code)
        #expect(confirmed.exitCode == 0 && confirmed.stdout.split(separator: "\n").count == 1, "\(confirmed.stdout.debugDescription)")
        let refused = try clinic.run(
            "book", "--doctor", "ana@clinic.test", "--patient", "x\(Self.escape)@clinic.test",
            "--start", "2026-03-03 10:00", "--reason", "Check-up")
        #expect(refused.exitCode == 1 && refused.stderr.contains("x\u{FFFD}[2J"), "\(refused.stderr.debugDescription)")
        for (what, text) in [
            ("appointments", table.stdout), ("user list", list.stdout), ("user passwd", passwd.stdout),
            ("user deactivate", deactivated.stdout), ("user activate", activated.stdout),
            ("confirm", confirmed.stdout), ("a refusal", refused.stderr),
        ] {
            expectClean(text, what)
        }

        // And JSON carries the stored text exactly, with every such character escaped
        let json = try clinic.run("appointments", "--json")
        expectClean(json.stdout, "appointments --json")
        #expect(json.stdout.contains("\\u202e") && json.stdout.contains("\\u2066") && json.stdout.contains("\\u007f"), "\(json.stdout)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let first = try #require((object["appointments"] as? [[String: Any]])?.first)
        #expect(first["reason"] as? String == reason && (first["patient"] as? [String: Any])?["name"] as? String == name)
        let users = try clinic.run("user", "list", "--json")
        expectClean(users.stdout, "user list --json")
        #expect(users.stdout.contains("\\u009b"), "\(users.stdout)")
    }
}
