import ClinicTesting
import Foundation
import Testing

/// `clinic user add` without an email (or without a phone) and `clinic user
/// edit`, through the real binary: exit codes, stderr lines, `--json`.
@Suite struct CLIPeopleTests {
    @Test func patientsWithAPhoneOnlyOrAnEmailOnly() throws {
        let clinic = try CLIClinic()
        // Given a walk-in with a phone only and one with an email only
        let walkIn = try clinic.json("user", "add", "--role", "patient", "--name", "Walk In", "--phone", "555 010 0007")
        #expect(walkIn.result.exitCode == 0, "\(walkIn.result.stdout)\(walkIn.result.stderr)")
        let account = walkIn.object["account"] as? [String: Any] ?? [:]
        #expect(account["email"] is NSNull && account["phone"] as? String == "+15550100007")
        let mailOnly = try clinic.run("user", "add", "--role", "patient", "--name", "Mail Only", "--email", "mail@only.test")
        #expect(mailOnly.exitCode == 0 && mailOnly.stdout.hasPrefix("created patient #2 Mail Only <mail@only.test>"))
        // And an empty --email is absent, not a malformed address
        let empty = try clinic.run("user", "add", "--role", "patient", "--name", "Empty", "--email", "", "--phone", "+15550100008")
        #expect(empty.exitCode == 0 && !empty.stderr.contains("is not an email"))
        // Then the list shows a dash where there is none
        let list = try clinic.run("user", "list")
        #expect(list.stdout.contains("Walk In") && list.stdout.contains("—"))
        // But staff need both, and a patient one
        let staff = try clinic.run("user", "add", "--role", "receptionist", "--name", "Rita", "--phone", "+15550300001")
        #expect(staff.exitCode == 2 && staff.stderr == "clinic: invalid_input: a receptionist needs an email and a phone number\n")
        let nobody = try clinic.json("user", "add", "--role", "patient", "--name", "Nobody")
        #expect(nobody.result.exitCode == 2 && (nobody.object["error"] as? [String: Any])?["code"] as? String == "invalid_input")
    }

    @Test func editingAPersonAndEachRefusal() throws {
        let clinic = try CLIClinic()
        try clinic.addDoctor(email: "ana@clinic.test", phone: "+15550200001", hours: "mon-fri 09:00-12:00")
        try clinic.addPatient(email: "pia@clinic.test", phone: "+15550100001")
        try clinic.addPatient(email: "quin@clinic.test", phone: "+15550100002")
        // When the desk's admin edits Pia: a new name, her date of birth, no email
        let edited = try clinic.json(
            "user", "edit", "pia@clinic.test", "--name", "Pia 각 शर्मा", "--birth-date", "1990-03-03", "--email", "", "--notes", "Prefers mornings")
        #expect(edited.result.exitCode == 0, "\(edited.result.stdout)\(edited.result.stderr)")
        let account = edited.object["account"] as? [String: Any] ?? [:]
        let patient = edited.object["patient"] as? [String: Any] ?? [:]
        #expect(account["name"] as? String == "Pia 각 शर्मा" && account["email"] is NSNull)
        // Then her age is computed on the clinic's date (2026-03-02: her birthday is tomorrow)
        #expect(patient["birth_date"] as? String == "1990-03-03" && patient["age"] as? Int == 35)
        #expect(patient["notes"] as? String == "Prefers mornings")
        // And she is still found by phone
        #expect(try clinic.run("user", "edit", "+15550100001", "--gender", "f").exitCode == 0)

        // A bad date is invalid_input (exit 2); another's phone is a conflict (exit 1)
        let badDate = try clinic.run("user", "edit", "+15550100001", "--birth-date", "03/03/1990")
        #expect(badDate.exitCode == 2 && badDate.stderr.contains("invalid_input: '03/03/1990' is not a date of birth YYYY-MM-DD"))
        let taken = try clinic.json("user", "edit", "+15550100001", "--phone", "+15550100002")
        #expect(taken.result.exitCode == 1 && (taken.object["error"] as? [String: Any])?["code"] as? String == "conflict")
        // A patient edits only themselves
        let other = try clinic.run("user", "edit", "quin@clinic.test", "--name", "X", "--as", "+15550100001")
        #expect(other.exitCode == 1 && other.stderr.hasPrefix("clinic: forbidden: "))
        // Nothing to change says so
        #expect(try clinic.run("user", "edit", "quin@clinic.test").exitCode == 2)

        // A slot length that strands a visit to come is a conflict naming it
        let booked = try clinic.json(
            "book", "--doctor", "ana@clinic.test", "--patient", "quin@clinic.test", "--start", "2026-03-03 09:30", "--reason", "Check-up")
        let code = (booked.object["appointment"] as? [String: Any])?["code"] as? String ?? "?"
        let slot = try clinic.run("user", "edit", "ana@clinic.test", "--slot-minutes", "20")
        #expect(slot.exitCode == 1 && slot.stderr.hasPrefix("clinic: conflict: ") && slot.stderr.contains(code))
        let doctor = try clinic.json("user", "edit", "ana@clinic.test", "--specialization", "Neurology", "--slot-minutes", "15")
        #expect(doctor.result.exitCode == 1)
        _ = try clinic.run("cancel", code)
        let moved = try clinic.json("user", "edit", "ana@clinic.test", "--specialization", "Neurology", "--slot-minutes", "20")
        #expect((moved.object["doctor"] as? [String: Any])?["slot_minutes"] as? Int == 20)
        #expect((moved.object["doctor"] as? [String: Any])?["specialization"] as? String == "Neurology")
    }
}
