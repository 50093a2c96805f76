import ClinicCore
import ClinicTesting
import Foundation
import Testing
@_spi(Tooling) @testable import ClinicTUI

@Suite("Kiosk screens")
struct KioskFlowTests {
    /// A clinic with one cardiologist and a signed-in patient on the kiosk (Mon 2 Mar 2026, 07:00 local).
    func signedIn() throws -> (TUIHarness, Account, Account) {
        let clinic = try TestClinic()
        let doctor = try clinic.addDoctor(name: "Dr Ana Moreau", specialization: "Cardiology")
        let patient = try clinic.addPatient(name: "Pia Kowalska")
        let h = try TUIHarness(.kiosk, clinic: clinic)
        h.signIn(patient.email!, "patient-password")
        return (h, doctor, patient)
    }

    @Test("sign up shows field-level errors from the core's rules, then creates the patient")
    func signUp() throws {
        let h = try TUIHarness(.kiosk)
        h.press(.char("n"))
        h.type("Aiko Tanaka"); h.press(.tab); h.type("not-an-email"); h.press(.tab); h.type("12"); h.press(.tab)
        h.type("short"); h.press(.tab); h.type("other")
        h.press(.enter)
        let s = h.screen
        #expect(s.contains("'not-an-email' is not an email address"))
        #expect(s.contains("at least 8 characters"))
        #expect(h.core.top is SignUpModel)
        var form = (h.core.top as! SignUpModel).form
        #expect(form.focus == 1)
        h.press(.ctrl("u")); h.type("aiko@example.com"); h.press(.tab); h.press(.ctrl("u")); h.type("(555) 010-7788")
        h.press(.tab); h.press(.ctrl("u")); h.type("long-enough-1"); h.press(.tab); h.press(.ctrl("u")); h.type("long-enough-2")
        h.press(.enter)
        #expect(h.screen.contains("the two passwords differ"))
        form = (h.core.top as! SignUpModel).form
        #expect(form.focus == 4)
        h.press(.ctrl("u")); h.type("long-enough-1"); h.press(.enter)
        #expect(h.core.top is PatientHomeModel)
        let account = try h.clinic.store.account(matching: "aiko@example.com")
        #expect(account.role == .patient && account.phone == "+15550107788")
    }

    @Test("sign up with an email already in use sends the person to the desk without saying whose or which")
    func signUpDuplicate() throws {
        let h = try TUIHarness(.kiosk)
        let existing = try h.clinic.addPatient()
        h.press(.char("n"))
        for text in ["Someone", existing.email, "+15559990000", "password-1", "password-1"] { h.type(text!); h.press(.enter) }
        #expect(h.screen.contains("We cannot create an account with these details here: please ask the desk."))
        #expect(!h.screen.contains("in use"))
        #expect(h.core.top is SignUpModel && h.context.account == nil)
    }

    @Test("book: specialization → doctor → day → slot → reason → confirm; it shows on home and in my appointments")
    func book() throws {
        let (h, doctor, patient) = try signedIn()
        h.press(.char("b"))
        #expect(h.screen.contains("Cardiology") && h.screen.contains("1 doctor(s)"))
        h.press(.enter)
        #expect(h.screen.contains("Dr Ana Moreau") && h.screen.contains("30 min visits"))
        h.press(.enter)
        #expect(h.screen.contains("Mon 2 Mar 2026"))
        #expect(h.screen.contains("09:00–09:30") && h.screen.contains("12 free of 12"))
        h.press(.char("]"))
        #expect(h.screen.contains("Tue 3 Mar 2026"))
        h.press(.char("t"), .down, .enter)
        #expect(h.screen.contains("Mon 2 Mar 2026 09:30–10:00"))
        h.type("Palpitations"); h.press(.enter)
        #expect(h.screen.contains("Press Enter to book"))
        h.press(.enter)
        #expect(h.core.top is PatientHomeModel)
        #expect(h.screen.contains("Booked Mon 2 Mar 2026 09:30 with Dr Ana Moreau. Your code is"))
        #expect(h.screen.contains("Next visit: Mon 2 Mar 2026 09:30"))
        let booked = try h.clinic.store.appointments(AppointmentFilter(patientID: patient.id))
        #expect(booked.count == 1 && booked[0].doctor.id == doctor.id && booked[0].reason == "Palpitations")
        h.press(.char("a"))
        #expect(h.screen.contains(booked[0].code) && h.screen.contains("scheduled"))
    }

    @Test("[ does not go before today, and a day without hours says so")
    func dayPicker() throws {
        let (h, _, _) = try signedIn()
        h.press(.char("b"), .enter, .enter)
        h.press(.char("["))
        #expect(h.screen.contains("You can only book from today on."))
        for _ in 0..<5 { h.press(.char("]")) }  // Saturday 7 March
        #expect(h.screen.contains("Sat 7 Mar 2026") && h.screen.contains("Not working on Saturdays"))
        // today, once the last slot has started, says the day is over rather than empty
        h.clinic.clock.set(Date(timeIntervalSince1970: TimeInterval(try h.clinic.local("2026-03-02", "16:45"))))
        h.press(.char("t"))
        #expect(h.screen.contains("Today's slots are over: ] next day."), "\(h.screen)")
    }

    @Test("a slot another process books updates the list; booking it anyway says it was just taken")
    func justTaken() throws {
        let (h, doctor, _) = try signedIn()
        let other = try h.clinic.addPatient()
        h.press(.char("b"), .enter, .enter)
        h.press(.enter)  // 09:00
        h.type("Check-up")
        try h.clinic.book(doctor: doctor, patient: other, at: h.clinic.local("2026-03-02", "09:00"))
        h.press(.enter, .enter)
        #expect(h.core.top is BookSlotModel)
        #expect(h.screen.contains("That slot was just taken by someone else"))
        #expect(h.screen.contains("09:00–09:30    taken"))
        // and a refresh tick shows a newly taken slot without a key press
        try h.clinic.book(doctor: doctor, patient: other, at: h.clinic.local("2026-03-02", "10:00"))
        #expect(h.screen.contains("10:00–10:30    free"))
        h.core.tick(at: h.time + 0.5, dataChanged: true)
        #expect(h.screen.contains("10:00–10:30    taken"))
        // the reason typed for the lost slot is offered again for the next one
        h.press(.down, .enter)
        #expect((h.core.top as? BookConfirmModel)?.reason[0] == "Check-up")
    }

    @Test("my appointments: confirm, and cancel only on the second press")
    func confirmAndCancel() throws {
        let (h, doctor, patient) = try signedIn()
        let a = try h.clinic.book(doctor: doctor, patient: patient, at: h.clinic.local("2026-03-03", "09:00"))
        h.press(.char("a"))
        #expect(h.screen.contains(a.code))
        h.press(.char("c"))
        #expect(h.screen.contains("Confirmed \(a.code)."))
        #expect(try h.clinic.store.appointment(code: a.code).status == .confirmed)
        h.press(.char("x"))
        #expect(h.screen.contains("Press x again to cancel \(a.code)"))
        #expect(try h.clinic.store.appointment(code: a.code).status == .confirmed)
        h.press(.down)  // any other key forgets the question
        h.press(.char("x"), .char("x"))
        #expect(try h.clinic.store.appointment(code: a.code).status == .cancelled)
        #expect(h.screen.contains("No upcoming visits"))
        h.press(.tab)
        #expect(h.screen.contains(a.code) && h.screen.contains("cancelled"))
    }

    @Test("my appointments: a visit the desk checked in is left to the desk, with a plain word why")
    func checkedInIsTheDesks() throws {
        let (h, doctor, patient) = try signedIn()
        let a = try h.clinic.book(doctor: doctor, patient: patient, at: h.clinic.local("2026-03-03", "09:00"))
        h.clinic.clock.set(Date(timeIntervalSince1970: TimeInterval(try h.clinic.local("2026-03-03", "08:50"))))
        _ = try h.clinic.store.transition(code: a.code, to: .checkedIn, by: .shell)
        h.press(.char("a"))
        for key in [Key.char("c"), .char("x"), .char("x")] {
            h.press(key)
            #expect(h.screen.contains("You are checked in for \(a.code): the desk can help with any change."))
        }
        #expect(try h.clinic.store.appointment(code: a.code).status == .checkedIn)
    }

    @Test("Esc on an edited profile asks as q does; while a field has the focus the footer offers F1 help, and ? is typed")
    func escAsksWhenEdited() throws {
        let (h, _, patient) = try signedIn()
        h.press(.char("p"))
        #expect(h.screen.contains("F1 help") && !h.screen.contains("?/F1"))
        h.press(.escape)
        #expect(!(h.core.top is ProfileModel))  // nothing typed: Esc leaves at once
        h.press(.char("p")); h.press(.end); h.type("?")
        #expect((h.core.top as? ProfileModel)?.form[0] == patient.name + "?")
        h.press(.escape)
        #expect(h.screen.contains("Leave this screen?") && h.core.top is ProfileModel)
        h.press(.char("n"))
        #expect((h.core.top as? ProfileModel)?.form[0] == patient.name + "?")
        h.press(.escape, .char("y"))
        #expect(!(h.core.top is ProfileModel) && !h.core.finished)
    }

    @Test("profile: edit name, phone, email, date of birth and gender; errors go under their field; q asks when unsaved")
    func profile() throws {
        let (h, _, patient) = try signedIn()
        h.press(.char("p"))
        #expect(h.screen.contains(patient.phone!) && h.screen.contains(patient.email!))
        h.press(.ctrl("u")); h.type("Pia K. Nowak"); h.press(.tab, .ctrl("u")); h.type("12")
        h.press(.enter)
        #expect(h.screen.contains("is not") || h.screen.contains("phone"))
        #expect((h.core.top as? ProfileModel)?.form.focus == 1)
        // An empty email is none (the phone stays); a date that is not one goes under its field
        h.press(.ctrl("u")); h.type("+15550104444"); h.press(.tab, .ctrl("u"), .tab); h.type("1985-02-30"); h.press(.enter)
        #expect(h.screen.contains("'1985-02-30' is not a date of birth YYYY-MM-DD"))
        #expect((h.core.top as? ProfileModel)?.form.focus == 3)
        h.press(.ctrl("u")); h.type("1985-03-03"); h.press(.tab); h.type("female"); h.press(.enter)
        #expect(h.screen.contains("Saved.") && h.screen.contains("age 40"))
        let account = try h.clinic.store.account(matching: "+15550104444")
        #expect(account.name == "Pia K. Nowak" && account.email == nil)
        let actor = Actor.account(patient.id, .patient, via: .kiosk)
        let profile = try h.clinic.store.patientProfile(accountID: patient.id, viewer: actor)
        #expect(profile.birthDate == LocalDate("1985-03-03") && profile.gender == "female" && profile.age(on: h.context.today) == 40)
        h.type("x")
        h.press(.ctrl("q"))
        #expect(h.screen.contains("has not been saved") && !h.core.finished)
        h.press(.char("n"))
        #expect(!h.core.finished)
        h.press(.ctrl("q"), .char("y"))
        #expect(h.core.finished)
    }

    @Test("an idle kiosk signs the patient out and says why")
    func idleSignOut() throws {
        let clinic = try TestClinic()
        let patient = try clinic.addPatient()
        let h = try TUIHarness(.kiosk, clinic: clinic, idleSeconds: 300)
        h.signIn(patient.email!, "patient-password")
        h.core.tick(at: h.time + 299, dataChanged: false)
        #expect(h.context.account != nil)
        h.core.tick(at: h.time + 301, dataChanged: false)
        #expect(h.context.account == nil && h.core.top is WelcomeModel)
        #expect(h.screen.contains("signed out after 5 minutes"))
    }

    @Test("screens fit 80×24 and 120×40")
    func sizes() throws {
        let (h, _, _) = try signedIn()
        for (w, hh) in [(80, 24), (120, 40)] {
            h.width = w; h.height = hh
            let f = h.frame
            // the screen's own keys first; ? ends the footer, as "more" when something did not fit
            let footer = f.line(hh - 1)
            #expect(footer.hasPrefix("↑↓/jk move  Enter select  b book  a my appointments  p profile"), "\(footer)")
            #expect(footer.contains(w == 80 ? "?/F1 more" : "?/F1 help"), "\(footer)")
            #expect(f.line(0).contains("Test Clinic"))
        }
    }
}
