import ClinicCore
import ClinicTesting
import Foundation
import Testing
@_spi(Tooling) @testable import ClinicTUI

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
        h.signIn(receptionist.email!, "staff-password")
        return (h, booked)
    }

    @Test("a receptionist lands on today's board: every doctor's appointments grouped, with time, patient, code, status")
    func board() throws {
        let (h, booked) = try desk()
        let board = try #require(h.core.top as? BoardModel)
        #expect(board.groups.map(\.doctorName) == ["Dr Ana Moreau", "Dr Ben Okafor"])
        #expect((0..<board.rowCount).compactMap { board.appointment(at: $0)?.code } == booked.prefix(3).map(\.code))
        let s = h.screen
        #expect(s.contains("Mon 2 Mar 2026 (today)") && s.contains("3 appointments · 0 waiting · 0 late"))
        #expect(s.contains("Dr Ana Moreau · Cardiology · 2 appointments, 2 still open"))
        #expect(s.contains("09:00  Zoë Lefèvre") && s.contains(booked[0].code) && s.contains("scheduled"))
        #expect(s.contains("14:00  Pia Kowalska") && !s.contains(booked[3].code))
        #expect(h.frame.role(of: booked[1].code + "  scheduled") == .normal)
        #expect(h.frame.role(of: "scheduled   Rash") == .statusScheduled)
        #expect(s.contains("c check in") && s.contains("[ ] t day") && s.contains("/ find patient"))
        // a wider terminal's footer also lists the board's other keys
        h.width = 160
        let footer = h.screen.split(separator: "\n").last.map(String.init) ?? ""
        #expect(
            footer.contains("n new visit") && footer.contains("r move") && footer.contains("x cancel")
                && footer.contains("u undo check-in") && footer.contains("[ ] t day"), "\(footer)")
    }

    @Test("late is computed from the injected clock: past start and not checked in")
    func late() throws {
        let (h, booked) = try desk()
        h.clinic.clock.set(TestClinic.instant("2026-03-02T14:40:00Z"))  // 09:40 local
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
        #expect(h.screen.contains("Sun 1 Mar 2026") && h.screen.contains("not working on Sundays"))
        h.press(.char("t"))
        #expect(h.screen.contains("Mon 2 Mar 2026 (today)"))
        h.press(.enter)
        let detail = try #require(h.core.top as? AppointmentDetailModel)
        #expect(detail.code == booked[0].code)
        #expect(h.screen.contains("Palpitations") && h.screen.contains("Zoë Lefèvre") && h.screen.contains("History"))
        h.press(.char("c"))
        #expect(h.screen.contains("Checked in \(booked[0].code)."))
        // checked in, the details offer the undo instead of check-in, move and cancel (dimmed or left out)
        let frame = h.frame
        #expect(frame.role(of: "u undo check-in") == .footerKey)
        #expect(frame.role(of: "c check in") != .footerKey && frame.role(of: "x cancel") != .footerKey && frame.role(of: "r move") != .footerKey)
        h.press(.char("u"))
        #expect(h.screen.contains("Check-in of \(booked[0].code) undone"))
        h.press(.char("c"))
        h.press(.escape)
        #expect(h.screen.contains("1 waiting"))
    }

    @Test("details offer the desk move and cancel; back on the details the result shows")
    func detailsMoveAndCancel() throws {
        let (h, booked) = try desk()
        h.press(.down, .enter)  // Omar Haddad, 09:30 with Dr Ana
        #expect(h.screen.contains("r move") && h.screen.contains("x cancel") && !h.screen.contains("mark completed"))
        h.press(.char("r"))
        #expect((h.core.top as? RescheduleModel)?.selected?.slot.start == (try h.clinic.local("2026-03-02", "10:00")))
        h.press(.enter)
        #expect(h.core.top is AppointmentDetailModel && h.screen.contains("Moved \(booked[1].code) to Mon 2 Mar 2026 10:00."))
        // the history entry of the move reads in local times, by name, and wraps at 80 columns instead of being cut
        #expect(h.width == 80 && h.screen.contains("moved from Mon 2 Mar 2026 09:30 to Mon 2 Mar"), "\(h.screen)")
        #expect(h.screen.contains("(receptionist) via tui") && !h.screen.contains("-05:00"), "\(h.screen)")
        h.press(.char("x")); h.type("Doctor ill"); h.press(.enter)
        #expect(h.screen.contains("Cancelled \(booked[1].code) (Doctor ill).") && h.screen.contains("cancelled"))
        // cancelled: nothing to move, cancel or check in is offered (dimmed or left out), and x only says why
        let frame = h.frame
        #expect(["x cancel", "r move", "c check in"].allSatisfy { frame.role(of: $0) != .footerKey })
        h.press(.char("x"))
        #expect(h.core.top is AppointmentDetailModel && h.screen.contains("The appointment is already cancelled."))
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

@Suite("Board of a busy day: laid out from counts, read near the selection")
struct BusyBoardTests {
    /// A row painted before its doctor's appointments were read shows a lone `…`.
    func unread(_ screen: String) -> Bool {
        screen.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == "…" }
    }

    @Test("every row reached by the keys is read and in order; counts, late and waiting agree with the rows")
    func busyDay() throws {
        let clinic = try TestClinic()
        let doctors = try (0..<5).map { i in
            try clinic.addDoctor(
                name: "Dr \(["Ana", "Ben", "Cy", "Di", "Ed"][i]) Busy", hours: "mon-fri 08:00-20:00", slotMinutes: 10,
                specialization: i < 2 ? "Cardiology" : "Dermatology")
        }
        let idle = try clinic.addDoctor(name: "Dr Idle", specialization: "Neurology")
        let patients = try (0..<(5 * 72)).map { _ in try clinic.addPatient() }
        var expected: [String] = []
        for (i, d) in doctors.enumerated() {
            for slot in 0..<72 {
                let start = try clinic.local("2026-03-02", String(format: "%02d:%02d", 8 + slot / 6, slot % 6 * 10))
                expected.append(try clinic.book(doctor: d, patient: patients[i * 72 + slot], at: start).code)
            }
        }
        #expect(expected.count > 2 * BoardModel.window)  // more rows than are read at once
        let first = try clinic.store.appointment(code: expected[3])
        _ = try clinic.store.transition(code: first.code, to: .checkedIn, by: .shell)
        clinic.clock.set(TestClinic.instant("2026-03-02T14:05:00Z"))  // 09:05 local: 07 slots started per doctor
        let receptionist = try clinic.addStaff(.receptionist)
        let h = try TUIHarness(.staff, clinic: clinic)
        h.height = 40
        h.signIn(receptionist.email!, "staff-password")
        let board = try #require(h.core.top as? BoardModel)
        // a row per appointment, and Dr Idle's "no appointments" row (selectable, for n)
        #expect(board.appointmentCount == expected.count && board.rowCount == expected.count + 1 && board.groups.count == 6)
        #expect(h.screen.contains("\(expected.count) appointments · 1 waiting · \(5 * 7 - 1) late"))
        // it opens on the first active visit not over yet: Dr Ana's 09:00–09:10, her seventh
        #expect(board.list.selected == 6 && board.selected?.code == expected[6])
        h.press(.home)
        for row in 0..<expected.count {
            #expect(board.selected?.code == expected[row], "row \(row)")
            if row % 37 == 0 { #expect(!unread(h.screen)) }
            h.press(.down)
        }
        h.press(.end)
        #expect(board.selected == nil && board.selectedDoctorID == idle.id && !unread(h.screen))
        #expect(h.screen.contains("▸   no appointments · n books one"))
        h.press(.up)
        #expect(board.selected?.code == expected.last)
        h.press(.down, .char("n"))
        let booking = try #require(h.core.top as? PatientSearchModel)
        #expect(booking.booking?.doctor.id == idle.id, "n books with the doctor who has nothing that day")
        h.press(.escape)
        h.press(.home)
        #expect(board.selected?.code == expected.first && h.screen.contains("Dr Ana Busy · Cardiology · 72 appointments, 72 still open"))
        // another process books the idle doctor: after the refresh the layout has room for it and the selection stays
        h.press(.pageDown)
        let kept = board.selected?.code
        _ = try clinic.book(doctor: idle, patient: patients[0], at: clinic.local("2026-03-02", "16:00"))
        h.core.tick(at: h.time + 1, dataChanged: true)
        #expect(board.appointmentCount == expected.count + 1 && board.rowCount == expected.count + 1 && board.selected?.code == kept)
    }
}

@Suite("Board in every script")
struct BoardScriptTests {
    @Test("names in Devanagari, CJK, Arabic and emoji leave every code whole on its row, at 80×24 and 120×40")
    func codesStayWhole() throws {
        let clinic = try TestClinic()
        let ana = try clinic.addDoctor(name: "Dr İlkay शर्मा", specialization: "Cardiology")
        let names = ["प्रिया Ó Súilleabháin", "김민준 李小龙", "محمد عَلِيّ", "Zoë 👍🏽 🇵🇱 ❤️", "क्षत्रिय さくら", "שָׁלוֹם Ελένη"]
        let times = ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"]
        var booked: [(Appointment, String)] = []
        for (name, time) in zip(names, times) {
            let patient = try clinic.addPatient(name: name)
            booked.append((try clinic.book(doctor: ana, patient: patient, at: clinic.local("2026-03-02", time)), time))
        }
        let desk = try clinic.addStaff(.receptionist)
        let h = try TUIHarness(.staff, clinic: clinic)
        h.signIn(desk.email!, "staff-password")
        #expect(h.core.top is BoardModel)
        for (w, hgt) in [(80, 24), (120, 40)] {
            let frame = h.frame(width: w, height: hgt)
            #expect(FrameCheck.badRows(frame).isEmpty, "\(w)×\(hgt): \(FrameCheck.badRows(frame).map(\.text))")
            for (appointment, time) in booked {
                let row = (0..<frame.height).map(frame.line).first { $0.contains(appointment.code) }
                #expect(row?.contains(time) == true, "\(w)×\(hgt): \(appointment.code) not whole on the \(time) row")
                // and the code is its own word on the row, not run into the status
                #expect(row?.contains(appointment.code + " ") == true)
            }
        }
    }
}
