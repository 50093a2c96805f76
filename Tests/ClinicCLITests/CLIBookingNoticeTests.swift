import ClinicTesting
import Foundation
import Testing

/// The booking notice through the real binary: `clinic book` and `clinic
/// move` leave their SMS in the log (`clinic sms log --json`, kinds `booking`
/// and `moved`), and `booking_notice = false` in clinic.toml turns both off.
@Suite struct CLIBookingNoticeTests {
    @Test func bookThenMoveShowBookingAndMovedInTheSMSLog() throws {
        // Given a doctor and a patient
        let clinic = try CLIClinic()
        try clinic.addDoctor(email: "ana@clinic.test", phone: "+15550200001")
        try clinic.addPatient(email: "p@clinic.test", phone: "+15550100001")

        // When the patient is booked from the command line
        let booked = try clinic.json(
            "book", "--doctor", "ana@clinic.test", "--patient", "p@clinic.test", "--start", "2026-03-03 09:00", "--reason", "Check")
        #expect(booked.result.exitCode == 0, "\(booked.result.stderr)")
        let code = try #require((booked.object["appointment"] as? [String: Any])?["code"] as? String)

        // Then the SMS log shows the booking notice to the patient, with the code and how to reply
        let log = try clinic.json("sms", "log")
        let messages = log.object["messages"] as? [[String: Any]] ?? []
        #expect(log.result.exitCode == 0 && messages.count == 1)
        let notice = try #require(messages.first)
        #expect(notice["kind"] as? String == "booking" && notice["recipient"] as? String == "patient")
        #expect(notice["appointment"] as? String == code && notice["to"] as? String == "+15550100001")
        #expect(notice["state"] as? String == "queued")
        let body = try #require(notice["body"] as? String)
        #expect(body.contains("Tue 3 Mar 2026 at 09:00") && body.contains("Reply CONFIRM \(code) or CANCEL \(code)."))

        // When the visit is moved, the log shows the new time, kind moved, newest first; the table names the kinds too
        #expect(try clinic.run("move", code, "--start", "2026-03-03 10:00").exitCode == 0)
        let after = try clinic.json("sms", "log", "--appointment", code)
        let kinds = (after.object["messages"] as? [[String: Any]] ?? []).map { $0["kind"] as? String }
        #expect(kinds == ["moved", "booking"])
        let moved = try #require((after.object["messages"] as? [[String: Any]])?.first?["body"] as? String)
        #expect(moved.contains("moved to Tue 3 Mar 2026 at 10:00"))
        let table = try clinic.run("sms", "log")
        #expect(table.stdout.contains("moved") && table.stdout.contains("booking"), "\(table.stdout)")
    }

    @Test func theSettingInClinicTomlTurnsTheNoticeOff() throws {
        // Given a clinic.toml with the booking notice off
        let clinic = try CLIClinic()
        let config = clinic.directory.path("clinic.toml")
        try "[clinic]\nbooking_notice = false\n".write(toFile: config, atomically: true, encoding: .utf8)
        try clinic.addDoctor(email: "ana@clinic.test", phone: "+15550200001")
        try clinic.addPatient(email: "p@clinic.test", phone: "+15550100001")

        // When a visit is booked and moved with that configuration
        let booked = try clinic.json(
            "--config", config, "book", "--doctor", "ana@clinic.test", "--patient", "p@clinic.test",
            "--start", "2026-03-03 09:00", "--reason", "Check")
        let code = try #require((booked.object["appointment"] as? [String: Any])?["code"] as? String)
        #expect(try clinic.run("move", code, "--start", "2026-03-03 10:00").exitCode == 0)

        // Then no SMS was enqueued, and the setting stays in the database for every process
        let log = try clinic.json("sms", "log")
        #expect(log.result.exitCode == 0 && (log.object["messages"] as? [[String: Any]])?.isEmpty == true, "\(log.result.stdout)")

        // And a wrong type is refused naming the key
        try "[clinic]\nbooking_notice = \"no\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let bad = try clinic.run("--config", config, "sms", "log")
        #expect(bad.exitCode == 2 && bad.stderr.contains("booking_notice' must be true or false"), "\(bad.stderr)")
    }
}
