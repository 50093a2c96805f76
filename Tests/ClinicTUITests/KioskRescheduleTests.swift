import ClinicCore
import ClinicTesting
import Foundation
import Testing
@_spi(Tooling) @testable import ClinicTUI

/// A patient moves their own visit at the kiosk: `r` in my appointments, a
/// free slot, Enter; one transaction (a slot taken meanwhile keeps the old
/// one); another patient's taken slot shows no code; a past visit offers no move.
@Suite("Kiosk: a patient moves their own visit")
struct KioskRescheduleTests {
    @Test("r moves the selected visit to a free slot and says so; the history records it")
    func movesOwnVisit() throws {
        let clinic = try TestClinic()
        let ana = try clinic.addDoctor(name: "Dr Ana Moreau", specialization: "Cardiology")
        let pia = try clinic.addPatient(name: "Pia Kowalska"), other = try clinic.addPatient(name: "Quin")
        let mine = try clinic.book(doctor: ana, patient: pia, at: clinic.local("2026-03-03", "09:00"))
        let theirs = try clinic.book(doctor: ana, patient: other, at: clinic.local("2026-03-03", "09:30"))
        let h = try TUIHarness(.kiosk, clinic: clinic)
        h.signIn(pia.email!, "patient-password")
        h.press(.char("a"))
        #expect(h.core.top is MyAppointmentsModel && h.screen.contains("r move"), "\(h.screen)")
        h.press(.char("r"))
        let move = try #require(h.core.top as? RescheduleModel)
        #expect(h.screen.contains("09:00–09:30    this visit") && h.screen.contains("09:30–10:00    taken"))
        #expect(!h.screen.contains(theirs.code), "another patient's code is not shown")
        #expect(move.selected?.slot.start == (try clinic.local("2026-03-03", "10:00")))  // the first free one
        h.press(.enter)
        #expect(h.core.top is MyAppointmentsModel && h.screen.contains("Moved \(mine.code) to Tue 3 Mar 2026 10:00."), "\(h.screen)")
        let moved = try clinic.store.appointment(code: mine.code)
        #expect(moved.start == (try clinic.local("2026-03-03", "10:00")) && moved.status == .scheduled)
        let event = try #require(try clinic.store.events(code: mine.code).last)
        #expect(event.via == .kiosk && event.actorID == pia.id && event.move != nil)
    }
}
