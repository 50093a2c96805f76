import ClinicCore
import ClinicTesting
import Testing
@_spi(Tooling) @testable import ClinicTUI

/// The kiosk's sign-in and sign-up screens reveal nothing about accounts
/// (issue 11, item 3), driven through the screen models without a terminal.
@Suite("Kiosk sign-in reveals nothing")
struct KioskSignInTests {
    static let login = "sam@clinic.test"

    /// A kiosk over a clinic that `setUp` fills, seen through a store that counts KDF runs.
    func kiosk(_ setUp: (TestClinic) throws -> Void) throws -> (TUIHarness, KDFCounter) {
        let clinic = try TestClinic()
        try setUp(clinic)
        let counter = KDFCounter()
        let h = try TUIHarness(.kiosk, clinic: clinic, store: try clinic.store(counting: counter))
        _ = counter.take()
        return (h, counter)
    }

    static func account(_ clinic: TestClinic, _ role: Role, password: String?) throws {
        try clinic.store.createAccount(
            NewAccount(
                role: role, name: "Sam Okafor", email: login, phone: "+15550177777",
                password: password, specialization: role == .doctor ? "Cardiology" : nil), by: .shell)
    }

    @Test("Unknown, staff with a wrong or the right password, no password, wrong password: the same frame, the same KDF runs, the same wait")
    func sameAnswer() throws {
        let cases: [(String, (TestClinic) throws -> Void, String)] = [
            ("unknown account", { _ in }, "right-password-1"),
            ("staff, wrong password", { try Self.account($0, .doctor, password: "right-password-1") }, "wrong-password-1"),
            ("staff, right password", { try Self.account($0, .doctor, password: "right-password-1") }, "right-password-1"),
            ("no password set", { try Self.account($0, .patient, password: nil) }, "right-password-1"),
            ("wrong password", { try Self.account($0, .patient, password: "other-password-1") }, "right-password-1"),
        ]
        var frames: [CellBuffer] = [], runs: [[Int]] = [], waits: [[Double]] = []
        for (_, setUp, password) in cases {
            // Given the same login typed at a kiosk whose clinic differs only in that account
            let (h, counter) = try kiosk(setUp)
            // When it is tried three times with the case's password
            for attempt in 0..<3 {
                if attempt == 0 { h.signIn(Self.login, password) } else { h.type(password); h.press(.enter) }
            }
            frames.append(h.frame); runs.append(counter.take()); waits.append(h.sleeper.requested)
            #expect(h.core.top is SignInModel && h.context.account == nil)
        }
        // Then every frame is identical cell for cell (text and colours), and says the one sentence
        #expect(frames.allSatisfy { $0 == frames[0] }, "\(frames.map(\.text))")
        #expect(frames[0].text.contains("That did not sign you in.") && frames[0].text.contains(Self.login))
        // And each ran the KDF once per attempt at one cost, and waited the same
        #expect(runs.allSatisfy { $0 == [1_000, 1_000, 1_000] }, "\(runs)")
        #expect(waits.allSatisfy { $0 == [0, 0, 1] }, "\(waits)")
    }

    @Test("Each failure of a session waits longer, whichever accounts were tried; a sign-in starts the count again")
    func sessionSlows() throws {
        let (h, _) = try kiosk { try $0.addPatient() }
        let patient = try #require(try h.clinic.store.accounts(role: .patient).first)
        let logins = ["a@clinic.test", patient.email, "+15550100999", patient.email, "b@clinic.test"]
        h.press(.char("s"))
        for (i, login) in logins.enumerated() {
            if i > 0 { h.press(.backTab) }  // back to the login field (a failure leaves the focus on the password)
            h.press(.ctrl("u")); h.type(login!); h.press(.tab); h.type("wrong-password"); h.press(.enter)
        }
        #expect(h.sleeper.requested == [0, 0, 1, 2, 4])
        h.press(.backTab, .ctrl("u")); h.type(patient.email!); h.press(.tab); h.type("patient-password"); h.press(.enter)
        #expect(h.core.top is PatientHomeModel)
        #expect(h.context.kioskSession.failures == 0)
    }

    @Test("Five kiosk failures for a staff email leave that account able to sign in at the staff terminal")
    func staffNotLockedFromKiosk() throws {
        let clinic = try TestClinic()
        let doctor = try clinic.addDoctor(name: "Dr Ana Moreau")
        let kiosk = try TUIHarness(.kiosk, clinic: clinic)
        kiosk.signIn(doctor.email!, "wrong-password")
        for _ in 0..<4 { kiosk.type("wrong-password"); kiosk.press(.enter) }
        kiosk.type("doctor-password"); kiosk.press(.enter)
        #expect(kiosk.screen.contains("That did not sign you in.") && kiosk.context.account == nil)
        let staff = try TUIHarness(.staff, clinic: clinic)
        staff.signIn(doctor.email!, "doctor-password")
        #expect(staff.core.top is DoctorDayModel && staff.context.account?.id == doctor.id)
    }

    @Test("A patient a stranger locked out of the kiosk is unlocked from the desk's patient card (u), and signs in")
    func deskUnlocksFromTheCard() throws {
        let clinic = try TestClinic()
        let patient = try clinic.addPatient(name: "Pia Kowalska")
        let desk = try clinic.addStaff(.receptionist)
        let kiosk = try TUIHarness(.kiosk, clinic: clinic)
        kiosk.signIn(patient.email!, "wrong-password")
        for _ in 0..<4 { kiosk.type("wrong-password"); kiosk.press(.enter) }
        kiosk.type("patient-password"); kiosk.press(.enter)
        #expect(kiosk.context.account == nil && kiosk.screen.contains("That did not sign you in."))
        // When the desk opens her card, it says the kiosk is locked, and u lifts it
        let staff = try TUIHarness(.staff, clinic: clinic)
        staff.signIn(desk.email!, "staff-password")
        let card = PatientCardModel(staff.context, patientID: patient.id)
        staff.core.open(card)
        #expect(staff.screen.contains("Sign-in locked until 07:15 (u unlocks)"), "\(staff.screen)")
        #expect(card.hints.contains { $0.keys == "u" && $0.label == "unlock sign-in" })
        staff.press(.char("u"))
        #expect(staff.screen.contains("Sign-in unlocked for Pia Kowalska.") && !staff.screen.contains("Sign-in locked until"))
        staff.press(.char("u"))
        #expect(staff.screen.contains("Pia Kowalska's sign-in is not locked."))
        // Then the kiosk lets her in with her password
        kiosk.type("patient-password"); kiosk.press(.enter)
        #expect(kiosk.core.top is PatientHomeModel)
    }

    @Test("Sign-up with a used email and with a used phone: the same sentence, under no field, as slow as a failed sign-in")
    func signUpCollisions() throws {
        let clinic = try TestClinic()
        let existing = try clinic.addPatient()
        var messages: [String?] = []
        for (email, phone) in [(existing.email, "+15559990000"), ("new@clinic.test", existing.phone)] {
            let h = try TUIHarness(.kiosk, clinic: clinic)
            h.press(.char("n"))
            for text in ["Someone New", email, phone, "password-1", "password-1"] { h.type(text!); h.press(.enter) }
            let model = try #require(h.core.top as? SignUpModel)
            messages.append(model.message)
            #expect(model.form.fields.allSatisfy { $0.error == nil }, "no field is singled out")
            #expect(h.screen.contains(KioskSignInPolicy.signUpRefusal) && !h.screen.contains("in use"))
            #expect(h.sleeper.requested == [0])
        }
        #expect(messages[0] == KioskSignInPolicy.signUpRefusal && messages[0] == messages[1])
        #expect(try clinic.store.accounts().count == 1)
    }
}
