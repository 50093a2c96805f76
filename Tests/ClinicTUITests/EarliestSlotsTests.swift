import ClinicCore
import ClinicTesting
import Foundation
import Testing
@_spi(Tooling) @testable import ClinicTUI

@Suite("Booking: earliest available across doctors, and the next free day")
struct EarliestSlotsTests {
    /// Two cardiologists (Dr Zed works Mon 09–10, Dr Abe Tue–Fri 09–10) and a
    /// signed-in patient on the kiosk (Mon 2 Mar 2026, 07:00 local).
    func kiosk() throws -> (TUIHarness, zed: Account, abe: Account, patient: Account) {
        let clinic = try TestClinic()
        let zed = try clinic.addDoctor(name: "Dr Zed Ålund", hours: "mon 09:00-10:00", specialization: "Cardiology")
        let abe = try clinic.addDoctor(name: "Dr Abe 김", hours: "tue-fri 09:00-10:00", specialization: "Cardiology")
        let patient = try clinic.addPatient(name: "Pia Kowalska")
        let h = try TUIHarness(.kiosk, clinic: clinic)
        h.signIn(patient.email!, "patient-password")
        return (h, zed, abe, patient)
    }

    @Test("the doctor list starts with 'Earliest available (any doctor)'; the selection starts on the first doctor")
    func doctorListRow() throws {
        let (h, _, abe, _) = try kiosk()
        h.press(.char("b"), .enter)
        let doctors = try #require(h.core.top as? BookDoctorModel)
        #expect(doctors.list.selected == 1 && doctors.selectedDoctor?.id == abe.id)
        let lines = h.frame.text.split(separator: "\n").map(String.init)
        let earliest = try #require(lines.firstIndex { $0.contains("Earliest available (any doctor)") })
        #expect(lines[earliest].contains("the next free slots of all 2"))
        #expect(lines[earliest + 1].contains("Dr Abe 김") && lines[earliest + 2].contains("Dr Zed Ålund"))
        #expect(h.frame(width: 120, height: 40).text.contains("e earliest available"))
        // Enter on a doctor still opens their day; ↑ Enter and e open the earliest list
        h.press(.enter)
        #expect((h.core.top as? BookSlotModel)?.doctor.id == abe.id)
        h.press(.escape, .up, .enter)
        #expect(h.core.top is EarliestSlotsModel)
        h.press(.escape, .char("e"))
        #expect(h.core.top is EarliestSlotsModel)
    }

    @Test("the earliest list runs across the doctors in time order; Enter books through the reason and the confirmation")
    func bookEarliest() throws {
        let (h, zed, abe, patient) = try kiosk()
        h.press(.char("b"), .enter, .char("e"))
        let model = try #require(h.core.top as? EarliestSlotsModel)
        #expect(model.entries.prefix(3).map(\.doctor.id) == [zed.id, zed.id, abe.id])
        let s = h.screen
        #expect(s.contains("Cardiology: earliest available") && s.contains("From ◂ [  Mon 2 Mar 2026  ] ▸"))
        #expect(s.contains("Mon 2 Mar 2026   09:00–09:30   Dr Zed Ålund"), "\(s)")
        #expect(s.contains("Tue 3 Mar 2026   09:00–09:30   Dr Abe 김"))
        h.press(.down, .down, .enter)  // Tuesday 09:00 with Dr Abe
        let confirm = try #require(h.core.top as? BookConfirmModel)
        #expect(confirm.doctor.id == abe.id && h.screen.contains("Tue 3 Mar 2026 09:00–09:30"))
        h.type("शर्मा 🇵🇱 👩🏽‍⚕️ 각"); h.press(.enter, .enter)
        #expect(h.core.top is PatientHomeModel)
        #expect(h.screen.contains("Booked Tue 3 Mar 2026 09:00 with Dr Abe 김. Your code is"))
        let booked = try h.clinic.store.appointments(AppointmentFilter(patientID: patient.id))
        #expect(booked.count == 1 && booked[0].doctor.id == abe.id && booked[0].reason == "शर्मा 🇵🇱 👩🏽‍⚕️ 각")
        #expect(booked[0].start == (try h.clinic.local("2026-03-03", "09:00")))
    }

    @Test("a slot taken meanwhile comes back to the earliest list with 'just taken', the reason kept, the slot gone")
    func justTaken() throws {
        let (h, zed, _, _) = try kiosk()
        let other = try h.clinic.addPatient()
        h.press(.char("b"), .enter, .char("e"), .enter)  // Mon 09:00 with Dr Zed
        h.type("Check-up")
        try h.clinic.book(doctor: zed, patient: other, at: h.clinic.local("2026-03-02", "09:00"))
        h.press(.enter, .enter)
        let model = try #require(h.core.top as? EarliestSlotsModel)
        #expect(h.screen.contains("That slot was just taken by someone else"))
        #expect(model.entries.first?.slot.start == (try h.clinic.local("2026-03-02", "09:30")))
        h.press(.enter)
        #expect((h.core.top as? BookConfirmModel)?.reason[0] == "Check-up")
    }

    @Test("[ ] t move the first day searched; not before today; nothing free says how far it looked")
    func fromDay() throws {
        let (h, _, _, _) = try kiosk()
        h.press(.char("b"), .enter, .char("e"))
        h.press(.char("["))
        #expect(h.screen.contains("You can only book from today on."))
        h.press(.char("]"))
        #expect(h.screen.contains("From ◂ [  Tue 3 Mar 2026  ] ▸"))
        #expect((h.core.top as? EarliestSlotsModel)?.entries.first.map { h.context.timeZone.local($0.slot.start).date } == LocalDate("2026-03-03"))
        h.press(.char("t"))
        #expect(h.screen.contains("From ◂ [  Mon 2 Mar 2026  ] ▸"))
        // a specialization whose only doctor is away for months
        let away = try h.clinic.addDoctor(name: "Dr Away", hours: "mon-fri 09:00-10:00", specialization: "Dermatology")
        try h.clinic.store.addTimeOff(
            doctorID: away.id, from: try h.clinic.local("2026-03-02", "00:00"), to: try h.clinic.local("2026-06-01", "00:00"), by: .shell)
        let model = EarliestSlotsModel(h.context, specialty: "Dermatology")
        var buffer = CellBuffer(width: 80, height: 20)
        model.paint(into: &buffer, area: buffer.bounds)
        #expect(buffer.text.contains("No free slot in the 60 days from Mon 2 Mar 2026: ] looks later."))
    }

    @Test("n on a doctor's day jumps to their next day with a free slot, or says there is none")
    func nextFreeDay() throws {
        let (h, zed, _, _) = try kiosk()
        h.press(.char("b"), .enter, .down, .enter)  // Dr Zed's Monday
        let day = try #require(h.core.top as? BookSlotModel)
        #expect(day.doctor.id == zed.id && day.date == LocalDate("2026-03-02"))
        h.press(.char("?"))  // the footer is full at 120 columns: help lists it
        #expect(h.screen.contains("next free day"))
        h.press(.escape)
        h.press(.char("n"))
        #expect(day.date == LocalDate("2026-03-09") && day.selected?.free == true)
        // the first of the week is taken: n lands on the next free one, selected
        try h.clinic.book(doctor: zed, patient: try h.clinic.addPatient(), at: h.clinic.local("2026-03-16", "09:00"))
        h.press(.char("n"))
        let nineThirty = try h.clinic.local("2026-03-16", "09:30")
        #expect(day.date == LocalDate("2026-03-16") && day.selected?.slot.start == nineThirty)
        // time off for the rest of the horizon
        try h.clinic.store.addTimeOff(
            doctorID: zed.id, from: try h.clinic.local("2026-03-17", "00:00"), to: try h.clinic.local("2026-07-01", "00:00"), by: .shell)
        h.press(.char("n"))
        #expect(day.date == LocalDate("2026-03-16"))
        #expect(h.screen.contains("No free slot with Dr Zed Ålund in the 60 days after Mon 16 Mar 2026."), "\(h.screen)")
    }

    @Test("the desk: the card's b offers earliest available and books for the patient; the board's n day has n too")
    func desk() throws {
        let clinic = try TestClinic()
        let ana = try clinic.addDoctor(name: "Dr Ana Moreau", hours: "mon-fri 09:00-10:00", specialization: "Cardiology")
        let ben = try clinic.addDoctor(name: "Dr Ben Okafor", hours: "mon-fri 09:00-10:00", specialization: "Cardiology")
        let zoe = try clinic.addPatient(name: "Zoë Lefèvre")
        try clinic.book(doctor: ana, patient: try clinic.addPatient(), at: clinic.local("2026-03-02", "09:00"))
        let receptionist = try clinic.addStaff(.receptionist)
        let h = try TUIHarness(.staff, clinic: clinic)
        h.signIn(receptionist.email!, "staff-password")
        h.press(.char("/")); h.type("zoe"); h.press(.enter, .char("b"), .enter, .char("e"))
        #expect(h.screen.contains("09:00–09:30   Dr Ben Okafor") && h.screen.contains("09:30–10:00   Dr Ana Moreau"))
        h.press(.enter)
        #expect(h.screen.contains("For Zoë Lefèvre"))
        h.type("각 Follow-up"); h.press(.enter, .enter)
        let card = try #require(h.core.top as? PatientCardModel)
        #expect(card.patientID == zoe.id)
        let booked = try #require(try h.clinic.store.appointments(AppointmentFilter(patientID: zoe.id)).first)
        let nine = try h.clinic.local("2026-03-02", "09:00")
        #expect(booked.doctor.id == ben.id && booked.start == nine)
        #expect(h.screen.contains("Code \(booked.code): booked Mon 2 Mar 2026 09:00 with Dr Ben Okafor for Zoë Lefèvre."))
    }
}
