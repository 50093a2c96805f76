import ClinicCore
import ClinicTesting
import Foundation
import GRDB

extension TestClinic {
    /// Unix seconds on the manual clock.
    var nowSeconds: Int64 { Int64(clock.now().timeIntervalSince1970.rounded(.down)) }

    /// The newest reset code waiting in the outbox, read from the stored body
    /// (the listings never show it): what the patient's phone would get.
    func pendingResetCode() throws -> String? {
        try store.reader.read { db in
            try String.fetchOne(
                db, sql: "SELECT substr(body, 1, 6) FROM sms_outbox WHERE kind = 'password_reset' ORDER BY id DESC LIMIT 1")
        }
    }

    /// How many reset SMS the outbox holds.
    func resetMessageCount() throws -> Int {
        try store.reader.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sms_outbox WHERE kind = 'password_reset'") ?? 0 }
    }

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

    /// A 6-digit code that is not `code`.
    static func wrongCode(_ code: String) -> String { code == "000000" ? "111111" : "000000" }
}
