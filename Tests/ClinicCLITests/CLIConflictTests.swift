import ClinicTesting
import Foundation
import GRDB
import Testing

/// Refusals because of data already there (DESIGN §3 `conflict`): hours that
/// would strand a booking, time off over a booked visit, deactivating an
/// account with visits to come or the only admin, a duplicate email or
/// phone. Through the real binary each exits 1 with `clinic: conflict: …`,
/// the JSON envelope says `conflict`, and nothing in the database changes.
@Suite struct CLIConflictTests {
    let clinic: CLIClinic

    init() throws {
        // Given a doctor, a patient, the only admin, and a visit on Tuesday 2026-03-03 at 09:00
        clinic = try CLIClinic()
        try clinic.addDoctor(email: "ana@clinic.test", phone: "+15550200001")
        try clinic.addPatient(email: "pia@clinic.test", phone: "+15550100001")
        let admin = try clinic.run(
            "user", "add", "--role", "admin", "--name", "Ada", "--email", "ada@clinic.test",
            "--phone", "+15550300001", "--password", "admin-pass-1")
        try #require(admin.exitCode == 0, "\(admin.stderr)")
        let booked = try clinic.run(
            "book", "--doctor", "ana@clinic.test", "--patient", "pia@clinic.test",
            "--start", "2026-03-03 09:00", "--reason", "Check-up")
        try #require(booked.exitCode == 0, "\(booked.stderr)")
    }

    /// Everything these refusals could change, read from the file itself
    /// (not through the binary, so a failing command cannot make two states look alike).
    private func state() throws -> String {
        let queue = try clinic.database.open()
        defer { try? queue.close() }
        return try queue.read { db in
            let parts = [  // each part's rows joined in Swift, so the SQL reads the same on both engines
                "SELECT id || ':' || email || ':' || phone || ':' || active FROM account ORDER BY id",
                "SELECT doctor_id || ':' || weekday || ':' || start_minute || '-' || end_minute FROM weekly_hours ORDER BY id",
                "SELECT CAST(count(*) AS TEXT) FROM time_off",
                "SELECT code || ':' || status FROM appointment ORDER BY id",
            ]
            return try parts.map { try String.fetchAll(db, sql: $0).joined(separator: ",") }.joined(separator: " | ")
        }
    }

    /// The text form (exit 1, one stderr line `clinic: conflict: …`), then the
    /// JSON envelope (exit 1, code `conflict`), each leaving the data as it was.
    private func expectConflict(_ args: [String], mentioning words: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try state()
        let text = try clinic.run(args)
        #expect(text.exitCode == 1, "exit: \(text.exitCode) \(text.stderr)", sourceLocation: sourceLocation)
        #expect(text.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(text.stderr.split(separator: "\n").count == 1, "one stderr line: \(text.stderr)", sourceLocation: sourceLocation)
        #expect(
            text.stderr.hasPrefix("clinic: conflict: ") && text.stderr.contains(words), "stderr: \(text.stderr)",
            sourceLocation: sourceLocation)
        #expect(try state() == before, "nothing changed", sourceLocation: sourceLocation)

        let json = try clinic.run(args + ["--json"])
        #expect(json.exitCode == 1, sourceLocation: sourceLocation)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any],
            "json: \(json.stdout)", sourceLocation: sourceLocation)
        let error = try #require(object["error"] as? [String: Any], sourceLocation: sourceLocation)
        #expect(error["code"] as? String == "conflict", "json: \(json.stdout)", sourceLocation: sourceLocation)
        #expect((error["message"] as? String)?.contains(words) == true, sourceLocation: sourceLocation)
        #expect(try state() == before, "nothing changed", sourceLocation: sourceLocation)
    }

    @Test func hoursThatWouldStrandABookingAreAConflict() throws {
        try expectConflict(["user", "hours", "ana@clinic.test", "--set", "mon-fri 14:00-17:00"], mentioning: "would fall outside")
        try expectConflict(["user", "hours", "ana@clinic.test", "--set", "off"], mentioning: "would fall outside")
    }

    @Test func timeOffOverABookedVisitIsAConflict() throws {
        try expectConflict(
            ["user", "time-off", "ana@clinic.test", "--from", "2026-03-03", "--to", "2026-03-03"],
            mentioning: "would cover booked appointments")
        try expectConflict(
            ["user", "time-off", "ana@clinic.test", "--from", "2026-03-03 09:15", "--to", "2026-03-03 09:20"],
            mentioning: "would cover booked appointments")
    }

    @Test func deactivatingAnAccountWithVisitsToComeOrTheOnlyAdminIsAConflict() throws {
        try expectConflict(["user", "deactivate", "ana@clinic.test"], mentioning: "appointments to come")
        try expectConflict(["user", "deactivate", "pia@clinic.test"], mentioning: "appointments to come")
        try expectConflict(["user", "deactivate", "ada@clinic.test"], mentioning: "only active admin")
    }

    @Test func aDuplicateEmailOrPhoneIsAConflict() throws {
        let patient = ["user", "add", "--role", "patient", "--name", "Zoë", "--password", "long-enough"]
        try expectConflict(patient + ["--email", "PIA@clinic.test", "--phone", "+15550100009"], mentioning: "already in use")
        try expectConflict(patient + ["--email", "zoe@clinic.test", "--phone", "(555) 010-0001"], mentioning: "already in use")
        try expectConflict(
            [
                "user", "add", "--role", "receptionist", "--name", "Rita", "--email", "rita@clinic.test",
                "--phone", "+1 555 020 0001", "--password", "long-enough",
            ], mentioning: "already in use")
    }

    @Test func badInputStaysInvalidInputWithExitTwo() throws {
        // A value that is wrong in itself is still invalid_input (exit 2), not a conflict
        let r = try clinic.run("user", "add", "--role", "patient", "--name", "Zoë", "--email", "not-an-email", "--phone", "+15550100009")
        #expect(r.exitCode == 2 && r.stderr.hasPrefix("clinic: invalid_input: "), "\(r.stderr)")
    }
}
