import GRDB

extension ClinicStore {
    /// A patient signs up at the kiosk (or through the API) with a phone, an
    /// email or both (an empty one is none). What was typed is checked as
    /// `createAccount` checks it (each refusal about its own field); an email
    /// or phone some account already has is refused with the one sentence
    /// `KioskSignInPolicy.signUpRefusal` and no field, so the answer names
    /// neither the other account nor which detail collided.
    @discardableResult
    public func kioskSignUp(name: String, email: String?, phone: String?, password: String) throws -> Account {
        do {
            return try createAccount(NewAccount(role: .patient, name: name, email: email, phone: phone, password: password), by: nil)
        } catch let error as ClinicError where error.field == .email || error.field == .phone {
            guard try loginInUse(email: email, phone: phone) else { throw error }
            throw ClinicError(error.code, KioskSignInPolicy.signUpRefusal)
        }
    }

    /// Whether an account already has this email or this phone. Only when
    /// what was given is well formed: a refusal of what was typed stays that refusal.
    private func loginInUse(email typedEmail: String?, phone typedPhone: String?) throws -> Bool {
        let email: String?, phone: String?
        do {
            email = try AccountInput.optionalEmail(typedEmail)
            phone = try AccountInput.optionalPhone(typedPhone, defaultCountryCode: defaultCountryCode)
        } catch { return false }
        guard email != nil || phone != nil else { return false }
        return try pool.read { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM account WHERE email = ? OR phone = ?)",
                arguments: [email, phone]) ?? false
        }
    }
}
