/// What someone may ask to do to an account.
public enum AccountAction: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Create it (`AccountFacts.role` is the new account's role).
    case create
    /// Set its password (clears every lockout).
    case setPassword
    /// Let it sign in and be booked again.
    case activate
    /// Stop it signing in and being booked (refused for your own account).
    case deactivate
    /// Lift its sign-in locks.
    case unlock
    /// Read a patient's details.
    case viewProfile
    /// Change a patient's name, phone, age, gender.
    case updateProfile
    /// Act as it from the server shell (`clinic … --as USER`).
    case actAs

    /// The actions a screen offers on an existing account.
    public static let offered: [AccountAction] = [.setPassword, .activate, .deactivate, .unlock, .viewProfile, .updateProfile]

    public var description: String {
        switch self {
        case .create: return "create"
        case .setPassword: return "set password"
        case .activate: return "activate"
        case .deactivate: return "deactivate"
        case .unlock: return "unlock"
        case .viewProfile: return "view profile"
        case .updateProfile: return "update profile"
        case .actAs: return "act as"
        }
    }
}

/// What the policy needs to know about the account acted on.
public struct AccountFacts: Sendable, Hashable {
    /// Its id (nil: one about to be created).
    public var id: Int64?
    /// Its role (nil: no account has that id; the store answers `not_found` where it may).
    public var role: Role?
    /// Whether it may sign in and act.
    public var active: Bool
    /// Its email, for sentences.
    public var email: String

    /// The facts as read (a missing account has no role).
    public init(id: Int64?, role: Role?, active: Bool = true, email: String = "") {
        self.id = id; self.role = role; self.active = active; self.email = email
    }

    /// The facts of an account as read.
    public init(_ account: Account) {
        self.init(id: account.id, role: account.role, active: account.active, email: account.email)
    }

    /// An account about to be created with `role`.
    public static func new(_ role: Role) -> AccountFacts { AccountFacts(id: nil, role: role) }
}

extension Policy {
    /// Decides whether `actor` (nil: nobody signed in) may do `action` to an account.
    public static func decide(_ action: AccountAction, by actor: Actor?, facts: AccountFacts) -> Decision {
        if action == .create { return create(facts.role ?? .patient, by: actor) }
        guard let actor else { return signInFirst }
        let admin = actor.role == .admin, desk = actor.role?.isDeskStaff == true
        let own = actor.accountID != nil && actor.accountID == facts.id
        let deskForPatient = actor.role == .receptionist && facts.role == .patient
        switch action {
        case .create: return .allowed // decided above
        case .setPassword:
            return admin || own || deskForPatient ? .allowed
                : .refused(.forbidden, "only an admin may set another account's password (the desk may set a patient's)")
        case .activate:
            return admin ? .allowed : .refused(.forbidden, "only an admin may activate accounts")
        case .deactivate:
            guard admin else { return .refused(.forbidden, "only an admin may deactivate accounts") }
            return own ? .refused(.invalidInput, "you cannot deactivate your own account; another admin can") : .allowed
        case .unlock:
            return admin || deskForPatient ? .allowed
                : .refused(.forbidden, "only an admin may unlock an account (the desk may unlock a patient's)")
        case .viewProfile:
            return own || desk ? .allowed : .refused(.forbidden, "a patient's profile is theirs and the desk's only")
        case .updateProfile:
            return own || desk ? .allowed : .refused(.forbidden, "only the patient or the desk may change a patient's profile")
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
