import ClinicCore
import ClinicTesting
import Foundation
import Testing
@testable import ClinicTUI

@Suite("Receptionist's board")
struct BoardTests {
    /// Two doctors, three patients booked on Mon 2 Mar 2026 and a receptionist signed in at 07:00 local.
    func desk() throws -> (TUIHarness, [Appointment]) {
        let clinic = try TestClinic()
        let ana = try clinic.addDoctor(name: "Dr Ana Moreau", specialization: "Cardiology")
        let ben = try clinic.addDoctor(name: "Dr Ben Okafor", specialization: "Dermatology")
        let p1 = try clinic.addPatient(name: "Zoë Lefèvre"), p2 = try clinic.addPatient(name: "Omar Haddad")
        let p3 = try clinic.addPatient(name: "Pia Kowalska")
        let booked = [
            try clinic.book(doctor: ana, patient: p1, at: clinic.local("2026-03-02", "09:00"), reason: "Palpitations"),
            try clinic.book(doctor: ana, patient: p2, at: clinic.local("2026-03-02", "09:30")),
            try clinic.book(doctor: ben, patient: p3, at: clinic.local("2026-03-02", "14:00"), reason: "Rash"),
            try clinic.book(doctor: ben, patient: p3, at: clinic.local("2026-03-03", "09:00"), reason: "Follow-up"),
        ]
        let receptionist = try clinic.addStaff(.receptionist)
        let h = try TUIHarness(.staff, clinic: clinic)
        h.signIn(receptionist.email, "staff-password")
        return (h, booked)
    }

    @Test("a receptionist lands on today's board: every doctor's appointments grouped, with time, patient, code, status")
    func board() throws {
        let (h, booked) = try desk()
        let board = try #require(h.core.top as? BoardModel)
        #expect(board.groups.map(\.doctorName) == ["Dr Ana Moreau", "Dr Ben Okafor"])
        #expect(board.rows.map(\.code) == booked.prefix(3).map(\.code))
        let s = h.screen
        #expect(s.contains("Mon 2 Mar 2026 (today)") && s.contains("3 appointments · 0 waiting · 0 late"))
        #expect(s.contains("Dr Ana Moreau · Cardiology · 2 booked"))
        #expect(s.contains("09:00  Zoë Lefèvre") && s.contains(booked[0].code) && s.contains("scheduled"))
        #expect(s.contains("14:00  Pia Kowalska") && !s.contains(booked[3].code))
        #expect(h.frame.role(of: booked[1].code + "  scheduled") == .normal)
        #expect(h.frame.role(of: "scheduled   Rash") == .statusScheduled)
        #expect(s.contains("c check in") && s.contains("[ ] t day") && s.contains("/ find patient"))
    }

    @Test("late is computed from the injected clock: past start and not checked in")
    func late() throws {
        let (h, booked) = try desk()
        h.clinic.clock.set(TestClinic.instant("2026-03-02T14:40:00Z")) // 09:40 local
        h.core.tick(at: h.time + 1, dataChanged: false)
        let s = h.screen
        #expect(s.contains("late 40m") && s.contains("late 10m") && s.contains("2 late"))
        #expect(h.frame.role(of: "late 10m") == .warning)
        _ = booked
    }

    @Test("c checks the selected patient in with one key; u undoes it within the grace, not after")
    func checkInAndUndo() throws {
        let (h, booked) = try desk()
        h.press(.char("c"))
        #expect(try h.clinic.store.appointment(code: booked[0].code).status == .checkedIn)
        #expect(h.screen.contains("Checked in Zoë Lefèvre (\(booked[0].code)). u undoes it."))
        #expect(h.screen.contains("1 waiting") && h.screen.contains("checked in"))
        h.press(.char("u"))
        #expect(try h.clinic.store.appointment(code: booked[0].code).status == .scheduled)
        #expect(h.screen.contains("Check-in of \(booked[0].code) undone: scheduled again."))
        h.press(.char("c"))
        h.clinic.clock.advance(by: 11 * 60)
        h.press(.char("u"))
        #expect(try h.clinic.store.appointment(code: booked[0].code).status == .checkedIn)
        #expect(h.screen.contains("more than 10 minutes ago and stays"))
        h.press(.down, .char("u"))
        #expect(h.screen.contains("is not checked in"))
    }

    @Test("[ ] t change the day; Enter opens the appointment's details")
    func days() throws {
        let (h, booked) = try desk()
        h.press(.char("]"))
        #expect(h.screen.contains("Tue 3 Mar 2026") && h.screen.contains(booked[3].code) && !h.screen.contains(booked[0].code))
        h.press(.char("["), .char("["))
        #expect(h.screen.contains("Sun 1 Mar 2026") && h.screen.contains("no appointments"))
        h.press(.char("t"))
        #expect(h.screen.contains("Mon 2 Mar 2026 (today)"))
        h.press(.enter)
        let detail = try #require(h.core.top as? AppointmentDetailModel)
        #expect(detail.code == booked[0].code)
        #expect(h.screen.contains("Palpitations") && h.screen.contains("Zoë Lefèvre") && h.screen.contains("History"))
        h.press(.char("c"))
        #expect(h.screen.contains("Checked in \(booked[0].code)."))
        h.press(.escape)
        #expect(h.screen.contains("1 waiting"))
    }

    @Test("details offer the desk move and cancel; back on the details the result shows")
    func detailsMoveAndCancel() throws {
        let (h, booked) = try desk()
        h.press(.down, .enter) // Omar Haddad, 09:30 with Dr Ana
        #expect(h.screen.contains("r move") && h.screen.contains("x cancel") && !h.screen.contains("mark completed"))
        h.press(.char("r"))
        #expect((h.core.top as? RescheduleModel)?.selected?.slot.start == (try h.clinic.local("2026-03-02", "10:00")))
        h.press(.enter)
        #expect(h.core.top is AppointmentDetailModel && h.screen.contains("Moved \(booked[1].code) to Mon 2 Mar 2026 10:00."))
        h.press(.char("x")); h.type("Doctor ill"); h.press(.enter)
        #expect(h.screen.contains("Cancelled \(booked[1].code) (Doctor ill).") && h.screen.contains("cancelled"))
        h.press(.char("x"))
        #expect(h.screen.contains("Only a scheduled or confirmed visit"))
    }

    @Test("the board refreshes when another process changes the data")
    func live() throws {
        let (h, booked) = try desk()
        _ = try h.clinic.store.transition(code: booked[2].code, to: .confirmed, by: .shell)
        #expect(!h.screen.contains("confirmed"))
        h.core.tick(at: h.time + 1, dataChanged: true)
        #expect(h.screen.contains("confirmed"))
    }
}
