import ClinicCore
import ClinicTesting
import Foundation
import GRDB
import Testing

/// Patients without email and editing a person, through the store on a real
/// SQLite file with a manual clock (2026-03-02 12:00 UTC, New York).
@Suite("People: patients without email, editing a person")
struct AccountEditTests {
    static let desk = Actor.account(900, .receptionist, via: .tui)

    @Test("a patient may have a phone only or an email only; an empty field is absent; staff need both")
    func contactRules() throws {
        let clinic = try TestClinic()
        // Given the desk registering walk-ins
        let walkIn = try clinic.store.createAccount(
            NewAccount(role: .patient, name: "Walk In", email: "  ", phone: "(555) 010-4444"), by: .shell)
        let mailOnly = try clinic.store.createAccount(
            NewAccount(role: .patient, name: "Mail Only", email: "Mail@Only.test", phone: nil), by: .shell)
        // Then an empty email is none, and each keeps what it has
        #expect(walkIn.email == nil && walkIn.phone == "+15550104444")
        #expect(mailOnly.email == "mail@only.test" && mailOnly.phone == nil)
        #expect(try clinic.store.account(matching: "+15550104444").id == walkIn.id)
        // And a patient with neither, or staff without one, is refused under the field, never "'' is not an email address"
        #expect(throws: ClinicError(.invalidInput, "a patient needs a phone number or an email", field: .phone)) {
            try clinic.store.createAccount(NewAccount(role: .patient, name: "Nobody", email: "", phone: ""), by: .shell)
        }
        #expect(throws: ClinicError(.invalidInput, "a receptionist needs an email and a phone number", field: .email)) {
            try clinic.store.createAccount(NewAccount(role: .receptionist, name: "Desk", email: "", phone: "+15550300001"), by: .shell)
        }
        #expect(throws: ClinicError(.invalidInput, "a doctor needs an email and a phone number", field: .phone)) {
            try clinic.store.createAccount(
                NewAccount(role: .doctor, name: "Dr No", email: "no@clinic.test", phone: nil, specialization: "GP"), by: .shell)
        }
        // And an email differing only in case is another account's
        #expect(throws: ClinicError(.conflict, "the email mail@only.test is already in use", field: .email)) {
            try clinic.store.createAccount(NewAccount(role: .patient, name: "Twin", email: "MAIL@only.test", phone: nil), by: .shell)
        }
    }

    @Test("a patient edits their own details; the age comes from the date of birth on the clinic's date; the edit is audited")
    func ownDetails() throws {
        // Given 2026-03-01 22:00 in New York (03:00 UTC on the 2nd)
        let clinic = try TestClinic(now: TestClinic.instant("2026-03-02T03:00:00Z"))
        let patient = try clinic.addPatient(name: "Chloé Öztürk")
        let me = Actor.account(patient.id, .patient, via: .kiosk)
        // When she gives her date of birth, a new name and removes her email
        let edited = try clinic.store.editAccount(
            patient.id, AccountEdit(name: "Chloé शर्मा 🇵🇱", email: "", birthDate: "1990-03-02", gender: "f"), by: me)
        // Then the account and the profile say so
        #expect(edited.name == "Chloé शर्मा 🇵🇱" && edited.email == nil && edited.phone == patient.phone)
        let profile = try clinic.store.patientProfile(accountID: patient.id, viewer: me)
        #expect(profile.birthDate == LocalDate("1990-03-02") && profile.gender == "f")
        // And her birthday is tomorrow in New York, though it is already the 2nd in UTC
        #expect(profile.age(on: LocalDate("2026-03-01")!) == 35 && profile.age(on: LocalDate("2026-03-02")!) == 36)
        #expect(try clinic.store.patientSearch("chloe").ages[patient.id] == 35)
        // And the audit trail names who, how, which fields and what changed
        let events = try clinic.store.accountEvents(accountID: patient.id, viewer: Self.desk)
        #expect(events.count == 1)
        #expect(events[0].actorID == patient.id && events[0].actorRole == "patient" && events[0].via == .kiosk)
        #expect(events[0].fields == ["name", "email", "birth_date", "gender"])
        #expect(events[0].summary.hasPrefix("name: Chloé Öztürk → Chloé शर्मा 🇵🇱; email: \(patient.email!) → —; birth_date: — → 1990-03-02"))
        // And an edit that changes nothing writes nothing
        _ = try clinic.store.editAccount(patient.id, AccountEdit(name: "Chloé शर्मा 🇵🇱"), by: me)
        #expect(try clinic.store.accountEvents(accountID: patient.id, viewer: me).count == 1)
    }

    @Test("every refusal of an edit, each with its code")
    func refusals() throws {
        let clinic = try TestClinic()
        let patient = try clinic.addPatient(), other = try clinic.addPatient(), doctor = try clinic.addDoctor()
        let me = Actor.account(patient.id, .patient, via: .kiosk)
        let desk = Actor.account(try clinic.addStaff(.receptionist).id, .receptionist, via: .tui)
        // A patient edits only themselves, and never the desk's notes
        #expect(code { try clinic.store.editAccount(other.id, AccountEdit(name: "X"), by: me) } == .forbidden)
        #expect(code { try clinic.store.editAccount(patient.id, AccountEdit(notes: "VIP"), by: me) } == .forbidden)
        // The desk edits a patient's notes, not a doctor's specialization
        _ = try clinic.store.editAccount(patient.id, AccountEdit(notes: "Needs an interpreter\nPrefers mornings"), by: desk)
        #expect(try clinic.store.patientProfile(accountID: patient.id, viewer: desk).notes == "Needs an interpreter\nPrefers mornings")
        #expect(code { try clinic.store.editAccount(doctor.id, AccountEdit(specialization: "Neurology"), by: desk) } == .forbidden)
        #expect(code { try clinic.store.editAccount(doctor.id, AccountEdit(name: "Dr X"), by: desk) } == .forbidden)
        // Another account's phone or email (in any case) is a conflict: the desk is told which,
        // a patient only to ask the desk (anyone can sign up and try others' details here)
        #expect(throws: ClinicError(.conflict, "the phone \(other.phone!) is already in use", field: .phone)) {
            try clinic.store.editAccount(patient.id, AccountEdit(phone: other.phone), by: desk)
        }
        #expect(throws: ClinicError(.conflict, "the email \(other.email!) is already in use", field: .email)) {
            try clinic.store.editAccount(patient.id, AccountEdit(email: other.email!.uppercased()), by: desk)
        }
        for edit in [AccountEdit(phone: other.phone), AccountEdit(email: other.email!.uppercased())] {
            #expect(throws: ClinicError(.conflict, ClinicStore.selfServiceContactRefusal)) {
                try clinic.store.editAccount(patient.id, edit, by: me)
            }
        }
        // A patient keeps one way to be reached; staff keep both
        _ = try clinic.store.editAccount(patient.id, AccountEdit(phone: ""), by: me)
        #expect(throws: ClinicError(.invalidInput, "a patient needs a phone number or an email", field: .phone)) {
            try clinic.store.editAccount(patient.id, AccountEdit(email: " "), by: me)
        }
        #expect(throws: ClinicError(.invalidInput, "a doctor needs an email and a phone number", field: .email)) {
            try clinic.store.editAccount(doctor.id, AccountEdit(email: ""), by: .shell)
        }
        // Dates of birth that are not one, or in the future
        #expect(throws: ClinicError(.invalidInput, "'1990-02-30' is not a date of birth YYYY-MM-DD", field: .birthDate)) {
            try clinic.store.editAccount(patient.id, AccountEdit(birthDate: "1990-02-30"), by: me)
        }
        #expect(throws: ClinicError(.invalidInput, "the date of birth must be in the past, at most 150 years ago", field: .birthDate)) {
            try clinic.store.editAccount(patient.id, AccountEdit(birthDate: "2026-03-03"), by: me)
        }
        // Patients' fields on staff, and doctors' fields on a patient
        #expect(code { try clinic.store.editAccount(doctor.id, AccountEdit(birthDate: "1970-01-01"), by: .shell) } == .invalidInput)
        #expect(code { try clinic.store.editAccount(patient.id, AccountEdit(slotMinutes: 20), by: .shell) } == .invalidInput)
        #expect(code { try clinic.store.editAccount(424_242, AccountEdit(name: "Ghost"), by: .shell) } == .notFound)
    }

    @Test("an admin changes a doctor's slot length only while no visit to come would leave its slot, naming those that would")
    func slotLength() throws {
        let clinic = try TestClinic()
        let doctor = try clinic.addDoctor(hours: "mon-fri 09:00-12:00", slotMinutes: 30)
        let patient = try clinic.addPatient(), other = try clinic.addPatient()
        let aligned = try clinic.book(doctor: doctor, patient: patient, at: try clinic.local("2026-03-03", "09:00"))
        let off = try clinic.book(doctor: doctor, patient: other, at: try clinic.local("2026-03-03", "09:30"))
        // When the admin asks for 20-minute slots (09:30 is off the new grid, 09:00–09:30 is not one slot)
        let refusal = #expect(throws: ClinicError.self) {
            try clinic.store.editAccount(doctor.id, AccountEdit(specialization: "Cardiology", slotMinutes: 20), by: .shell)
        }
        // Then it is a conflict naming both visits, and nothing changed
        #expect(refusal?.code == .conflict && refusal?.field == .slotMinutes)
        #expect(refusal?.message.contains("\(aligned.code), \(off.code)") == true)
        let unchanged = try clinic.store.doctorProfile(doctor.id)
        #expect(unchanged.specialization == "General practice" && unchanged.slotMinutes == 30)
        // When both visits are cancelled, the new length and specialization go through and the day's slots follow
        for a in [aligned, off] { _ = try clinic.store.transition(code: a.code, to: .cancelled, by: .shell) }
        let edited = try clinic.store.editAccount(doctor.id, AccountEdit(specialization: "Cardiology", slotMinutes: 20), by: .shell)
        #expect(edited.id == doctor.id)
        #expect(try clinic.store.doctorProfile(doctor.id).slotMinutes == 20)
        let slots = try clinic.store.slots(doctorID: doctor.id, on: LocalDate("2026-03-03")!, viewer: .shell)
        #expect(slots.entries.count == 9)
        let events = try clinic.store.accountEvents(accountID: doctor.id, viewer: .shell)
        #expect(events.map(\.summary) == ["specialization: General practice → Cardiology; slot_minutes: 30 → 20"])
    }

    @Test("a patient without an email signs in at the kiosk with the phone, as typed")
    func kioskByPhone() throws {
        let clinic = try TestClinic()
        let walkIn = try clinic.store.createAccount(
            NewAccount(role: .patient, name: "Walk In", email: nil, phone: "+15550104545", password: "kiosk-password-1"), by: .shell)
        #expect(try clinic.store.kioskSignIn(login: "(555) 010-4545", password: "kiosk-password-1").id == walkIn.id)
        #expect(throws: ClinicError(.unauthorized, KioskSignInPolicy.refusal)) {
            try clinic.store.kioskSignIn(login: "+15550104545", password: "wrong-password-1")
        }
    }

    @Test("a patient with an email only gets no SMS, and nothing fails for it")
    func noPhoneNoSMS() throws {
        let clinic = try TestClinic()
        let doctor = try clinic.addDoctor()
        let patient = try clinic.store.createAccount(
            NewAccount(role: .patient, name: "Mail Only", email: "mail@only.test", phone: nil), by: .shell)
        let visit = try clinic.book(doctor: doctor, patient: patient, at: try clinic.local("2026-03-03", "09:00"))
        // When it is cancelled (a cancellation SMS goes to the patient's phone, if any)
        _ = try clinic.store.transition(code: visit.code, to: .cancelled, by: .shell)
        // Then nothing was queued for the patient
        let queued = try clinic.store.reader.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sms_outbox") }
        #expect(queued == 0)
    }

    @Test("the scheduler plans no reminder for a patient without a phone, and still plans the others'")
    func noPhoneNoReminder() throws {
        let s = try SchedulerHarness()
        let doctor = try s.clinic.addDoctor()
        let mailOnly = try s.clinic.store.createAccount(
            NewAccount(role: .patient, name: "Mail Only", email: "mail@only.test", phone: nil), by: .shell)
        let start = try s.clinic.local("2026-03-03", "09:00")
        _ = try s.clinic.book(doctor: doctor, patient: mailOnly, at: start)
        _ = try s.clinic.book(doctor: doctor, patient: try s.clinic.addPatient(), at: start + 1800)
        // When the scheduler ticks inside both reminders' lead
        try s.tick(at: start - 3 * 3600 + 1900)
        // Then only the patient with a phone has one
        let reminders = try s.messages().filter { $0.kind == .reminder }
        #expect(reminders.count == 1 && reminders.first?.to.hasPrefix("+1555010") == true)
    }

    private func code(_ body: () throws -> Account) -> ClinicError.Code? {
        do { _ = try body(); return nil } catch let error as ClinicError { return error.code } catch { return .internalError }
    }
}
