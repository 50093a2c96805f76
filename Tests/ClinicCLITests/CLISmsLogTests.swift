@_spi(Tooling) import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// `clinic sms log [--appointment CODE] [--failed] [--json]` through the real binary.
@Suite struct CLISmsLogTests {
    /// A gateway that refuses every number as invalid (21211).
    struct RefusingGateway: SMSGateway {
        let name = "refusing"
        let from: String? = "+15550009999"
        func send(_ message: OutgoingSMS) -> SMSSendResult {
            .failed(TwilioErrorClassifier.classify(httpStatus: 400, code: 21211, message: "invalid To"))
        }
    }

    @Test func logListsMessagesFiltersByAppointmentAndFailure() throws {
        // Given two cancelled appointments, one of whose notices then failed permanently
        let clinic = try CLIClinic()
        try clinic.addDoctor(email: "ana@clinic.test", phone: "+15550200001")
        try clinic.addPatient(email: "p@clinic.test", phone: "+15550100001")
        var codes: [String] = []
        for start in ["2026-03-03 09:00", "2026-03-03 09:30"] {
            let booked = try clinic.json(
                "book", "--doctor", "ana@clinic.test", "--patient", "p@clinic.test",
                "--start", start, "--reason", "Check")
            let code = try #require((booked.object["appointment"] as? [String: Any])?["code"] as? String)
            codes.append(code)
            #expect(try clinic.run("cancel", code).exitCode == 0)
        }
        let clock = ManualClock(TestClinic.instant("2026-03-02T12:00:00Z"))
        let store = try ClinicStore(database: clinic.database.location, clock: clock)
        let scheduler = Scheduler(
            store: store, gateway: RefusingGateway(),
            policy: SchedulerPolicy(maxSendsPerTick: 1), holder: "cli-test")
        try scheduler.tick()

        // When the log is listed as JSON
        let all = try clinic.json("sms", "log")
        let messages = all.object["messages"] as? [[String: Any]] ?? []
        // Then both cancellations are there, newest first, each after its booking's notice (skipped with
        // the cancellation, before it went out), with the contract's fields
        #expect(all.result.exitCode == 0)
        #expect(messages.map { $0["appointment"] as? String } == [codes[1], codes[1], codes[0], codes[0]])
        #expect(messages.map { $0["kind"] as? String } == ["cancellation", "booking", "cancellation", "booking"])
        #expect(messages.filter { $0["kind"] as? String == "booking" }.allSatisfy { $0["error_code"] as? String == "appointment_cancelled" })
        let failed = messages[2]
        #expect(failed["state"] as? String == "failed" && failed["error_code"] as? String == "21211")
        #expect(failed["kind"] as? String == "cancellation" && failed["recipient"] as? String == "patient")
        #expect(failed["to"] as? String == "+15550100001" && failed["attempts"] as? Int == 1)
        #expect((failed["created_at"] as? String)?.hasSuffix("-05:00") == true)
        #expect(messages.first?["state"] as? String == "queued" && messages.first?["provider_id"] is NSNull)

        // And --failed and --appointment narrow it
        let onlyFailed = try clinic.json("sms", "log", "--failed").object["messages"] as? [[String: Any]] ?? []
        #expect(onlyFailed.map { $0["appointment"] as? String } == [codes[0]])
        let one = try clinic.json("sms", "log", "--appointment", codes[1].lowercased()).object["messages"] as? [[String: Any]] ?? []
        #expect(one.count == 2 && one.allSatisfy { $0["appointment"] as? String == codes[1] })

        // And the table names the columns; an unknown code is not_found
        let table = try clinic.run("sms", "log")
        #expect(table.stdout.contains("KIND") && table.stdout.contains("cancellation") && table.stdout.contains("21211"))
        let unknown = try clinic.json("sms", "log", "--appointment", "ZZZZZZ")
        #expect(unknown.result.exitCode == 1)
        #expect((unknown.object["error"] as? [String: Any])?["code"] as? String == "not_found")
    }

    @Test func aMessageResentAfterACrashMidSendKeepsItsNoteInTheLog() throws {
        // Given a confirmation SMS whose sender died during the gateway call (in flight, its claim run out)
        let clinic = try CLIClinic()
        try clinic.addDoctor(email: "ana@clinic.test", phone: "+15550200001")
        try clinic.addPatient(email: "p@clinic.test", phone: "+15550100001")
        let booked = try clinic.json(
            "book", "--doctor", "ana@clinic.test", "--patient", "p@clinic.test",
            "--start", "2026-03-03 09:00", "--reason", "Check")
        let code = try #require((booked.object["appointment"] as? [String: Any])?["code"] as? String)
        #expect(try clinic.run("confirm", code).exitCode == 0)
        let clock = ManualClock(TestClinic.instant("2026-03-02T12:00:00Z"))
        let store = try ClinicStore(database: clinic.database.location, clock: clock)
        try store.writer.write { db in
            try db.execute(sql: "UPDATE sms_outbox SET state = 'sending', in_flight = 1, attempts = 1, claimed_by = 'dead', claimed_until = 0")
        }
        // When the next scheduler sends it again, successfully
        try Scheduler(store: store, gateway: OutboxGateway(), holder: "next").tick()

        // Then the log still says an earlier attempt was interrupted, in the table and in JSON
        let table = try clinic.run("sms", "log")
        let row = try #require(table.stdout.split(separator: "\n").first { $0.contains(code) })
        #expect(table.stdout.contains("NOTE") && row.contains("sent") && row.contains("an earlier attempt was interrupted"), "\(table.stdout)")
        let message = try #require((clinic.json("sms", "log").object["messages"] as? [[String: Any]])?.first)
        #expect(message["state"] as? String == "sent" && message["attempts"] as? Int == 2 && message["error_code"] is NSNull)
        #expect(message["note"] as? String == OutboxMessage.interruptedNote, "\(message)")
    }
}
