extension Policy {
    /// Decides whether `actor` (nil: nobody signed in) may do `action` to an account.
    public static func decide(_ action: AccountAction, by actor: Actor?, facts: AccountFacts) -> Decision {
        if action == .create { return create(facts.role ?? .patient, by: actor) }
        guard let actor else { return signInFirst }
        let admin = actor.role == .admin, desk = actor.role?.isDeskStaff == true
        let own = actor.accountID != nil && actor.accountID == facts.id
        let deskForPatient = actor.role == .receptionist && facts.role == .patient
        switch action {
        case .create: return .allowed  // decided above
        case .setPassword:
            return admin || own || deskForPatient
                ? .allowed
                : .refused(.forbidden, "only an admin may set another account's password (the desk may set a patient's)")
        case .activate:
            return admin ? .allowed : .refused(.forbidden, "only an admin may activate accounts")
        case .deactivate:
            guard admin else { return .refused(.forbidden, "only an admin may deactivate accounts") }
            return own ? .refused(.invalidInput, "you cannot deactivate your own account; another admin can") : .allowed
        case .unlock:
            return admin || deskForPatient
                ? .allowed
                : .refused(.forbidden, "only an admin may unlock an account (the desk may unlock a patient's)")
        case .viewProfile:
            return own || desk ? .allowed : .refused(.forbidden, "a patient's profile is theirs and the desk's only")
        case .updateProfile:
            // Everyone their own name and phone; the desk a patient's profile; an admin anyone's.
            return own || admin || (desk && facts.role == .patient)
                ? .allowed : .refused(.forbidden, "only the account's owner, the desk (for a patient) or an admin may change a profile")
        case .editNotes:
            // The desk's notes on a patient: not the patient's to change, nor a doctor's.
            return desk && (facts.role == .patient || facts.role == nil)
                ? .allowed : .refused(.forbidden, "notes are kept on patients, by the desk or an admin")
        case .editDoctorProfile:
            return admin ? .allowed : .refused(.forbidden, "only an admin may change a doctor's specialization or slot length")
        case .actAs:
            guard actor.kind == .shellAdmin else {
                return .refused(.forbidden, "only the admin at the server shell may act as another account")
            }
            return facts.active ? .allowed : .refused(.forbidden, "account \(facts.email) is deactivated")
        }
    }

    /// Staff accounts are an admin's to create; patients are registered at the
    /// desk or sign themselves up (nobody signed in).
    private static func create(_ role: Role, by actor: Actor?) -> Decision {
        guard role == .patient else {
            return actor?.role == .admin ? .allowed : .refused(.forbidden, "only an admin may create \(role.rawValue) accounts")
        }
        guard let actor else { return .allowed }
        switch actor.role {
        case .receptionist?, .admin?: return .allowed
        case let role?: return .refused(.forbidden, "\(role.withArticle) may not register patients")
        case nil: return .refused(.forbidden, "the scheduler does not create accounts")
        }
    }
}
