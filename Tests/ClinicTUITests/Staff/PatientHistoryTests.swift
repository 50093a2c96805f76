import ClinicCore
import ClinicTesting
import Foundation
import Testing
@_spi(Tooling) @testable import ClinicTUI

/// A patient's history from one of their visits: every doctor's visits,
/// earlier and later, with status; the doctor reads the notes (several lines,
/// written with Ctrl-N), the desk sees the visits and not the notes.
@Suite("Patient history and notes on several lines")
struct PatientHistoryTests {
    /// Pia: a completed visit with Dr Ana last week (a two-line note), one with Dr Ben tomorrow; Dr Ana signed in.
    func clinic() throws -> (TestClinic, Account, Account, Appointment, Appointment) {
        let clinic = try TestClinic(now: TestClinic.instant("2026-02-23T12:00:00Z"))
        let ana = try clinic.addDoctor(name: "Dr Ana Moreau"), ben = try clinic.addDoctor(name: "Dr Ben 민준")
        let pia = try clinic.addPatient(name: "Pia शर्मा")
        let past = try clinic.book(doctor: ana, patient: pia, at: clinic.local("2026-02-24", "09:00"), reason: "Cough")
        let next = try clinic.book(doctor: ben, patient: pia, at: clinic.local("2026-03-03", "10:00"), reason: "Follow-up")
        clinic.clock.set(TestClinic.instant("2026-02-24T14:40:00Z"))
        _ = try clinic.store.transition(code: past.code, to: .completed, by: Actor.account(ana.id, .doctor, via: .tui))
        _ = try clinic.store.setNote(code: past.code, text: "Bronchitis.\nAmoxicillin 500 mg × 7 days 💊", by: Actor.account(ana.id, .doctor, via: .tui))
        clinic.clock.set(TestClinic.instant("2026-03-02T12:00:00Z"))
        return (clinic, ana, ben, past, next)
    }

    @Test("the doctor opens h on a visit: both visits, the selected one's note on its two lines")
    func doctorSeesNotes() throws {
        let (clinic, _, ben, past, next) = try clinic()
        let h = try TUIHarness(.staff, clinic: clinic)
        h.signIn(ben.email!, "doctor-password")
        h.core.open(AppointmentDetailModel(h.core.context, code: next.code))
        #expect(h.screen.contains("h patient's history"), "\(h.screen)")
        h.press(.char("h"))
        let history = try #require(h.core.top as? PatientHistoryModel)
        #expect(history.visits.map(\.appointment.code) == [past.code, next.code] && history.selected?.appointment.code == next.code)
        #expect(h.screen.contains("Pia शर्मा · 2 visits, 1 to come") && h.screen.contains("Dr Ana Moreau") && h.screen.contains("completed"))
        #expect(h.screen.contains("No note on this visit."))
        h.press(.up)
        #expect(h.screen.contains("Note by Dr Ana Moreau:") && h.screen.contains("Bronchitis."), "\(h.screen)")
        #expect(h.screen.contains("Amoxicillin 500 mg × 7 days"), "\(h.screen)")
    }

    @Test("the desk sees the visits, not the notes; the core gives it none")
    func deskSeesVisitsOnly() throws {
        let (clinic, _, _, past, next) = try clinic()
        let desk = try clinic.addStaff(.receptionist)
        #expect(try clinic.store.visitHistory(patientID: next.patient.id, by: Actor.account(desk.id, .receptionist, via: .tui)).allSatisfy { $0.note == nil })
        #expect(try clinic.store.visitHistory(patientID: next.patient.id, by: .shell).first?.note?.contains("\n") == true)
        let stranger = try clinic.addPatient()
        #expect(throws: ClinicError(.forbidden, "only the clinic's staff may see a patient's visits")) {
            try clinic.store.visitHistory(patientID: next.patient.id, by: .account(stranger.id, .patient, via: .kiosk))
        }
        do {
            _ = try clinic.store.visitHistory(patientID: 9999, by: .shell)
            Issue.record("a missing patient has a history")
        } catch let error as ClinicError { #expect(error.code == .notFound) }
        let h = try TUIHarness(.staff, clinic: clinic)
        h.signIn(desk.email!, "staff-password")
        h.core.open(PatientHistoryModel(h.core.context, patient: past.patient, from: past.code))
        #expect(h.screen.contains("Notes are for doctors") && !h.screen.contains("Bronchitis"), "\(h.screen)")
    }

    @Test("a note on several lines: Ctrl-N splits at the cursor, ↑ ↓ move, Backspace at a line's start joins; Enter saves them all")
    func multiLineNote() throws {
        let (clinic, ana, _, past, _) = try clinic()
        let h = try TUIHarness(.staff, clinic: clinic)
        h.signIn(ana.email!, "doctor-password")
        h.core.open(NoteEditorModel(h.core.context, appointment: past, current: "Line one\nLine two"))
        let editor = try #require(h.core.top as? NoteEditorModel)
        #expect(editor.above == ["Line one"] && editor.text.value == "Line two")
        h.press(.ctrl("n")); h.type("शर्मा 👩🏽‍⚕️ 각")
        #expect(editor.note == "Line one\nLine two\nशर्मा 👩🏽‍⚕️ 각")
        h.press(.up, .up, .end, .ctrl("n")); h.type("inserted")
        #expect(editor.note == "Line one\ninserted\nLine two\nशर्मा 👩🏽‍⚕️ 각")
        h.press(.home, .backspace)
        #expect(editor.note == "Line oneinserted\nLine two\nशर्मा 👩🏽‍⚕️ 각" && editor.text.cursor == 8)
        #expect(h.screen.contains("Line two") && h.screen.contains("Ctrl-N starts a new line"))
        h.press(.enter)
        #expect(try clinic.store.note(code: past.code)?.text == "Line oneinserted\nLine two\nशर्मा 👩🏽‍⚕️ 각")
    }
}
