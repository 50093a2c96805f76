@_spi(Tooling) import ClinicCore
import ClinicTesting
import Foundation
import GRDB
import Testing
@_spi(Tooling) @testable import ClinicTUI

/// The desk sees which message may have reached a patient twice (issue 11,
/// item 13): after a crash mid-send its retry went out, and the SMS panel's
/// Sent view still says an earlier attempt was interrupted.
@Suite("SMS panel: the interrupted-send note")
struct SMSPanelNoteTests {
    @Test("a message resent after a crash mid-send is marked in the Sent view, with the note above the table")
    func interruptedSendIsShown() throws {
        // Given a confirmation SMS whose sender died during the gateway call (in flight, its claim run out)
        let clinic = try TestClinic()
        let ana = try clinic.addDoctor(name: "Dr Ana Moreau")
        let zoe = try clinic.addPatient(name: "Zoë Lefèvre"), omar = try clinic.addPatient(name: "Omar Haddad")
        let a = try clinic.book(doctor: ana, patient: zoe, at: clinic.local("2026-03-03", "09:00"))
        let b = try clinic.book(doctor: ana, patient: omar, at: clinic.local("2026-03-03", "09:30"))
        _ = try clinic.store.transition(code: a.code, to: .confirmed, by: .shell)
        _ = try clinic.store.transition(code: b.code, to: .confirmed, by: .shell)
        try clinic.store.writer.write { db in
            try db.execute(
                sql: """
                    UPDATE sms_outbox SET state = 'sending', in_flight = 1, attempts = 1, claimed_by = 'dead', claimed_until = 0
                    WHERE appointment_id = ? AND kind = 'confirmation'
                    """, arguments: [a.id])
        }
        // When the next scheduler resends it (and sends the others once: each visit's booking notice, b's confirmation)
        try Scheduler(store: clinic.store, gateway: OutboxGateway(), holder: "next").tick()
        let receptionist = try clinic.addStaff(.receptionist)
        let h = try TUIHarness(.staff, clinic: clinic)
        h.signIn(receptionist.email!, "staff-password")
        h.press(.char("m"), .tab)
        let panel = try #require(h.core.top as? SMSPanelModel)
        #expect(panel.view == .sent && panel.sent.count == 4)
        // Then the resent one carries the note, row marked; the others have none
        let resent = try #require(panel.sent.first { $0.appointmentCode == a.code && $0.kind == .confirmation })
        #expect(resent.state == .sent && resent.note == OutboxMessage.interruptedNote)
        #expect(panel.sent.filter { $0.note != nil }.map(\.id) == [resent.id])
        func select(_ code: String) throws {
            let index = try #require(panel.sent.firstIndex { $0.appointmentCode == code && $0.kind == .confirmation })
            while panel.list.selected > index { h.press(.up) }
            while panel.list.selected < index { h.press(.down) }
        }
        try select(a.code)
        #expect(h.screen.contains("⚠ \(a.code) to \(zoe.phone!): an earlier attempt was interrupted"), "\(h.screen)")
        #expect(h.screen.split(separator: "\n").contains { $0.contains(a.code) && $0.contains("⚠ ") })
        try select(b.code)
        #expect(!h.screen.contains("interrupted"), "\(h.screen)")
    }
}
