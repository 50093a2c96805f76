import ClinicCore
import ClinicTesting
import Foundation
import Testing
@_spi(Tooling) @testable import ClinicTUI

/// The people screens on the cell buffer: the desk registers a walk-in with a
/// phone only and edits a patient from the card (`e`); search shows ages; the
/// admin edits a doctor's name, specialization and slot length (`e`); the
/// kiosk signs up without an email.
@Suite("People: walk-ins without email, editing a person")
struct PeopleEditTests {
    func desk() throws -> TUIHarness {
        let clinic = try TestClinic()
        let receptionist = try clinic.addStaff(.receptionist)
        let h = try TUIHarness(.staff, clinic: clinic)
        h.signIn(receptionist.email!, "staff-password")
        return h
    }

    @Test("the desk registers a walk-in with a phone only, then edits them from the card; search tells two of one name apart by age")
    func walkInAndEdit() throws {
        let h = try desk()
        // Given a walk-in registered with a name and a phone, the email left empty
        h.press(.char("/"), .ctrl("n"))
        h.type("Chloé Öztürk"); h.press(.tab, .tab); h.type("555 010 7777"); h.press(.enter)
        let card = try #require(h.core.top as? PatientCardModel)
        #expect(card.patient?.email == nil && card.patient?.phone == "+15550107777")
        #expect(h.screen.contains("no email") && !h.screen.contains("is not an email"))
        // When the desk presses e and gives a new name, a date of birth and a note
        h.press(.char("e"))
        let form = try #require(h.core.top as? AccountEditModel)
        #expect(form.fields == [.name, .phone, .email, .birthDate, .gender, .notes])
        h.press(.ctrl("u")); h.type("Chloé शर्मा 🇵🇱 👩🏽‍⚕️ 각")
        h.press(.tab, .tab, .tab); h.type("1990-03-03"); h.press(.tab, .tab); h.type("Needs an interpreter"); h.press(.enter)
        // Then the card shows them, with the age on the clinic's date
        #expect(h.core.top is PatientCardModel && h.screen.contains("Saved Chloé शर्मा 🇵🇱 👩🏽‍⚕️ 각's details."))
        #expect(h.screen.contains("born 1990-03-03 · age 35") && h.screen.contains("Needs an interpreter"))
        // And a second patient of the same name is told apart by age in the search
        let twin = try h.clinic.store.createAccount(
            NewAccount(
                role: .patient, name: "Chloé शर्मा 🇵🇱 👩🏽‍⚕️ 각", email: "chloe@mail.test", phone: nil,
                patient: PatientProfile(birthDate: LocalDate("2001-07-14"))), by: .shell)
        h.press(.escape, .ctrl("u")); h.type("chloe")
        let search = try #require(h.core.top as? PatientSearchModel)
        #expect(search.results.count == 2 && search.ages[twin.id] == 24 && search.ages[card.patientID] == 35)
        #expect(h.screen.contains(" 24 ") && h.screen.contains(" 35 "))
    }

    @Test("the edit form puts each refusal under its field and keeps what was typed")
    func editRefusals() throws {
        let h = try desk()
        let taken = try h.clinic.addPatient()
        let pia = try h.clinic.addPatient(name: "Pia")
        h.core.open(PatientCardModel(h.context, patientID: pia.id))
        h.press(.char("e"))
        // A bad date under the date; another's email under the email; both phone and email gone under the phone
        h.press(.tab, .tab, .tab); h.type("14/07/2001"); h.press(.enter)
        #expect((h.core.top as? AccountEditModel)?.form.fields[3].error == "'14/07/2001' is not a date of birth YYYY-MM-DD")
        h.press(.ctrl("u"), .backTab, .ctrl("u")); h.type(taken.email!); h.press(.enter)
        #expect((h.core.top as? AccountEditModel)?.form.fields[2].error == "the email \(taken.email!) is already in use")
        h.press(.ctrl("u"), .backTab, .ctrl("u")); h.press(.enter)
        #expect((h.core.top as? AccountEditModel)?.form.fields[1].error == "a patient needs a phone number or an email")
        #expect(try h.clinic.store.account(matching: String(pia.id)) == pia)
    }

    @Test("the admin edits a doctor's name, specialization and slot length; a length that strands a visit names it")
    func doctor() throws {
        let clinic = try TestClinic()
        let ana = try clinic.addDoctor(name: "Dr Ana Moreau", hours: "mon-fri 09:00-12:00")
        let visit = try clinic.book(doctor: ana, patient: clinic.addPatient(), at: clinic.local("2026-03-03", "09:30"))
        let admin = try clinic.addStaff(.admin)
        let h = try TUIHarness(.staff, clinic: clinic)
        h.signIn(admin.email!, "staff-password")
        h.press(.enter)
        for _ in 0..<5 where (h.core.top as? StaffAccountsModel)?.selected?.id != ana.id { h.press(.down) }
        h.press(.char("e"))
        let form = try #require(h.core.top as? AccountEditModel)
        #expect(form.fields == [.name, .phone, .email, .specialization, .slotMinutes] && form.form[4] == "30")
        h.press(.ctrl("u")); h.type("Dr Ana 각 Moreau"); h.press(.tab, .tab, .tab, .ctrl("u")); h.type("Neurology")
        h.press(.tab, .ctrl("u")); h.type("20"); h.press(.enter)
        let error = (h.core.top as? AccountEditModel)?.form.fields[4].error ?? ""
        #expect(error.contains(visit.code) && error.contains("20-minute"))
        h.press(.ctrl("u")); h.type("30"); h.press(.enter)
        #expect(h.core.top is StaffAccountsModel && h.screen.contains("Saved Dr Ana 각 Moreau's details."))
        #expect(try clinic.store.doctorProfile(ana.id).specialization == "Neurology")
        // An admin's account has no doctor's fields
        for _ in 0..<5 where (h.core.top as? StaffAccountsModel)?.selected?.role != .admin { h.press(.up) }
        #expect((h.core.top as? StaffAccountsModel)?.selected?.role == .admin)
        h.press(.char("e"))
        #expect((h.core.top as? AccountEditModel)?.fields == [.name, .phone, .email])
    }

    @Test("the kiosk signs up with a phone only: Enter passes the empty email; without either the phone says so")
    func kioskSignUpWithoutEmail() throws {
        let h = try TUIHarness(.kiosk)
        h.press(.char("n"))
        h.type("Walk In"); h.press(.enter, .enter, .enter)  // the email and the phone both empty: Enter stays on the phone
        #expect((h.core.top as? SignUpModel)?.form.focus == 2)
        h.type("555 010 3333"); h.press(.enter); h.type("password-1"); h.press(.enter); h.type("password-1"); h.press(.enter)
        #expect(h.core.top is PatientHomeModel && h.context.account?.email == nil)
        #expect(try h.clinic.store.account(matching: "+15550103333").name == "Walk In")
    }
}
