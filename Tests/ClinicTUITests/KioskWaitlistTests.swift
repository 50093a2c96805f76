import ClinicCore
import ClinicTesting
import Foundation
import Testing
@_spi(Tooling) @testable import ClinicTUI

/// A patient joins the waitlist at the kiosk (`w` on a doctor's day or the
/// earliest slots), is told their place in line, sees it under "My
/// waitlist" with any offer, and leaves it with a second `x`; a patient
/// without a phone gets the core's sentence.
@Suite("Kiosk: the waitlist")
struct KioskWaitlistTests {
    /// Dr Ana (cardiology, weekdays) and a patient in Hangul signed in at the kiosk (Mon 2 Mar 2026, 07:00).
    func kiosk(phone: Bool = true) throws -> (TUIHarness, Account, Account) {
        let clinic = try TestClinic()
        let ana = try clinic.addDoctor(name: "Dr Ana Moreau", specialization: "Cardiology")
        let patient =
            phone
            ? try clinic.addPatient(name: "서지우")
            : try clinic.store.createAccount(
                NewAccount(role: .patient, name: "ليلى حداد", email: "layla@clinic.test", phone: nil, password: "patient-password"),
                by: .shell)
        let h = try TUIHarness(.kiosk, clinic: clinic)
        h.signIn(patient.email!, "patient-password")
        return (h, ana, patient)
    }

    /// The screen's words with every run of spaces and line breaks as one space (wrapped sentences read whole).
    static func flat(_ h: TUIHarness) -> String { h.screen.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    @Test("w on a doctor's day: today to the day looked at, then 'You are number N in line'")
    func joinFromTheDay() throws {
        let (h, ana, patient) = try kiosk()
        let other = try h.clinic.addPatient(name: "First 👩‍👩‍👦")
        _ = try h.clinic.store.joinWaitlist(
            WaitlistRequest(patientID: other.id, target: .doctor(ana.id), from: LocalDate("2026-03-02")!, to: LocalDate("2026-03-20")!),
            by: .shell)
        h.press(.char("b"), .enter, .enter)
        #expect(h.core.top is BookSlotModel)
        #expect(h.screen.contains("w tell me of an earlier visit"), "in the footer at 80 columns: \(h.screen)")
        #expect(h.screen.contains("w: tell me") && h.screen.contains("when an earlier visit frees up"), "beside the slots: \(h.screen)")
        h.press(.char("]"), .char("]"), .char("]"))  // Thu 5 Mar
        h.press(.char("w"))
        let join = try #require(h.core.top as? WaitlistJoinModel)
        #expect(join.form[0] == "2026-03-02" && join.form[1] == "2026-03-05")
        #expect(h.screen.contains("서지우 · an earlier visit with Dr Ana Moreau"))
        h.press(.tab, .tab); h.type("심장 검사 — فحص")
        h.press(.enter)
        #expect(
            Self.flat(h).contains(
                "You are number 2 in line for Dr Ana Moreau. We will text you when a visit frees up; reply TAKE <code> to take it."),
            "\(h.screen)")
        let mine = try h.clinic.store.waitlist(patientID: patient.id, by: .shell)
        #expect(mine.count == 1 && mine[0].position == 2 && mine[0].to == LocalDate("2026-03-05") && mine[0].reason == "심장 검사 — فحص")
        // Enter goes back to the day
        h.press(.enter)
        #expect(h.core.top is BookSlotModel)
    }

    @Test("w on the earliest slots waits for any doctor of the specialization; today + 14 when nothing later is looked at")
    func joinForASpecialization() throws {
        let (h, _, patient) = try kiosk()
        let join = WaitlistJoinModel(h.context, target: .specialization("Cardiology"))
        #expect(join.form[1] == "2026-03-16")
        h.press(.char("b"), .enter, .up, .enter)
        #expect(h.core.top is EarliestSlotsModel)
        h.press(.char("w"))
        #expect(h.screen.contains("an earlier visit with any Cardiology doctor"), "\(h.screen)")
        h.press(.enter)
        #expect(h.screen.contains("You are number 1 in line for any Cardiology doctor."), "\(h.screen)")
        #expect(try h.clinic.store.waitlist(patientID: patient.id, by: .shell).first?.specialization == "Cardiology")
    }

    @Test("a patient without a phone gets the core's sentence and is not put on the list")
    func noPhone() throws {
        let (h, _, patient) = try kiosk(phone: false)
        h.press(.char("b"), .enter, .enter, .char("w"), .enter)
        #expect(h.core.top is WaitlistJoinModel)
        let text = Self.flat(h)
        #expect(text.contains("the waitlist offers free slots by SMS, and ليلى حداد has no phone number; add one first"), "\(h.screen)")
        #expect(try h.clinic.store.waitlist(patientID: patient.id, includeClosed: true, by: .shell).isEmpty)
    }

    @Test("days typed wrong are shown under the field; the core refuses a last day before the first")
    func badDays() throws {
        let (h, _, _) = try kiosk()
        h.press(.char("b"), .enter, .enter, .char("w"))
        h.press(.ctrl("u")); h.type("next week"); h.press(.enter)
        #expect(h.screen.contains("'next week' is not a date YYYY-MM-DD"))
        h.press(.ctrl("u")); h.type("2026-03-10"); h.press(.tab, .ctrl("u")); h.type("2026-03-04"); h.press(.enter)
        #expect(h.screen.contains("the first day (2026-03-10) is after the last (2026-03-04)"), "\(h.screen)")
    }

    @Test("My waitlist lists the patient's places and an open offer; x twice leaves, through the core")
    func myWaitlist() throws {
        let (h, ana, patient) = try kiosk()
        let entry = try h.clinic.store.joinWaitlist(
            WaitlistRequest(patientID: patient.id, target: .doctor(ana.id), from: LocalDate("2026-03-02")!, to: LocalDate("2026-03-06")!),
            by: .shell)
        let desk = try h.clinic.addStaff(.receptionist)
        let offer = try h.clinic.store.offerWaitlistSlot(entryID: entry.id, by: .account(desk.id, .receptionist, via: .tui))
        h.press(.char("w"))
        #expect(h.core.top is MyWaitlistModel)
        var text = Self.flat(h)
        #expect(h.screen.contains("Dr Ana Moreau") && h.screen.contains("number 1") && h.screen.contains("TAKE \(offer.code)"))
        #expect(text.contains("A visit with Dr Ana Moreau on Mon 2 Mar at 09:00 is yours if you reply TAKE \(offer.code) by 07:15."), "\(h.screen)")
        h.press(.char("x"))
        #expect(h.screen.contains("Press x again to leave the waitlist for Dr Ana Moreau."))
        #expect(try h.clinic.store.waitlist(patientID: patient.id, by: .shell).count == 1)
        h.press(.char("x"))
        text = Self.flat(h)
        #expect(text.contains("You left the waitlist for Dr Ana Moreau.") && text.contains("You are not on a waitlist."), "\(h.screen)")
        let closed = try h.clinic.store.waitlist(patientID: patient.id, includeClosed: true, by: .shell)
        #expect(closed.first?.state == .removed && closed.first?.openOffer == nil)
        // The home menu has it too
        h.press(.escape, .down, .down, .enter)
        #expect(h.core.top is MyWaitlistModel)
    }
}
