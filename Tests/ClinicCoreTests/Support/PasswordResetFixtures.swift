import ClinicCore
import ClinicTesting
import Foundation

extension TestClinic {
    /// Unix seconds on the manual clock.
    var nowSeconds: Int64 { Int64(clock.now().timeIntervalSince1970.rounded(.down)) }

    /// A patient with an email and no phone.
    func addPatientWithoutPhone(email: String = "nophone@clinic.test") throws -> Account {
        try store.createAccount(
            NewAccount(role: .patient, name: "Mei Lin", email: email, phone: nil, password: "patient-password"), by: .shell)
    }

    /// Asks for a code as `requester` (a kiosk session by default).
    @discardableResult
    func requestReset(_ login: String, from requester: String = "kiosk:test") throws -> PasswordResetRequest {
        try store.requestPasswordReset(login: login, requester: requester)
    }

    /// The refusal a reset attempt got (its code and sentence), or nil when it set the password.
    func resetRefusal(_ login: String, code: String, password: String = "new-password-1") -> ClinicError? {
        do {
            try store.resetPassword(login: login, code: code, newPassword: password, via: .kiosk)
            return nil
        } catch {
            return error as? ClinicError
        }
    }
}
