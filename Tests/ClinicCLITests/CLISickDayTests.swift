import ClinicTesting
import Foundation
import Testing

/// A sick day and a closure day through the binary: refused over booked
/// visits (naming them), `--preview` lists them and changes nothing,
/// `--cancel-booked` cancels them with the time off and each patient's SMS
/// is in the log; closures are listed and removed by id.
@Suite struct CLISickDayTests {
    @Test func aSickDayCancelsTheBookedVisitsAfterAPreview() throws {
        // Given a doctor with two visits on Tuesday 3 March and another doctor with one
        let cli = try CLIClinic()
        try cli.addDoctor(email: "ana@clinic.test", phone: "+15550200001")
        try cli.addDoctor(email: "ben@clinic.test", phone: "+15550200002")
        try cli.addPatient(email: "pia@clinic.test", phone: "+15550100001")
        try cli.addPatient(email: "quin@clinic.test", phone: "+15550100002")
        func book(_ doctor: String, _ patient: String, _ start: String) throws -> String {
            let r = try cli.json("book", "--doctor", doctor, "--patient", patient, "--start", start, "--reason", "Check-up")
            return try #require((r.object["appointment"] as? [String: Any])?["code"] as? String, "\(r.result.stderr)")
        }
        let first = try book("ana@clinic.test", "pia@clinic.test", "2026-03-03 09:00")
        let second = try book("ana@clinic.test", "quin@clinic.test", "2026-03-03 14:00")
        let bens = try book("ben@clinic.test", "pia@clinic.test", "2026-03-03 11:00")

        // When the admin gives Ana Tuesday off: refused, naming both visits
        let refused = try cli.run("user", "time-off", "ana@clinic.test", "--from", "2026-03-03", "--to", "2026-03-03", "--note", "flu")
        #expect(refused.exitCode == 1 && refused.stderr.hasPrefix("clinic: conflict: "), "\(refused.stderr)")
        #expect(refused.stderr.contains(first) && refused.stderr.contains(second))

        // The preview lists them (text and JSON) and changes nothing
        let preview = try cli.run("user", "time-off", "ana@clinic.test", "--from", "2026-03-03", "--to", "2026-03-03", "--preview")
        #expect(preview.exitCode == 0 && preview.stdout.contains(first) && preview.stdout.contains("+15550100002"), "\(preview.stdout)")
        #expect(preview.stdout.contains("2 visits booked; add --cancel-booked"))
        let previewJSON = try cli.json("user", "time-off", "ana@clinic.test", "--from", "2026-03-03", "--to", "2026-03-03", "--preview")
        let listed = try #require(previewJSON.object["would_cancel"] as? [[String: Any]])
        #expect(listed.compactMap { $0["code"] as? String } == [first, second])
        #expect((try cli.json("user", "time-off", "ana@clinic.test", "--list").object["time_off"] as? [Any])?.isEmpty == true)

        // --cancel-booked adds it and cancels both, Ben's visit untouched
        let done = try cli.json(
            "user", "time-off", "ana@clinic.test", "--from", "2026-03-03", "--to", "2026-03-03", "--note", "flu", "--cancel-booked")
        #expect(done.result.exitCode == 0, "\(done.result.stderr)")
        let cancelled = try #require(done.object["cancelled"] as? [[String: Any]])
        #expect(cancelled.compactMap { $0["code"] as? String } == [first, second])
        #expect(cancelled.allSatisfy { $0["status"] as? String == "cancelled" })
        #expect((done.object["time_off"] as? [String: Any])?["span"] as? String == "2026-03-03 (all day)")
        let status = { (code: String) in
            ((try cli.json("appointments", "--code", code).object["appointments"] as? [[String: Any]])?.first?["status"] as? String)
        }
        #expect(try status(bens) == "scheduled")
        // and the patient's SMS says why and asks to book again
        let log = try cli.json("sms", "log", "--appointment", first)
        let bodies = (log.object["messages"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "cancellation" }.compactMap {
            $0["body"] as? String
        }
        #expect(bodies.count == 1 && bodies[0].contains("is not available that day") && bodies[0].contains("book again"), "\(bodies)")

        // Bad combinations are bad input
        let both = try cli.run("user", "time-off", "ana@clinic.test", "--from", "2026-03-04", "--to", "2026-03-04", "--preview", "--cancel-booked")
        #expect(both.exitCode == 2 && both.stderr.hasPrefix("clinic: invalid_input: "), "\(both.stderr)")
        #expect(try cli.run("user", "time-off", "ana@clinic.test", "--list", "--cancel-booked").exitCode == 2)
    }

    @Test func aClosureDayClosesEveryDoctorAndIsListedAndRemoved() throws {
        let cli = try CLIClinic()
        try cli.addDoctor(email: "ana@clinic.test", phone: "+15550200001")
        try cli.addDoctor(email: "ben@clinic.test", phone: "+15550200002")
        try cli.addPatient(email: "pia@clinic.test", phone: "+15550100001")
        let booked = try cli.json("book", "--doctor", "ben@clinic.test", "--patient", "pia@clinic.test", "--start", "2026-03-05 10:00", "--reason", "x")
        let code = try #require((booked.object["appointment"] as? [String: Any])?["code"] as? String)

        // A closure over a booked visit is refused; with --cancel-booked it closes every doctor's day
        #expect(try cli.run("closure", "--from", "2026-03-05", "--to", "2026-03-06", "--note", "Carnaval").exitCode == 1)
        let closed = try cli.run("closure", "--from", "2026-03-05", "--to", "2026-03-06", "--note", "Carnaval", "--cancel-booked")
        #expect(closed.exitCode == 0 && closed.stdout.contains("The clinic is closed 2026-03-05 to 2026-03-06"), "\(closed.stdout)\(closed.stderr)")
        #expect(closed.stdout.contains(code) && closed.stdout.contains("1 visit cancelled"))
        for doctor in ["ana@clinic.test", "ben@clinic.test"] {
            #expect(try cli.run("slots", "--doctor", doctor, "--date", "2026-03-06").stdout.contains("no slots"))
        }
        // Listed as entered, removed by id; then the slots are back
        let list = try cli.json("closure", "--list")
        let entries = try #require(list.object["closures"] as? [[String: Any]])
        #expect(entries.count == 1 && entries[0]["span"] as? String == "2026-03-05 to 2026-03-06" && entries[0]["note"] as? String == "Carnaval")
        let id = try #require(entries[0]["id"] as? Int)
        #expect(try cli.run("closure", "--remove", "999").exitCode == 1)
        let removed = try cli.run("closure", "--remove", String(id))
        #expect(removed.exitCode == 0 && removed.stdout.contains("open again"), "\(removed.stdout)")
        #expect(try cli.run("slots", "--doctor", "ana@clinic.test", "--date", "2026-03-06").stdout.contains("free"))
        #expect(try cli.run("closure", "--list").stdout.contains("no closure days"))
        // the audit trail of both
        let history = try cli.json("closure", "--history")
        let changes = try #require(history.object["changes"] as? [[String: Any]])
        #expect(changes.compactMap { $0["action"] as? String } == ["closure_removed", "closure_added"])
        #expect((changes.last?["detail"] as? String)?.contains("Carnaval; cancelled \(code)") == true, "\(changes)")
        #expect(try cli.run("closure", "--history").stdout.contains("closure added"))
    }
}
