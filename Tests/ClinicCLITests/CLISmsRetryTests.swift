@_spi(Tooling) import ClinicCore
import ClinicTesting
import Foundation
import GRDB
import Testing

/// `clinic sms retry ID [--json]` through the real binary, and the SMS
/// commands' text output in words (`--json` keeps the raw values).
@Suite struct CLISmsRetryTests {
    /// A clinic whose booking notice to the patient failed (21211), and its id.
    struct Failed {
        let cli: CLIClinic
        let code: String
        let id: Int64
        let store: ClinicStore

        init() throws {
            cli = try CLIClinic()
            try cli.addDoctor(email: "ana@clinic.test", phone: "+15550200001")
            try cli.addPatient(email: "p@clinic.test", phone: "+15550100001")
            let desk = try cli.run(
                "user", "add", "--role", "receptionist", "--name", "Rita Desk", "--email", "rita@clinic.test", "--phone", "+15550300001",
                "--password", "desk-password-1")
            #expect(desk.exitCode == 0, "\(desk.stderr)")
            let booked = try cli.json(
                "book", "--doctor", "ana@clinic.test", "--patient", "p@clinic.test", "--start", "2026-03-03 09:00", "--reason", "Check")
            code = try #require((booked.object["appointment"] as? [String: Any])?["code"] as? String)
            store = try ClinicStore(database: cli.database.location, clock: ManualClock(TestClinic.instant("2026-03-02T12:00:00Z")))
            id = try #require(try store.smsLog().first?.id)
            try fail()
        }

        /// Marks the message failed again, as the scheduler records a refused number.
        func fail() throws {
            try store.writer.write { db in
                try db.execute(
                    sql: "UPDATE sms_outbox SET state = 'failed', attempts = 1, error_code = '21211', error_message = 'invalid To' WHERE id = ?",
                    arguments: [id])
            }
        }

        /// The message as the database holds it.
        var message: OutboxMessage? { try? store.outboxMessage(id: id) }
    }

    @Test func retryQueuesItAgainAsTextAndAsJSON() throws {
        let f = try Failed()
        // The log says what failed, in words, with the holder's name; JSON keeps the raw values
        let log = try f.cli.run("sms", "log")
        #expect(log.stdout.contains("OUTCOME") && log.stdout.contains("Failed: the number is not a valid phone number (21211)"), "\(log.stdout)")
        #expect(log.stdout.contains("Patient p@clinic.test"), "\(log.stdout)")
        let raw = try #require((f.cli.json("sms", "log").object["messages"] as? [[String: Any]])?.first)
        #expect(raw["state"] as? String == "failed" && raw["error_code"] as? String == "21211")

        // As text
        let text = try f.cli.run("sms", "retry", String(f.id), "--as", "rita@clinic.test")
        #expect(text.exitCode == 0 && text.stdout == "message \(f.id) queued again to +15550100001\n", "\(text.stdout)\(text.stderr)")
        #expect(f.message?.state == .queued && f.message?.attempts == 0 && f.message?.errorCode == nil)
        let history = try f.store.smsHistory(outboxID: f.id)
        #expect(history.count == 1 && history[0].text.contains("retried by Rita Desk"), "\(history)")

        // As JSON, by the admin at the shell
        try f.fail()
        let json = try f.cli.json("sms", "retry", String(f.id))
        let message = try #require(json.object["message"] as? [String: Any], "\(json.result.stdout)")
        #expect(json.result.exitCode == 0 && message["state"] as? String == "queued" && message["attempts"] as? Int == 0)
        #expect(message["id"] as? Int == Int(f.id) && message["error_code"] is NSNull && message["to"] as? String == "+15550100001")
        #expect(try f.store.smsHistory(outboxID: f.id).last?.text.contains("the admin at the shell") == true)
    }

    @Test func refusalsExitNonZeroWithOneLineOrTheEnvelopeAndChangeNothing() throws {
        let f = try Failed()
        func refused(_ args: [String], _ code: String) throws {
            let before = f.message
            let text = try f.cli.run(args)
            #expect(text.exitCode == 1 && text.stdout.isEmpty, "\(args): \(text.stdout)\(text.stderr)")
            #expect(text.stderr.split(separator: "\n").count == 1 && text.stderr.hasPrefix("clinic: \(code): "), "\(args): \(text.stderr)")
            let json = try f.cli.run(args + ["--json"])
            let error = (try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["error"] as? [String: Any]
            #expect(json.exitCode == 1 && error?["code"] as? String == code && (error?["message"] as? String)?.isEmpty == false, "\(json.stdout)")
            #expect(f.message == before, "a refusal changed the message")
        }
        try refused(["sms", "retry", "9999"], "not_found")
        try refused(["sms", "retry", String(f.id), "--as", "p@clinic.test"], "forbidden")
        try refused(["sms", "retry", String(f.id), "--as", "ana@clinic.test"], "forbidden")
        try f.store.setOptOut(phone: "+15550100001", optedOut: true, source: "sms_stop")
        try refused(["sms", "retry", String(f.id)], "conflict")
        try f.store.setOptOut(phone: "+15550100001", optedOut: false, source: "desk")
        #expect(try f.cli.run("sms", "retry", String(f.id)).exitCode == 0)
        try refused(["sms", "retry", String(f.id)], "invalid_transition")
        // A cancelled visit: its booking notice would mislead
        #expect(try f.cli.run("cancel", f.code).exitCode == 0)
        try f.fail()
        try refused(["sms", "retry", String(f.id)], "conflict")
        // A bad id is the parser's (exit 64 is swift-argument-parser's usage error)
        #expect(try f.cli.run("sms", "retry", "abc").exitCode != 0)
    }

    @Test func theInboxSaysOutcomesInWordsAndNamesTheSender() throws {
        let f = try Failed()
        #expect(
            try f.cli.run("book", "--doctor", "ana@clinic.test", "--patient", "p@clinic.test", "--start", "2026-03-04 09:00", "--reason", "Again").exitCode == 0
        )
        _ = try f.store.receiveSMS(InboundSMS(messageSID: "SM1", from: "+15550100001", body: "C"))
        let inbox = try f.cli.run("sms", "inbox")
        #expect(inbox.stdout.contains("Asked which visit they meant") && inbox.stdout.contains("Patient p@clinic.test"), "\(inbox.stdout)")
        #expect(!inbox.stdout.contains("asked_which"))
        let raw = try #require((f.cli.json("sms", "inbox").object["messages"] as? [[String: Any]])?.first)
        #expect(raw["outcome"] as? String == "asked_which")
    }
}
