import ClinicCore
import ClinicTesting
import Foundation
import Testing
@_spi(Tooling) @testable import ClinicTUI

/// "Forgot password" at the kiosk, through the screen models without a
/// terminal: welcome → email or phone → the one sentence → code and a new
/// password twice → back to sign-in. The frames say nothing about accounts.
@Suite("Kiosk password reset")
struct KioskPasswordResetTests {
    /// The newest code in the outbox (what the phone would receive).
    static func code(_ clinic: TestClinic) throws -> String { try #require(try clinic.pendingResetCode()) }

    /// Asks for a code for `login` from the welcome screen.
    static func ask(_ h: TUIHarness, _ login: String) {
        h.press(.char("f"))
        h.type(login)
        h.press(.enter)
    }

    /// Types the code and a new password twice, then submits.
    static func answer(_ h: TUIHarness, code: String, password: String) {
        h.type(code); h.press(.enter)
        h.type(password); h.press(.enter)
        h.type(password); h.press(.enter)
    }

    @Test("The code and a new password in Hangul and emoji lead back to sign-in, where the new password works")
    func wholeFlow() throws {
        // Given a patient at the kiosk's welcome
        let h = try TUIHarness(.kiosk)
        let patient = try h.clinic.addPatient()
        #expect(h.screen.contains("Forgot password"))
        // When they ask for a code by phone
        Self.ask(h, patient.phone!)
        // Then the kiosk says the one sentence and asks for the code, the footer with its own keys first and help last
        #expect(h.core.top is ResetCodeModel)
        #expect(h.screen.contains("have texted a 6-digit code to that phone. It works for 10 minutes."))
        let footer = h.frame.line(h.height - 1)
        #expect(footer.hasPrefix("Enter next / save  Tab/Shift-Tab fields  Esc back  Ctrl-Q quit"), "\(footer)")
        #expect(footer.trimmingCharacters(in: .whitespaces).hasSuffix("F1 help"), "\(footer)")
        // When the passwords differ, it says so under the second
        let code = try Self.code(h.clinic)
        h.type(code); h.press(.enter); h.type("비밀번호 🔑 새것"); h.press(.enter); h.type("something else"); h.press(.enter)
        #expect(h.screen.contains("the two passwords differ"))
        #expect(!h.screen.contains("비밀번호"), "passwords are masked")
        // When the second is typed again
        h.press(.ctrl("u")); h.type("비밀번호 🔑 새것"); h.press(.enter)
        // Then it is back on sign-in over the welcome, saying so, and the new password signs in
        #expect(h.core.top is SignInModel && h.core.stack.count == 2 && h.core.stack[0] is WelcomeModel)
        #expect(h.screen.contains("Your new password is set: sign in with it."))
        h.type(patient.phone!); h.press(.tab); h.type("비밀번호 🔑 새것"); h.press(.enter)
        #expect(h.core.top is PatientHomeModel)
        #expect(FrameCheck.badRows(h.frame).isEmpty)
    }

    @Test("Unknown, staff, no phone and a patient with a phone: the same frame after asking, and the same after a code that does not work")
    func sameFrames() throws {
        let cases: [(TestClinic) throws -> String] = [
            { _ in "+15550199999" },
            { try $0.addDoctor().phone! },
            { try $0.store.createAccount(NewAccount(role: .patient, name: "Mei Lin", email: "mei@x.test", phone: nil), by: .shell).email! },
            { try $0.addPatient().phone! },
        ]
        var asked: [CellBuffer] = [], refused: [CellBuffer] = [], waits: [[Double]] = []
        for setUp in cases {
            let clinic = try TestClinic()
            let login = try setUp(clinic)
            let h = try TUIHarness(.kiosk, clinic: clinic)
            Self.ask(h, login)
            asked.append(h.frame)
            let code = try clinic.pendingResetCode().map { TestClinic.wrongCode($0) } ?? "123456"
            Self.answer(h, code: code, password: "new-password-1")
            refused.append(h.frame)
            waits.append(h.sleeper.requested)
            #expect(h.core.top is ResetCodeModel)
        }
        #expect(asked.allSatisfy { $0 == asked[0] }, "\(asked.map(\.text))")
        #expect(refused.allSatisfy { $0 == refused[0] }, "\(refused.map(\.text))")
        #expect(refused[0].text.contains("That code did not work"))
        #expect(waits.allSatisfy { $0 == [0] }, "\(waits)")
    }

    @Test("Ctrl-R on the sign-in opens Forgot password with what was typed; a fourth request of the session is refused openly")
    func fromSignInAndTheSessionLimit() throws {
        let h = try TUIHarness(.kiosk)
        h.press(.char("s"))
        #expect(h.frame.line(h.height - 1).hasPrefix("Enter sign in  Ctrl-R forgot password  Esc back  Ctrl-Q quit  F1 help"))
        h.type("+15550199991"); h.press(.ctrl("r"))
        let forgot = try #require(h.core.top as? ForgotPasswordModel)
        #expect(forgot.field.value == "+15550199991")
        h.press(.enter)
        for login in ["+15550199992", "+15550199993", "+15550199994"] {
            h.press(.escape); h.press(.escape); Self.ask(h, login)
        }
        #expect(h.core.top is ForgotPasswordModel)
        #expect(h.screen.contains("Too many codes were asked for from here in the last hour"))
    }

    @Test("A kiosk signed in as a patient signs out when the password is reset by code elsewhere")
    func sessionsEnd() throws {
        let h = try TUIHarness(.kiosk)
        let patient = try h.clinic.addPatient()
        h.signIn(patient.email!, "patient-password")
        #expect(h.core.top is PatientHomeModel)
        try h.clinic.store.requestPasswordReset(login: patient.phone!, requester: "api:203.0.113.9")
            .answeredOrFail()
        try h.clinic.store.resetPassword(login: patient.phone!, code: try Self.code(h.clinic), newPassword: "new-password-1", via: .api)
        h.core.tick(at: h.time + 0.5, dataChanged: true)
        #expect(h.context.account == nil && h.core.top is WelcomeModel)
        #expect(h.screen.contains("You were signed out: this account's password was"))
    }
}

extension PasswordResetRequest {
    /// Stops the test unless the request was answered.
    func answeredOrFail() throws { try #require(self == .answered) }
}
