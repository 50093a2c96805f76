import ClinicCore
import ClinicTesting
import Foundation
import Testing
@_spi(Tooling) @testable import ClinicTUI

@Suite("Desk: find, card, book, move, cancel")
struct DeskFlowTests {
    /// Dr Ana (cardiology), two patients, one booked Tue 3 Mar 09:00; the receptionist signed in Mon 2 Mar 07:00.
    func desk() throws -> (TUIHarness, Account, Account, Appointment) {
        let clinic = try TestClinic()
        let ana = try clinic.addDoctor(name: "Dr Ana Moreau", specialization: "Cardiology")
        let zoe = try clinic.addPatient(name: "Zoë Lefèvre")
        try clinic.addPatient(name: "Omar Haddad")
        let a = try clinic.book(doctor: ana, patient: zoe, at: clinic.local("2026-03-03", "09:00"), reason: "Palpitations")
        let receptionist = try clinic.addStaff(.receptionist)
        let h = try TUIHarness(.staff, clinic: clinic)
        h.signIn(receptionist.email!, "staff-password")
        return (h, ana, zoe, a)
    }

    @Test("/ searches incrementally, accent-insensitive; Enter opens the card with appointments and SMS state")
    func searchAndCard() throws {
        let (h, _, zoe, a) = try desk()
        h.press(.char("/"))
        #expect(h.core.top is PatientSearchModel && h.screen.contains("2 matches"))
        h.type("zoe")
        #expect(h.screen.contains("1 match") && h.screen.contains("Zoë Lefèvre") && !h.screen.contains("Omar"))
        h.press(.enter)
        let card = try #require(h.core.top as? PatientCardModel)
        #expect(card.patientID == zoe.id)
        let s = h.screen
        #expect(s.contains(zoe.phone!) && s.contains("SMS: receives reminders") && s.contains("1 upcoming · 0 past"))
        #expect(s.contains(a.code) && s.contains("Palpitations"))
        try h.clinic.store.setOptOut(phone: zoe.phone!, optedOut: true, source: "sms STOP")
        h.core.tick(at: h.time + 1, dataChanged: true)
        #expect(h.screen.contains("SMS: opted out (sms STOP)"))
    }

    @Test("/ takes an appointment's code too (any case): the visit shows above the patients and Enter opens it")
    func findByCode() throws {
        let (h, _, _, a) = try desk()
        h.press(.char("/"))
        h.type(a.code.lowercased())
        #expect(h.screen.contains("Appointment \(a.code): Zoë Lefèvre with Dr Ana Moreau"), "\(h.screen)")
        h.press(.enter)
        let detail = try #require(h.core.top as? AppointmentDetailModel)
        #expect(detail.code == a.code && h.screen.contains("Palpitations"))
        // A code no visit has finds nothing and Enter stays
        h.press(.escape)
        h.press(.ctrl("u")); h.type("ZZZZZZ")
        #expect(!h.screen.contains("Appointment ZZZZZZ") && h.screen.contains("0 matches"))
        h.press(.enter)
        #expect(h.core.top is PatientSearchModel)
    }

    @Test("a doctor who does not work that weekday says so on the board and in the slot lists")
    func notWorkingThatDay() throws {
        let (h, ana, _, _) = try desk()
        for _ in 0..<5 { h.press(.char("]")) }  // Sat 7 Mar
        #expect(h.screen.contains("Sat 7 Mar 2026") && h.screen.contains("not working on Saturdays"), "\(h.screen)")
        #expect(!h.screen.contains("no appointments · n books one"))
        h.press(.char("["))  // Friday: she works, nothing booked
        #expect(h.screen.contains("no appointments · n books one"))
        #expect(
            Format.noSlots(on: LocalDate("2026-03-07")!, today: LocalDate("2026-03-02")!, works: false) == "Not working on Saturdays: ] shows the next day.")
        #expect(Format.works(h.clinic.store, doctorID: ana.id, on: LocalDate("2026-03-06")!))
        #expect(!Format.works(h.clinic.store, doctorID: ana.id, on: LocalDate("2026-03-08")!))
    }

    @Test("the match count says when there are more than shown or counted")
    func matchCountLine() {
        #expect(PatientSearchScreen.countLine(shown: 3, matches: 3, more: false) == "3 matches")
        #expect(PatientSearchScreen.countLine(shown: 200, matches: 1234, more: false) == "first 200 of 1,234 matches: type more")
        #expect(PatientSearchScreen.countLine(shown: 200, matches: 2000, more: true) == "first 200 of over 2,000 matches: type more")
        #expect(Format.count(1_234_567) == "1,234,567" && Format.count(999) == "999" && Format.count(-1000) == "-1,000")
    }

    @Test("b books for the patient through the kiosk's flow, acting as the receptionist")
    func bookOnBehalf() throws {
        let (h, ana, zoe, _) = try desk()
        h.press(.char("/")); h.type("lefevre"); h.press(.enter)
        h.press(.char("b"))
        #expect(h.core.top is BookSpecialtyModel)
        h.press(.enter, .enter)  // Cardiology → Dr Ana → first free slot today
        #expect(h.screen.contains("Mon 2 Mar 2026"))
        h.press(.enter)
        #expect(h.screen.contains("For Zoë Lefèvre"))
        h.type("Follow-up"); h.press(.enter, .enter)
        // back on the card it was booked from, which lists the new visit
        let card = try #require(h.core.top as? PatientCardModel)
        #expect(card.patientID == zoe.id && card.upcoming.contains { $0.reason == "Follow-up" })
        let booked = try h.clinic.store.appointments(AppointmentFilter(patientID: zoe.id)).first { $0.reason == "Follow-up" }
        let b = try #require(booked)
        let nine = try h.clinic.local("2026-03-02", "09:00")
        #expect(b.doctor.id == ana.id && b.start == nine)
        #expect(h.screen.contains("Code \(b.code): booked Mon 2 Mar 2026 09:00 with Dr Ana Moreau for Zoë Lefèvre."))
        let created = try #require(try h.clinic.store.events(code: b.code).first)
        #expect(created.actorRole == "receptionist" && created.via == .tui)
    }

    @Test("n on the board books a new visit with the selected visit's doctor from the board's day")
    func bookFromBoard() throws {
        let (h, ana, _, _) = try desk()
        h.press(.char("]"), .char("n"))
        let pick = try #require(h.core.top as? PatientSearchModel)
        #expect(pick.booking?.doctor.id == ana.id && h.screen.contains("New visit with Dr Ana Moreau from Tue 3 Mar 2026"))
        h.type("omar"); h.press(.enter)
        let slots = try #require(h.core.top as? BookSlotModel)
        #expect(slots.date == LocalDate("2026-03-03") && slots.patient?.name == "Omar Haddad")
        #expect(h.screen.contains("09:00–09:30    taken"))
        h.press(.enter); h.type("Check-up"); h.press(.enter, .enter)
        #expect(h.core.top is BoardModel && h.screen.contains(": booked Tue 3 Mar 2026 09:30 with Dr Ana Moreau for Omar Haddad."))
    }

    @Test("n, a name nobody has, Ctrl-N: the typed name comes along and the new patient goes on to the chosen doctor's day")
    func registerFromNewVisit() throws {
        let (h, ana, _, _) = try desk()
        h.press(.char("]"), .char("n"))
        h.type("Aarav शर्मा"); h.press(.ctrl("n"))
        let form = try #require(h.core.top as? RegisterPatientModel)
        #expect(form.form[0] == "Aarav शर्मा" && form.form.focus == 1 && h.screen.contains("Register a patient · for Dr Ana Moreau"))
        h.press(.tab); h.type("555 010 4242"); h.press(.enter)
        let slots = try #require(h.core.top as? BookSlotModel, "\(h.screen)")
        #expect(slots.date == LocalDate("2026-03-03") && slots.doctor.id == ana.id && slots.patient?.name == "Aarav शर्मा")
        h.press(.enter); h.type("New patient"); h.press(.enter, .enter)
        #expect(h.core.top is BoardModel && h.screen.contains("for Aarav शर्मा."), "\(h.screen)")
        // a phone typed in the search goes to the phone field
        h.press(.char("n")); h.type("(555) 010-7777"); h.press(.ctrl("n"))
        let byPhone = try #require(h.core.top as? RegisterPatientModel)
        #expect(byPhone.form[2] == "(555) 010-7777" && byPhone.form[0].isEmpty && byPhone.form.focus == 0)
    }

    @Test("r moves the visit to another free slot in one step; x cancels it with a reason")
    func moveAndCancel() throws {
        let (h, _, _, a) = try desk()
        h.press(.char("/")); h.type("Zoë"); h.press(.enter)
        h.press(.char("r"))
        let move = try #require(h.core.top as? RescheduleModel)
        #expect(move.day.date == LocalDate("2026-03-03") && h.screen.contains("09:00–09:30    this visit"))
        h.press(.char("]"), .down, .enter)  // Wed 4 Mar 09:30
        #expect(h.core.top is PatientCardModel)
        let moved = try h.clinic.store.appointment(code: a.code)
        let target = try h.clinic.local("2026-03-04", "09:30")
        #expect(moved.start == target && moved.status == .scheduled)
        #expect(h.screen.contains("Moved \(a.code) to Wed 4 Mar 2026 09:30."))
        h.press(.char("x"))
        #expect(h.core.top is ReasonedMoveModel)
        h.press(.enter)
        #expect(h.screen.contains("say why"))
        h.type("Patient called: travelling"); h.press(.enter)
        #expect(try h.clinic.store.appointment(code: a.code).status == .cancelled)
        #expect(try h.clinic.store.events(code: a.code).last?.note == "Patient called: travelling")
        #expect(h.screen.contains("Cancelled \(a.code) (Patient called: travelling).") && h.screen.contains("0 upcoming · 1 cancelled ahead · 0 past"))
    }

    @Test("r then d moves the visit to another doctor: the same specialization first, their slots, one step")
    func moveToAnotherDoctor() throws {
        let (h, _, _, a) = try desk()
        let lin = try h.clinic.addDoctor(name: "Dr Lin 민준", hours: "tue 14:00-16:00", specialization: "Cardiology")
        try h.clinic.addDoctor(name: "Dr Aaron Derm", specialization: "Dermatology")
        h.press(.char("/")); h.type("Zoë"); h.press(.enter, .char("r"), .char("d"))
        let picker = try #require(h.core.top as? DoctorPickerModel)
        #expect(picker.doctors.prefix(2).map(\.specialization) == ["Cardiology", "Cardiology"], "the visit's specialization first")
        while (h.core.top as? DoctorPickerModel)?.doctors[picker.list.selected].id != lin.id { h.press(.down) }
        h.press(.enter)
        let move = try #require(h.core.top as? RescheduleModel)
        #expect(move.doctor.id == lin.id && h.screen.contains("Move \(a.code) to Dr Lin 민준") && h.screen.contains("14:00–14:30"), "\(h.screen)")
        h.press(.enter)
        let moved = try h.clinic.store.appointment(code: a.code)
        let at = try h.clinic.local("2026-03-03", "14:00")
        #expect(moved.doctor.id == lin.id && moved.start == at, "\(h.screen)")
        #expect(h.screen.contains("Moved \(a.code) to Tue 3 Mar 2026 14:00 with Dr Lin 민준."))
        #expect(try h.clinic.store.events(code: a.code).last?.note.contains("to Dr Lin 민준") == true)
    }

    @Test("a slot taken meanwhile is refused and the visit stays where it was")
    func moveRace() throws {
        let (h, ana, _, a) = try desk()
        h.press(.char("/")); h.type("Zoë"); h.press(.enter, .char("r"))
        #expect((h.core.top as? RescheduleModel)?.selected?.slot.start == (try h.clinic.local("2026-03-03", "09:30")))  // first free
        let other = try h.clinic.addPatient()
        try h.clinic.book(doctor: ana, patient: other, at: h.clinic.local("2026-03-03", "09:30"))
        h.press(.enter)
        #expect(h.core.top is RescheduleModel && h.screen.contains("that slot was just taken"))
        #expect(try h.clinic.store.appointment(code: a.code).start == a.start)
    }

    @Test("Ctrl-N registers a walk-in; the core's errors go under the field")
    func register() throws {
        let (h, _, zoe, _) = try desk()
        h.press(.char("/"), .ctrl("n"))
        h.type("Walk In"); h.press(.tab); h.type(zoe.email!); h.press(.tab); h.type("555 010 9999"); h.press(.enter)
        #expect(h.screen.contains("already in use"))
        #expect((h.core.top as? RegisterPatientModel)?.form.focus == 1)
        h.press(.ctrl("u")); h.type("walk.in@example.com"); h.press(.tab, .ctrl("u")); h.type(zoe.phone!); h.press(.enter)
        let form = try #require((h.core.top as? RegisterPatientModel)?.form)
        #expect(form.focus == 2 && form.fields[2].error == "the phone \(zoe.phone!) is already in use" && form.fields[1].error == nil)
        h.press(.ctrl("u")); h.type("555 010 9999"); h.press(.enter)
        let card = try #require(h.core.top as? PatientCardModel)
        #expect(card.patient?.name == "Walk In" && h.screen.contains("Registered Walk In."))
        // p on the card sets the walk-in's password, so the kiosk lets them in
        h.press(.char("p"))
        #expect(h.core.top is PasswordResetModel)
        h.type("kiosk-pass-1"); h.press(.tab); h.type("kiosk-pass-1"); h.press(.enter)
        #expect(h.core.top is PatientCardModel && h.screen.contains("New password set for Walk In."))
        #expect(try h.clinic.store.signIn(login: "walk.in@example.com", password: "kiosk-pass-1").name == "Walk In")
    }

    @Test("m shows failed and pending SMS, replies, and flagged numbers")
    func smsPanel() throws {
        let (h, _, zoe, a) = try desk()
        _ = try h.clinic.store.transition(code: a.code, to: .confirmed, by: .shell)  // queues a confirmation SMS
        _ = try h.clinic.store.receiveSMS(InboundSMS(messageSID: "SM1", from: zoe.phone!, body: "please stop texting me"))
        h.press(.char("m"))
        #expect(h.core.top is SMSPanelModel)
        // The booking's own notice and the confirmation wait
        #expect(h.screen.contains("Failed / pending (2)") && h.screen.contains(a.code) && h.screen.contains("confirmation"))
        #expect(h.screen.contains("booking"))
        h.press(.tab)
        #expect(h.screen.contains("Sent (0)") && h.screen.contains("Nothing sent yet."))
        // sent through the outbox gateway (the demo's), the message is read here
        try Scheduler(store: h.clinic.store, gateway: OutboxGateway(), holder: "test").tick()
        h.core.tick(at: h.time + 1, dataChanged: true)
        #expect(h.screen.contains("Sent (2)") && h.screen.contains(a.code) && h.screen.contains("Failed / pending (0)"), "\(h.screen)")
        h.press(.tab)
        #expect(h.screen.contains("please stop texting me") && h.screen.contains("⚑"))
        h.press(.tab)
        #expect(h.screen.contains("Flagged numbers"))
    }
}
