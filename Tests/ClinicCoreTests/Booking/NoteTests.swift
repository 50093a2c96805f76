import ClinicCore
import ClinicTesting
import Foundation
import Testing

@Suite("Doctor's notes on an appointment")
struct NoteTests {
    func clinic() throws -> (TestClinic, Account, Account, Appointment) {
        let c = try TestClinic()
        let ana = try c.addDoctor(name: "Dr Ana"), ben = try c.addDoctor(name: "Dr Ben")
        let a = try c.book(doctor: ana, patient: c.addPatient(), at: c.local("2026-03-03", "09:00"))
        return (c, ana, ben, a)
    }

    @Test func theDoctorWritesRewritesAndClearsTheirNote() throws {
        let (c, ana, _, a) = try clinic()
        #expect(try c.store.note(code: a.code) == nil)
        let first = try c.store.setNote(code: a.code, text: "  BP 140/90; recheck in 2 weeks  ", by: .account(ana.id, .doctor, via: .tui))
        #expect(first?.text == "BP 140/90; recheck in 2 weeks" && first?.updatedBy == ana.id)
        c.clock.advance(by: 60)
        try c.store.setNote(code: a.code, text: "Reviewed: ok", by: .account(ana.id, .doctor, via: .tui))
        let read = try #require(try c.store.note(code: a.code))
        #expect(read.text == "Reviewed: ok" && read.updatedAt == TestClinic.seconds("2026-03-02T12:01:00Z"))
        #expect(try c.store.setNote(code: a.code, text: "   ", by: .shell) == nil)
        #expect(try c.store.note(code: a.code) == nil)
    }

    @Test func othersAreRefusedAndNothingChanges() throws {
        let (c, ana, ben, a) = try clinic()
        try c.store.setNote(code: a.code, text: "Private", by: .account(ana.id, .doctor, via: .tui))
        let desk = try c.addStaff(.receptionist), admin = try c.addStaff(.admin)
        for actor in [
            Actor.account(ben.id, .doctor, via: .tui), .account(desk.id, .receptionist, via: .tui),
            .account(a.patient.id, .patient, via: .kiosk), .scheduler,
        ] {
            #expect(refusal { try c.store.setNote(code: a.code, text: "changed", by: actor) } == .forbidden, "\(actor)")
        }
        #expect(try c.store.note(code: a.code)?.text == "Private")
        let long = String(repeating: "x", count: ClinicStore.maxNoteLength + 1)
        #expect(refusal { try c.store.setNote(code: a.code, text: long, by: .account(ana.id, .doctor, via: .tui)) } == .invalidInput)
        #expect(try c.store.note(code: a.code)?.text == "Private")
        try c.store.setNote(code: a.code, text: "Admin addendum", by: .account(admin.id, .admin, via: .tui))
        #expect(try c.store.note(code: a.code)?.text == "Admin addendum")
        #expect(refusal { try c.store.setNote(code: "ZZZZZZ", text: "x", by: .shell) } == .notFound)
    }
}
