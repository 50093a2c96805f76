@_spi(Tooling) import ClinicCore
import ClinicTesting
import Foundation
import GRDB
import Testing
@_spi(Tooling) @testable import ClinicTUI

/// The desk acts on the SMS panel: each item opens its appointment or its
/// patient's card, a failed message is retried or its number corrected (and
/// the retry to the new number offered), bodies show whole and wrapped,
/// senders by name, outcomes in words.
@Suite("SMS panel: acting on items")
struct SMSPanelActionsTests {
    /// A clinic on Monday 2 March 2026 with Pia's visit on Tuesday at 09:00 and
    /// its booking notice failed (21211), and the receptionist in the panel.
    struct Desk {
        let clinic: TestClinic
        let pia: Account
        let visit: Appointment
        let failedID: Int64
        let ui: TUIHarness

        init(body: String? = nil) throws {
            clinic = try TestClinic()
            let ana = try clinic.addDoctor(name: "Dr Ana Moreau")
            pia = try clinic.addPatient(name: "Pia Novak")
            visit = try clinic.book(doctor: ana, patient: pia, at: clinic.local("2026-03-03", "09:00"))
            failedID = try #require(try clinic.store.smsLog().first { $0.kind == .booking }?.id)
            try clinic.store.writer.write { [failedID] db in
                try db.execute(
                    sql: """
                        UPDATE sms_outbox SET state = 'failed', attempts = 1, error_code = '21211', error_message = 'invalid To',
                            body = COALESCE(?, body) WHERE id = ?
                        """, arguments: [body, failedID])
            }
            let desk = try clinic.addStaff(.receptionist)
            ui = try TUIHarness(.staff, clinic: clinic)
            ui.signIn(desk.email!, "staff-password")
            ui.press(.char("m"))
        }

        var panel: SMSPanelModel { ui.core.top as! SMSPanelModel }

        /// Selects the row of the current view that `matches`.
        func select(_ matches: (SMSPanelItem) -> Bool) throws {
            var key = Key.down
            for _ in 0..<100 where !(panel.selectedItem.map(matches) ?? false) {
                let before = panel.list.selected
                ui.press(key)
                if panel.list.selected == before { key = .up }
            }
            #expect(panel.selectedItem.map(matches) == true, "\(ui.screen)")
        }
    }

    @Test("Enter opens the appointment, p the patient's card; a reply from a stranger's number is refused with the reason")
    func openFromEachView() throws {
        let d = try Desk()
        // Outgoing: the failed notice opens its appointment, p its patient
        #expect(d.panel.view == .outgoing && d.ui.screen.contains("Enter open visit"), "\(d.ui.screen)")
        d.ui.press(.enter)
        #expect((d.ui.core.top as? AppointmentDetailModel)?.code == d.visit.code, "\(d.ui.screen)")
        d.ui.press(.escape, .char("p"))
        #expect((d.ui.core.top as? PatientCardModel)?.patientID == d.pia.id)
        d.ui.press(.escape)

        // Replies: one about the visit opens it; free text opens the patient; a stranger's is refused
        _ = try d.clinic.store.receiveSMS(InboundSMS(messageSID: "SM1", from: d.pia.phone!, body: "CONFIRM \(d.visit.code)"))
        _ = try d.clinic.store.receiveSMS(InboundSMS(messageSID: "SM2", from: d.pia.phone!, body: "can I come earlier?"))
        _ = try d.clinic.store.receiveSMS(InboundSMS(messageSID: "SM3", from: "+15550109999", body: "who is this"))
        d.panel.reload()
        d.ui.press(.tab, .tab)
        try d.select { if case .reply(let r) = $0 { return r.messageSID == "SM1" } else { return false } }
        d.ui.press(.enter)
        #expect((d.ui.core.top as? AppointmentDetailModel)?.code == d.visit.code)
        d.ui.press(.escape)
        try d.select { if case .reply(let r) = $0 { return r.messageSID == "SM2" } else { return false } }
        #expect(d.ui.screen.contains("Enter open patient"), "\(d.ui.screen)")
        d.ui.press(.enter)
        #expect((d.ui.core.top as? PatientCardModel)?.patientID == d.pia.id)
        d.ui.press(.escape)
        try d.select { if case .reply(let r) = $0 { return r.messageSID == "SM3" } else { return false } }
        d.ui.press(.enter)
        #expect(d.ui.core.top is SMSPanelModel)
        #expect(d.ui.screen.contains("+15550109999 is no patient's number now"), "\(d.ui.screen)")

        // Flagged numbers: the number's patient
        try d.clinic.store.setOptOut(phone: d.pia.phone!, optedOut: true, source: "sms_stop")
        d.panel.reload()
        d.ui.press(.tab)
        #expect(d.panel.view == .flagged && d.ui.screen.contains("Pia Novak"), "\(d.ui.screen)")
        d.ui.press(.enter)
        #expect((d.ui.core.top as? PatientCardModel)?.patientID == d.pia.id)
    }

    @Test("r retries a failed message; e corrects the number and the retry to the new number is offered")
    func retryAndCorrect() throws {
        let d = try Desk()
        let screen = d.ui.screen
        #expect(screen.contains("Failed: the number is not a valid phone number (21211)"), "\(screen)")
        #expect(screen.contains("Pia Novak · \(d.pia.phone!)"), "\(screen)")
        d.ui.press(.char("r"))
        #expect(d.ui.screen.contains("Message \(d.failedID) queued again to Pia Novak"), "\(d.ui.screen)")
        var m = try #require(try d.clinic.store.outboxMessage(id: d.failedID))
        #expect(m.state == .queued && m.attempts == 0 && m.errorCode == nil)
        // r on a message waiting to be sent says why not
        d.ui.press(.char("r"))
        #expect(d.ui.screen.contains("Message \(d.failedID) is waiting to be sent already: only a failed message is retried."), "\(d.ui.screen)")

        // It fails again; e opens Pia's details, the number is corrected, y retries to it
        try d.clinic.store.writer.write { db in
            try db.execute(sql: "UPDATE sms_outbox SET state = 'failed', error_code = '21614' WHERE id = ?", arguments: [d.failedID])
        }
        d.panel.reload()
        d.ui.press(.char("e"))
        let edit = try #require(d.ui.core.top as? AccountEditModel)
        #expect(edit.account.id == d.pia.id)
        d.ui.press(.tab, .ctrl("u"))
        d.ui.type("555 010 7777")
        d.ui.press(.enter)
        #expect(d.ui.core.top is SMSPanelModel)
        #expect(d.panel.offer == SMSPanelModel.RetryOffer(messageID: d.failedID, to: "+15550107777"))
        #expect(d.ui.screen.contains("Pia Novak's number is +15550107777 now. Retry message \(d.failedID) to it?  y retry"), "\(d.ui.screen)")
        d.ui.press(.char("y"))
        m = try #require(try d.clinic.store.outboxMessage(id: d.failedID))
        #expect(m.state == .queued && m.to == "+15550107777")
        #expect(d.ui.screen.contains("queued again to Pia Novak · +15550107777"), "\(d.ui.screen)")
        #expect(try d.clinic.store.accountEvents(accountID: d.pia.id, viewer: .shell).contains { $0.fields.contains("phone") })
    }

    @Test("a body in Devanagari, Hangul, Arabic and emoji ZWJ sequences shows whole, wrapped at grapheme boundaries")
    func bodiesWrapWhole() throws {
        let body =
            "नमस्ते डॉक्टर, मुझे कल की अपॉइंटमेंट के बारे में पूछना है। 안녕하세요 예약을 확인하고 싶습니다 "
            + "مرحبا، أريد تغيير موعدي من فضلك 👩🏽‍⚕️👨‍👩‍👧‍👦🏳️‍🌈 "
            + String(repeating: "प्रि각ع👩‍💻", count: 12)
        // The wrap: no line wider than its cells, every character kept, none split
        for width in [7, 20, 67] {
            let lines = Painter.wrapWhole(body, width: width)
            #expect(lines.allSatisfy { CharWidth.of($0) <= width }, "\(width): \(lines)")
            #expect(lines.joined().filter { $0 != " " } == body.filter { $0 != " " }, "\(width)")
            #expect(lines.flatMap { Array($0) }.filter { $0 != " " }.count == body.filter { $0 != " " }.count)
        }
        #expect(Painter.wrapWhole("a\r\nb\tc", width: 10) == ["a", "b c"])

        // On the panel: the failed message's body fills the detail pane, whole
        let d = try Desk(body: body)
        let frame = d.ui.frame
        let text = frame.text
        #expect(text.contains("Message  नमस्ते डॉक्टर,"), "\(text)")
        #expect(text.contains("안녕하세요") && text.contains("مرحبا،") && text.contains("👩🏽‍⚕️👨‍👩‍👧‍👦🏳️‍🌈"), "\(text)")
        let painted = (0..<frame.height).map { frame.line($0) }.joined().filter { $0 != " " }
        #expect(painted.contains(String(repeating: "प्रि각ع👩‍💻", count: 3)) || painted.contains("प्रि각ع👩‍💻प्रि"), "\(text)")
        let lines = SMSPanelDetailPainter.lines(try #require(d.panel.detail), width: 76)
        let bodyLines = lines.drop { $0.label != "Message" }.prefix { $0.label == "Message" || $0.label.isEmpty }.map(\.text)
        #expect(bodyLines.joined().filter { $0 != " " } == body.filter { $0 != " " })
        #expect(bodyLines.allSatisfy { CharWidth.of($0) <= 76 - SMSPanelDetailPainter.labelWidth })
    }

    @Test("senders by name beside the number, a stranger's number alone; outcomes as sentences; the footer's order at 80 columns")
    func namesAndSentences() throws {
        let d = try Desk()
        try d.clinic.book(doctor: try d.clinic.addDoctor(), patient: d.pia, at: d.clinic.local("2026-03-04", "09:00"))
        _ = try d.clinic.store.receiveSMS(InboundSMS(messageSID: "SM1", from: d.pia.phone!, body: "C"))
        _ = try d.clinic.store.receiveSMS(InboundSMS(messageSID: "SM2", from: "+15550109999", body: "CONFIRM \(d.visit.code)"))
        d.panel.reload()
        d.ui.press(.tab, .tab)
        try d.select { if case .reply(let r) = $0 { return r.messageSID == "SM1" } else { return false } }
        let screen = d.ui.screen
        #expect(screen.contains("Pia Novak · \(d.pia.phone!)") && screen.contains("Asked which visit they meant"), "\(screen)")
        #expect(screen.contains("Answer"), "the clinic's answer shows too")
        #expect(screen.split(separator: "\n").contains { $0.contains("+15550109999") && !$0.contains("·") })
        #expect(!screen.contains("asked_which") && !screen.contains("unknown_sender"))
        // The footer: the screen's keys first, then back and quit, help (or "more") last
        let footer = String(screen.split(separator: "\n").last ?? "")
        let order = ["Enter open patient", "p patient's card", "next view", "Esc back", "quit", "?/F1"].compactMap { footer.range(of: $0)?.lowerBound }
        #expect(footer.hasPrefix("Enter open patient  p patient's card") && order == order.sorted() && order.count >= 3, "\(footer)")
        #expect(footer.hasSuffix("?/F1 more") || footer.hasSuffix("?/F1 help"), "\(footer)")
        try d.select { if case .reply(let r) = $0 { return r.messageSID == "SM2" } else { return false } }
        #expect(d.ui.screen.contains("From     +15550109999\n") || d.ui.screen.contains("From     +15550109999 "), "\(d.ui.screen)")
        #expect(d.ui.screen.contains("Outcome  Unknown number: no patient has it"), "\(d.ui.screen)")
        d.ui.press(.tab, .tab)
        try d.select { if case .message(let m) = $0 { return m.id == d.failedID } else { return false } }
        let outgoing = String(d.ui.screen.split(separator: "\n").last ?? "")
        #expect(outgoing.hasPrefix("Enter open visit  r retry  e correct number"), "\(outgoing)")
        #expect(outgoing.hasSuffix("more"), "\(outgoing)")
    }
}
