import ClinicCore
import ClinicTesting
import Foundation
import Testing
@_spi(Tooling) @testable import ClinicTUI

/// The booking limits on the screens: the kiosk says why a fifth visit is
/// refused; the desk is asked why and books it anyway (audited); the admin
/// sets both limits in the settings.
@Suite("Booking limits on the screens")
struct BookingLimitScreenTests {
    /// Pia with four visits to come (Tue–Fri 09:00 with Dr Ana), a free Monday slot with Dr Ben.
    func clinic() throws -> (TestClinic, Account, DoctorListing, Slot) {
        let clinic = try TestClinic()
        let ana = try clinic.addDoctor(name: "Dr Ana"), ben = try clinic.addDoctor(name: "Dr Ben")
        let pia = try clinic.addPatient(name: "Pia 각")
        for day in ["2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"] {
            try clinic.book(doctor: ana, patient: pia, at: clinic.local(day, "09:00"))
        }
        let listing = try #require(try clinic.store.bookableDoctors().first { $0.id == ben.id })
        let slot = try #require(try clinic.store.slots(doctorID: ben.id, on: LocalDate("2026-03-09")!, viewer: .shell).entries.first?.slot)
        return (clinic, pia, listing, slot)
    }

    @Test("the kiosk: a fifth visit is refused with the reason; nothing is asked, nothing booked")
    func kioskRefused() throws {
        let (clinic, pia, ben, slot) = try clinic()
        let h = try TUIHarness(.kiosk, clinic: clinic)
        h.signIn(pia.email!, "patient-password")
        h.core.open(BookConfirmModel(h.core.context, doctor: ben, slot: slot, slotScreen: nil))
        h.type("Knee"); h.press(.enter, .enter)
        #expect(h.screen.contains("you already have 4 visits to come"), "\(h.screen)")
        #expect(!(h.core.top as? BookConfirmModel)!.overriding)
        #expect(try clinic.store.appointments(AppointmentFilter(patientID: pia.id)).count == 4)
    }

    @Test("the desk: asked why, Esc keeps it unbooked, a reason books it and the history keeps the reason")
    func deskOverrides() throws {
        let (clinic, pia, ben, slot) = try clinic()
        let desk = try clinic.addStaff(.receptionist)
        let h = try TUIHarness(.staff, clinic: clinic)
        h.signIn(desk.email!, "staff-password")
        h.core.open(BookConfirmModel(h.core.context, doctor: ben, slot: slot, slotScreen: nil, patient: pia))
        h.type("Knee"); h.press(.enter, .enter)
        #expect(h.screen.contains("the patient already has 4 visits to come"), "\(h.screen)")
        #expect(h.screen.contains("press Enter to book anyway"))
        h.press(.escape)
        #expect(h.screen.contains("Press Enter to book this visit") && !(h.core.top as! BookConfirmModel).overriding)
        h.press(.enter)
        #expect((h.core.top as? BookConfirmModel)?.overriding == true)
        h.press(.enter)
        #expect(h.screen.contains("say why this patient needs another visit"))
        h.type("post-op series — शल्य"); h.press(.enter)
        let booked = try clinic.store.appointments(AppointmentFilter(patientID: pia.id))
        #expect(booked.count == 5, "\(h.screen)")
        let fifth = try #require(booked.first { $0.doctor.id == ben.id })
        #expect(try clinic.store.events(code: fifth.code).first?.note == "booked over the limits: post-op series — शल्य")
        #expect(try clinic.store.events(code: fifth.code).first?.actorID == desk.id)
    }

    @Test("settings: the admin sets the limit and the kiosk rule; a bad value is refused under its field")
    func settings() throws {
        let (clinic, _, _, _) = try clinic()
        let admin = try clinic.addStaff(.admin)
        let h = try TUIHarness(.staff, clinic: clinic)
        h.signIn(admin.email!, "staff-password")
        h.core.open(SettingsModel(h.core.context))
        #expect(h.screen.contains("Max visits to come") && h.screen.contains("Kiosk: 1/doctor/day"), "\(h.screen)")
        h.press(.tab, .tab, .tab, .tab, .ctrl("u")); h.type("6"); h.press(.tab, .ctrl("u")); h.type("maybe"); h.press(.enter)
        #expect(h.screen.contains("yes or no"))
        h.press(.ctrl("u")); h.type("no"); h.press(.enter)
        #expect(h.screen.contains("Saved."), "\(h.screen)")
        let s = try clinic.store.settings()
        #expect(s.maxActiveVisits == 6 && !s.onePerDoctorDay)
    }
}
