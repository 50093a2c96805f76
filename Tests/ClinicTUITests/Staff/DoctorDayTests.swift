import ClinicCore
import ClinicTesting
import Foundation
import Testing
@_spi(Tooling) @testable import ClinicTUI

@Suite("Doctor's day")
struct DoctorDayTests {
    /// Dr Ana with two visits on Mon 2 Mar 2026, Dr Ben with one; Ana signed in at 07:00 local.
    func doctor() throws -> (TUIHarness, Account, [Appointment]) {
        let clinic = try TestClinic()
        let ana = try clinic.addDoctor(name: "Dr Ana Moreau")
        let ben = try clinic.addDoctor(name: "Dr Ben Okafor")
        let p1 = try clinic.addPatient(name: "Zoë Lefèvre"), p2 = try clinic.addPatient(name: "Omar Haddad")
        let booked = [
            try clinic.book(doctor: ana, patient: p1, at: clinic.local("2026-03-02", "09:00"), reason: "Palpitations"),
            try clinic.book(doctor: ana, patient: p2, at: clinic.local("2026-03-02", "10:00"), reason: "Blood pressure"),
            try clinic.book(doctor: ben, patient: p2, at: clinic.local("2026-03-02", "14:00"), reason: "Rash"),
            try clinic.book(doctor: ana, patient: p1, at: clinic.local("2026-03-04", "09:00"), reason: "Results"),
        ]
        let h = try TUIHarness(.staff, clinic: clinic)
        h.signIn(ana.email!, "doctor-password")
        return (h, ben, booked)
    }

    @Test("l opens who waits for the doctor (their waitlist), to look at")
    func myWaitlist() throws {
        let (h, _, _) = try doctor()
        let waiting = try h.clinic.addPatient(name: "김민준")
        let ana = try #require(try h.clinic.store.bookableDoctors().first { $0.name == "Dr Ana Moreau" })
        _ = try h.clinic.store.joinWaitlist(
            WaitlistRequest(patientID: waiting.id, target: .doctor(ana.id), from: LocalDate("2026-03-02")!, to: LocalDate("2026-03-09")!),
            by: .shell)
        h.press(.char("l"))
        #expect(h.core.top is WaitlistModel)
        #expect(h.screen.contains("김민준") && h.screen.contains("1 waiting"), "\(h.screen)")
    }

    @Test("a doctor lands on their own day: patient, reason, status; never another doctor's")
    func myDay() throws {
        let (h, _, booked) = try doctor()
        #expect(h.core.top is DoctorDayModel)
        let s = h.screen
        #expect(s.contains("Mon 2 Mar 2026 (today)") && s.contains("2 to see"))
        #expect(s.contains("Zoë Lefèvre") && s.contains("Palpitations") && s.contains("Blood pressure"))
        #expect(!s.contains(booked[2].code) && !s.contains("Rash"))
        h.press(.char("]"), .char("]"))
        #expect(h.screen.contains("Wed 4 Mar 2026") && h.screen.contains("Results"))
        h.press(.char("]"))
        #expect(h.screen.contains("No appointments this day"))
        h.press(.char("t"))
        #expect(h.screen.contains("Palpitations"))
    }

    @Test("d marks completed once the visit has started; the core refuses before")
    func complete() throws {
        let (h, _, booked) = try doctor()
        h.press(.char("d"))
        #expect(h.screen.contains("cannot be completed before it starts"))
        h.clinic.clock.set(TestClinic.instant("2026-03-02T14:05:00Z"))  // 09:05 local
        h.press(.char("d"))
        #expect(try h.clinic.store.appointment(code: booked[0].code).status == .completed)
        #expect(h.screen.contains("Completed \(booked[0].code) (Zoë Lefèvre)."))
        #expect(h.frame.role(of: "completed") != nil)
    }

    @Test("the day updates without a key press when a patient confirms or is checked in elsewhere")
    func live() throws {
        let (h, _, booked) = try doctor()
        _ = try h.clinic.store.transition(code: booked[1].code, to: .confirmed, by: .shell)
        h.core.tick(at: h.time + 1, dataChanged: true)
        #expect(h.screen.contains("confirmed"))
        _ = try h.clinic.store.transition(code: booked[0].code, to: .checkedIn, by: .shell)
        h.core.tick(at: h.time + 2, dataChanged: true)
        #expect(h.screen.contains("checked in"))
    }

    @Test("details show the reason and history; a crafted complete of another doctor's appointment is refused by the core")
    func permissions() throws {
        let (h, _, booked) = try doctor()
        h.press(.enter)
        let detail = try #require(h.core.top as? AppointmentDetailModel)
        #expect(detail.code == booked[0].code && h.screen.contains("Palpitations"))
        // before the visit starts, d is there but refused, and says why
        #expect(
            detail.hints.contains {
                $0.keys == "d" && $0.disabledReason == "an appointment cannot be completed before it starts unless the patient is checked in"
            })
        h.clinic.clock.set(TestClinic.instant("2026-03-02T19:30:00Z"))  // 14:30 local: Ben's visit has started
        #expect(h.frame.role(of: "d mark completed") == .footerKey, "once it has started, d works: \(h.screen)")
        let crafted = AppointmentDetailModel(h.context, code: booked[2].code)
        crafted.complete()
        #expect(crafted.notice?.role == .error)
        #expect(crafted.notice?.text.contains("doctors may act only on their own appointments") == true)
        #expect(try h.clinic.store.appointment(code: booked[2].code).status == .scheduled)
    }

    @Test("g shows my stats: a stacked bar per period, totals and the no-show rate; m switches to days")
    func stats() throws {
        let (h, _, booked) = try doctor()
        h.clinic.clock.set(TestClinic.instant("2026-03-04T15:00:00Z"))
        _ = try h.clinic.store.transition(code: booked[0].code, to: .completed, by: .shell)
        _ = try h.clinic.store.transition(code: booked[1].code, to: .noShow, by: .shell)
        h.press(.char("g"))
        #expect(h.core.top is StatsModel)
        let s = h.screen
        #expect((h.core.top as? StatsModel)?.doctorID == h.context.account?.id && s.contains("All time: 3 appointments"))
        #expect(s.contains("no-show rate 50%") && s.contains("2026-03"))
        #expect(s.contains(/used [0-9]+%/), "each period shows its utilisation: \(s)")
        #expect(h.frame.role(of: "█") == .statusCompleted && h.frame.role(of: "▚▚") == .statusNoShow)
        h.press(.char("m"))
        #expect(h.screen.contains("2026-03-04") && h.screen.contains("2026-03-02"))
    }

    @Test("e on an appointment's details writes the doctor's note; it shows there; Esc keeps it unchanged")
    func notes() throws {
        let (h, _, booked) = try doctor()
        h.press(.enter)
        let detail = try #require(h.core.top as? AppointmentDetailModel)
        #expect(h.screen.contains("Note") && h.screen.contains("none yet") && h.screen.contains("e edit note"))
        h.press(.char("e"))
        #expect(h.core.top is NoteEditorModel)
        h.type("BP 140/90, recheck")
        h.press(.enter)
        #expect(h.core.top === detail && h.screen.contains("Note on \(booked[0].code) saved.") && h.screen.contains("BP 140/90, recheck"))
        #expect(try h.clinic.store.note(code: booked[0].code)?.text == "BP 140/90, recheck")
        h.press(.char("e"), .char("!"), .escape, .char("y"))
        #expect(try h.clinic.store.note(code: booked[0].code)?.text == "BP 140/90, recheck")
    }
}
