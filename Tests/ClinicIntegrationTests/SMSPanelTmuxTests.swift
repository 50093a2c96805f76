@_spi(Tooling) import ClinicCore
import ClinicTesting
import Foundation
import GRDB
import Testing

/// The SMS panel's actions with the real binary under tmux at 80×24, on a
/// clinic whose clock reads Monday 2 March 2026, 07:00 in New York: from the
/// board, the desk retries a failed message, corrects a number and retries to
/// it, marks a flagged reply handled and opens an appointment from an item;
/// the screen and the database agree after each.
@Suite("SMS panel under tmux", .serialized)
struct SMSPanelTmuxTests {
    @Test("retry, correct the number, mark handled, open the visit")
    func actOnThePanel() throws {
        // Given Pia's booking notice that failed (21614), and Quinn's free-text reply
        let cli = try CLIClinic()
        try cli.addDoctor(email: "ana@clinic.test", phone: "+15550200001")
        try cli.addPatient(email: "pia@clinic.test", phone: "+15550100001")
        try cli.addPatient(email: "quinn@clinic.test", phone: "+15550100002")
        let added = try cli.run(
            "user", "add", "--role", "receptionist", "--name", "Rita Desk", "--email", "rita@clinic.test", "--phone", "+15550300001",
            "--password", "desk-password-1")
        #expect(added.exitCode == 0, "\(added.stderr)")
        let booked = try cli.json(
            "book", "--doctor", "ana@clinic.test", "--patient", "pia@clinic.test", "--start", "2026-03-03 09:00", "--reason", "Check")
        let code = try #require((booked.object["appointment"] as? [String: Any])?["code"] as? String)
        let store = try ClinicStore(database: cli.database.location, clock: ManualClock(TestClinic.instant("2026-03-02T12:00:00Z")))
        let id = try #require(try store.smsLog().first { $0.appointmentCode == code }?.id)
        func fail(_ error: String) throws {
            try store.writer.write { db in
                try db.execute(
                    sql: "UPDATE sms_outbox SET state = 'failed', attempts = 1, error_code = ?, error_message = 'refused' WHERE id = ?",
                    arguments: [error, id])
            }
        }
        try fail("21614")
        /// Waits until the in-process scheduler has sent the message again.
        func waitForSent() throws -> OutboxMessage {
            for _ in 0..<300 {
                if let m = try store.outboxMessage(id: id), m.state == .sent { return m }
                SystemClock.pause(seconds: 0.05)
            }
            return try #require(try store.outboxMessage(id: id))
        }
        _ = try store.receiveSMS(InboundSMS(messageSID: "SM1", from: "+15550100002", body: "running late, is 9:30 ok?"))
        let rita = try store.account(matching: "rita@clinic.test")

        var env = cli.environment
        env["TERM"] = "xterm-256color"; env["LANG"] = "C.UTF-8"
        env["CLINIC_SCHEDULER_TICK_SECONDS"] = "0.2"  // the in-process scheduler sends what the desk retries (outbox gateway)
        let t = try TmuxSession([ClinicBinary.path, "tui"], environment: env, width: 80, height: 24)
        try t.waitFor("Staff sign-in")
        try t.type("rita@clinic.test"); try t.press("Tab"); try t.type("desk-password-1"); try t.press("Enter")
        try t.waitFor("⚑ 1 SMS to read (m)")

        // The panel from the board: the failed message in words, its patient by name
        try t.press("m")
        var screen = try t.waitFor("Failed: the number is not a mobile phone (21614)")
        #expect(screen.contains("Patient pia@clinic.test · +15550100001 · \(code)"), "\(screen)")

        // r retries it
        try t.press("r")
        try t.waitFor("Message \(id) queued again to Patient pia@clinic.test · +15550100001.")
        var m = try waitForSent()
        #expect(m.errorCode == nil && m.attempts == 1 && m.to == "+15550100001", "\(m)")
        #expect(try store.smsHistory(outboxID: id).first?.text.contains("retried by Rita Desk") == true)
        try t.waitFor("Sent (")

        // It fails again (another process); e corrects Pia's number and y retries to it
        try fail("21211")
        try t.waitFor("Failed: the number is not a valid phone number (21211)")
        try t.select(rowContaining: code)
        try t.press("e")
        try t.waitFor("Edit · Patient pia@clinic.test")
        try t.press("Tab"); try t.press("C-u"); try t.type("555 010 7777"); try t.press("Enter")
        screen = try t.waitFor("Retry message \(id) to it?")
        #expect(screen.contains("number is +15550107777 now") && screen.contains("y retry"), "\(screen)")
        try t.press("y")
        try t.waitFor("queued again to Patient pia@clinic.test · +15550107777")
        m = try waitForSent()
        #expect(m.to == "+15550107777" && m.errorCode == nil && m.attempts == 1, "\(m)")
        let pia = try store.account(matching: "pia@clinic.test")
        #expect(pia.phone == "+15550107777")
        #expect(try store.accountEvents(accountID: pia.id, viewer: .shell).contains { $0.fields.contains("phone") && $0.actorID == rita.id })

        // Replies: h marks Quinn's flagged reply handled
        try t.press("Tab"); try t.press("Tab")
        try t.waitFor("Replies (1, ⚑ 1)")
        try t.select(rowContaining: "running late")
        try t.press("h")
        screen = try t.waitFor("marked handled")
        #expect(screen.contains("Patient quinn@clinic.test"), "\(screen)")
        let reply = try #require(try store.inboundSMS(needingAttention: true).first)
        #expect(reply.handledBy == "Rita Desk" && reply.handledAt != nil)

        // An item opens its appointment: the message, from the sent view
        try t.press("Left")
        try t.waitUntil("the sent message") { $0.contains("▸") && $0.contains(code) }
        try t.select(rowContaining: code)
        try t.press("Enter")
        screen = try t.waitFor("Appointment \(code)")
        #expect(screen.contains("Patient pia@clinic.test"), "\(screen)")
        try t.press("Escape")
        try t.waitFor("SMS messages")
        try t.press("q"); try t.waitFor("[exited 0]")
    }
}
