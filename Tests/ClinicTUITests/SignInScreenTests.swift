import ClinicCore
import ClinicTesting
import Testing
@_spi(Tooling) @testable import ClinicTUI

@Suite("Sign-in and routing")
struct SignInScreenTests {
    @Test("the kiosk welcome leads to sign-in; a patient lands on their home")
    func patientSignsIn() throws {
        let h = try TUIHarness(.kiosk)
        let patient = try h.clinic.addPatient(name: "José Álvarez")
        #expect(h.screen.contains("Welcome to Test Clinic"))
        h.signIn(patient.email!, "patient-password")
        #expect(h.core.top is PatientHomeModel)
        #expect(h.screen.contains("Hello, José Álvarez"))
        #expect(h.frame.line(0).contains("José Álvarez (patient)"))
    }

    @Test("the password is masked on screen")
    func masked() throws {
        let h = try TUIHarness(.staff)
        h.type("someone@clinic.test"); h.press(.tab); h.type("hunter22")
        #expect(h.screen.contains("••••••••") && !h.screen.contains("hunter22"))
        #expect(h.screen.contains("Ctrl-Q quit"))  // q is typed into a field here
    }

    @Test("at the staff terminal a wrong password says so; five lock the account with the core's message")
    func lockout() throws {
        let h = try TUIHarness(.staff)
        let desk = try h.clinic.addStaff(.receptionist)
        h.signIn(desk.email!, "wrong-password")
        #expect(h.screen.contains("wrong email / phone or password"))
        for _ in 0..<4 {
            h.press(.backTab)  // back to the login field, which keeps its text
            h.press(.tab); h.type("wrong-password"); h.press(.enter)
        }
        #expect(h.screen.contains("too many wrong passwords"))
        h.type("staff-password"); h.press(.enter)  // the focus is back on the password
        #expect(h.core.top is SignInModel)
        #expect(h.screen.contains("too many wrong passwords"))
        #expect(h.sleeper.requested.isEmpty, "the staff terminal's answers are not held back")
    }

    @Test("at the kiosk five wrong passwords lock the patient's kiosk sign-in with no message of its own")
    func kioskLockout() throws {
        let h = try TUIHarness(.kiosk)
        let patient = try h.clinic.addPatient()
        h.signIn(patient.email!, "wrong-password")
        let first = h.screen
        #expect(first.contains("That did not sign you in."))
        for _ in 0..<4 { h.type("wrong-password"); h.press(.enter) }
        h.type("patient-password"); h.press(.enter)
        #expect(h.core.top is SignInModel && h.screen == first)
        #expect(try h.clinic.store.account(matching: patient.email!).kioskLockedUntil != nil)
    }

    @Test("staff cannot use the kiosk and patients cannot use the staff terminal")
    func roleRefusals() throws {
        let clinic = try TestClinic()
        let doctor = try clinic.addDoctor(), patient = try clinic.addPatient()
        let kiosk = try TUIHarness(.kiosk, clinic: clinic)
        kiosk.signIn(doctor.email!, "doctor-password")
        #expect(kiosk.screen.contains("That did not sign you in.") && !kiosk.screen.contains("staff"))
        #expect(kiosk.context.account == nil)
        let staff = try TUIHarness(.staff, clinic: clinic)
        staff.signIn(patient.phone!, "patient-password")
        #expect(staff.screen.contains("patients use the kiosk"))
    }

    @Test("a doctor lands on their day, a receptionist on the board, an admin on the console; s signs out")
    func staffHomes() throws {
        let clinic = try TestClinic()
        let doctor = try clinic.addDoctor(name: "Dr Ana Moreau"), desk = try clinic.addStaff(.receptionist)
        let admin = try clinic.addStaff(.admin)
        let h = try TUIHarness(.staff, clinic: clinic)
        h.width = 120  // at 80 columns the status line shortens the name to fit the services' state
        h.signIn(doctor.email!, "doctor-password")
        #expect(h.core.top is DoctorDayModel && h.screen.contains("Dr Ana Moreau (doctor)"))
        h.press(.char("s"))
        #expect(h.core.top is SignInModel && h.context.account == nil)
        h.signIn(desk.email!, "staff-password")
        #expect(h.core.top is BoardModel && h.screen.contains("0 appointments"))
        h.press(.char("s"))
        h.signIn(admin.email!, "staff-password")
        #expect(h.core.top is AdminHomeModel && h.screen.contains("Staff accounts"))
    }

    @Test("the demo sign-ins are shown on the staff sign-in screen")
    func demoSignIns() throws {
        let demo = [DemoClinic.SignIn(role: .doctor, login: "ana@demo.clinic", password: "demo-pass")]
        let h = try TUIHarness(.staff, demo: demo)
        #expect(h.screen.contains("Demo sign-ins (password demo-pass):"))
        #expect(h.screen.contains("doctor       ana@demo.clinic"))
    }

    @Test("? shows help generated from the screen's bindings; any key closes it")
    func help() throws {
        let h = try TUIHarness(.kiosk)
        h.press(.char("?"))
        #expect(h.screen.contains("Keys: Welcome"))
        #expect(h.screen.contains("sign up") && h.screen.contains("quit"))
        h.press(.char("x"))
        #expect(!h.screen.contains("Keys: Welcome"))
    }

    @Test("q quits at once when nothing is unsaved")
    func quit() throws {
        let h = try TUIHarness(.kiosk)
        h.press(.char("q"))
        #expect(h.core.finished)
    }
}
