import ClinicCore
import ClinicTesting
import Foundation
import Testing
@_spi(Tooling) @testable import ClinicTUI

/// A patient's free-text SMS is flagged for the desk: the board shows a
/// badge, the SMS panel's replies view marks it handled with `h` (who, when),
/// the core refuses a second time, a reply that needed nothing, a patient;
/// `clinic sms inbox --flagged` and `clinic sms handle` do the same from the shell.
@Suite("SMS replies the desk marks handled")
struct SMSRepliesHandledTests {
    @Test("free text is flagged; the board's badge; h in the panel marks it handled; the core's refusals; the CLI")
    func markHandled() async throws {
        let h = try WebhookHarness()
        try await h.start()
        let ana = try h.clinic.addDoctor(name: "Dr Ana Moreau"), pia = try h.clinic.addPatient(name: "Pia 각")
        try h.clinic.book(doctor: ana, patient: pia, at: h.clinic.local("2026-03-03", "09:00"))
        _ = await h.sms(from: pia.phone!, "please call me about the bill — धन्यवाद")
        _ = await h.sms(from: pia.phone!, "HELP")
        await h.stop()
        let store = h.clinic.store
        #expect(try store.waitingReplies() == 1)
        let flagged = try #require(try store.inboundSMS(needingAttention: true).first)
        let help = try #require(try store.inboundSMS().first { $0.command == "help" })
        #expect(flagged.waiting)

        // The desk's board says a reply waits; the panel's h marks it handled
        let desk = try h.clinic.addStaff(.receptionist)
        let ui = try TUIHarness(.staff, clinic: h.clinic)
        ui.signIn(desk.email!, "staff-password")
        #expect(ui.screen.contains("⚑ 1 SMS to read (m)"), "\(ui.screen)")
        ui.press(.char("m"), .tab, .tab)
        let panel = try #require(ui.core.top as? SMSPanelModel)
        #expect(panel.view == .replies && ui.screen.contains("Replies (2, ⚑ 1)"), "\(ui.screen)")
        while panel.selectedReply?.id != flagged.id { ui.press(.down) }
        ui.press(.char("h"))
        #expect(ui.screen.contains("marked handled") && ui.screen.contains("✓ Recept"), "\(ui.screen)")
        #expect(try store.waitingReplies() == 0)
        let handled = try #require(try store.inboundSMS(needingAttention: true).first)
        #expect(handled.handledBy == desk.name && handled.handledAt != nil)
        ui.press(.char("h"))
        #expect(ui.screen.contains("Handled already by Receptionist"), "pressing it again says why and changes nothing")
        ui.press(.escape)
        #expect(!ui.screen.contains("SMS to read"))

        // The core's refusals
        func code(_ body: () throws -> Void) -> ClinicError.Code? {
            do { try body(); return nil } catch let e as ClinicError { return e.code } catch { return nil }
        }
        #expect(code { try store.markHandled(inboundID: flagged.id, by: .shell) } == .conflict)
        #expect(code { try store.markHandled(inboundID: help.id, by: .shell) } == .invalidInput)
        #expect(code { try store.markHandled(inboundID: 9999, by: .shell) } == .notFound)
        #expect(code { try store.markHandled(inboundID: flagged.id, by: .account(pia.id, .patient, via: .kiosk)) } == .forbidden)
    }

    @Test("clinic sms inbox --flagged lists it; clinic sms handle marks it, a second time is a conflict")
    func fromTheShell() async throws {
        let h = try WebhookHarness()
        try await h.start()
        let pia = try h.clinic.addPatient(name: "Pia")
        _ = await h.sms(from: pia.phone!, "stop texting me please")
        await h.stop()
        let db = h.clinic.database.arguments
        let env = ["CLINIC_NOW": "2026-03-02T12:00:00Z"]
        let listed = try ClinicBinary.run(["sms", "inbox", "--flagged", "--json"] + db, environment: env)
        let messages = try #require(
            (try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])?["messages"] as? [[String: Any]])
        let id = try #require(messages.first?["id"] as? Int)
        #expect(messages.count == 1 && messages[0]["handled_at"] is NSNull)
        let handled = try ClinicBinary.run(["sms", "handle", String(id)] + db, environment: env)
        #expect(handled.exitCode == 0 && handled.stdout.contains("handled by the admin at the shell"), "\(handled.stdout)\(handled.stderr)")
        let again = try ClinicBinary.run(["sms", "handle", String(id), "--json"] + db, environment: env)
        #expect(again.exitCode == 1 && again.stdout.contains("\"conflict\""), "\(again.stdout)")
        #expect(try ClinicBinary.run(["sms", "inbox", "--flagged"] + db, environment: env).stdout.contains("handled by"))
    }
}
