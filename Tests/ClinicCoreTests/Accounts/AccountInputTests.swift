import ClinicCore
import ClinicTesting
import Testing

@Suite("Account input: names, emails, uniqueness")
struct AccountInputTests {
    @Test("Emails are trimmed and lower-cased")
    func emailNormalised() throws {
        #expect(try AccountInput.email("  Ann.Lee+desk@Example.COM ") == "ann.lee+desk@example.com")
        #expect(try AccountInput.email("a@b.co") == "a@b.co")
    }

    @Test(
        "Implausible emails are refused",
        arguments: [
            "", "ann", "ann@", "@example.com", "ann@example", "ann@.com", "ann@example.", "a b@example.com",
            "a@b@example.com", "ann,lee@example.com", "ann;lee@example.com", "ann@exa mple.com",
            String(repeating: "a", count: 250) + "@x.com",
        ])
    func emailRefused(_ text: String) {
        #expect(refusal { try AccountInput.email(text) } == .invalidInput)
    }

    @Test("Names are trimmed; UTF-8 is welcome")
    func namesAccepted() throws {
        #expect(try AccountInput.name("  Zoë Ōtsuka-Nguyễn 王小明 ") == "Zoë Ōtsuka-Nguyễn 王小明")
        #expect(try AccountInput.name(String(repeating: "x", count: 200)).count == 200)
    }

    @Test(
        "Empty, too long, or control characters are refused",
        arguments: [
            "", "   \n", String(repeating: "x", count: 201), "Ann\nLee", "Ann\u{0007}", "Tab\there",
            String(repeating: "👍🏽", count: 150),
        ])
    func namesRefused(_ text: String) {
        #expect(refusal { try AccountInput.name(text) } == .invalidInput)
    }

    @Test("A duplicate email (any case) or phone (any format) is a conflict and writes nothing")
    func duplicates() throws {
        // Given a patient with an email and a phone
        let clinic = try TestClinic()
        let ann = try clinic.store.createAccount(
            NewAccount(
                role: .patient, name: "Ann", email: "ann@example.com",
                phone: "+15550100001", password: "patient-pass"), by: nil)
        #expect(ann.phone == "+15550100001")
        let before = try clinic.count("account")
        // When another account reuses the email in capitals, or the phone written differently
        let sameEmail = NewAccount(role: .patient, name: "Ann 2", email: "ANN@Example.com", phone: "+15550100002")
        let samePhone = NewAccount(role: .patient, name: "Ann 3", email: "ann3@example.com", phone: "(555) 010-0001")
        let staffSamePhone = NewAccount(role: .receptionist, name: "Rita", email: "rita@example.com", phone: "+1 555 010 0001")
        // Then each is a conflict (the value is fine, another account holds it), and no account (or profile) was added
        #expect(refusal { try clinic.store.createAccount(sameEmail, by: .shell) } == .conflict)
        #expect(refusal { try clinic.store.createAccount(samePhone, by: .shell) } == .conflict)
        #expect(refusal { try clinic.store.createAccount(staffSamePhone, by: .shell) } == .conflict)
        #expect(try clinic.count("account") == before)
        #expect(try clinic.count("patient_profile") == before)
    }

    @Test("Doctors need a specialization and a slot length of 5–480 minutes")
    func doctorFields() throws {
        let clinic = try TestClinic()
        let base = NewAccount(
            role: .doctor, name: "Dr Who", email: "who@example.com", phone: "+15550200001",
            specialization: "Cardiology", slotMinutes: 30)
        var noSpec = base; noSpec.specialization = "  "
        var tooShort = base; tooShort.slotMinutes = 4
        var tooLong = base; tooLong.slotMinutes = 481
        #expect(refusal { try clinic.store.createAccount(noSpec, by: .shell) } == .invalidInput)
        #expect(refusal { try clinic.store.createAccount(tooShort, by: .shell) } == .invalidInput)
        #expect(refusal { try clinic.store.createAccount(tooLong, by: .shell) } == .invalidInput)
        #expect(try clinic.count("account") == 0)
        let created = try clinic.store.createAccount(base, by: .shell)
        #expect(try clinic.store.doctorProfile(created.id).slotMinutes == 30)
    }

    @Test("Only an admin creates staff; patients sign up themselves or at the desk")
    func whoCreatesAccounts() throws {
        let clinic = try TestClinic()
        let desk = try clinic.addStaff(.receptionist)
        let doctor = try clinic.addDoctor()
        let staff = NewAccount(role: .doctor, name: "Dr X", email: "x@example.com", phone: "+15550200009", specialization: "GP")
        let walkIn = NewAccount(role: .patient, name: "Walk In", email: "walk@example.com", phone: "+15550100009")
        #expect(refusal { try clinic.store.createAccount(staff, by: clinic.actor(desk)) } == .forbidden)
        #expect(refusal { try clinic.store.createAccount(staff, by: nil) } == .forbidden)
        #expect(refusal { try clinic.store.createAccount(walkIn, by: clinic.actor(doctor)) } == .forbidden)
        #expect(try clinic.store.createAccount(walkIn, by: clinic.actor(desk)).role == .patient)
    }
}
