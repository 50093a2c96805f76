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
    /// Change a person's name, phone and email, and a patient's date of birth
    /// and gender (`ClinicStore.editAccount`).
    case updateProfile
    /// Change the notes the desk keeps on a patient.
    case editNotes
    /// Change a doctor's specialization and slot length.
    case editDoctorProfile
    /// Act as it from the server shell (`clinic … --as USER`).
    case actAs

    /// The actions a screen offers on an existing account.
    public static let offered: [AccountAction] = [
        .setPassword, .activate, .deactivate, .unlock, .viewProfile, .updateProfile, .editNotes, .editDoctorProfile,
    ]

    public var description: String {
        switch self {
        case .create: return "create"
        case .setPassword: return "set password"
        case .activate: return "activate"
        case .deactivate: return "deactivate"
        case .unlock: return "unlock"
        case .viewProfile: return "view profile"
        case .updateProfile: return "update profile"
        case .editNotes: return "edit notes"
        case .editDoctorProfile: return "edit doctor profile"
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
    /// Its email (else its phone), for sentences.
    public var email: String

    /// The facts as read (a missing account has no role).
    public init(id: Int64?, role: Role?, active: Bool = true, email: String = "") {
        self.id = id; self.role = role; self.active = active; self.email = email
    }

    /// The facts of an account as read.
    public init(_ account: Account) {
        self.init(id: account.id, role: account.role, active: account.active, email: account.contact)
    }

    /// An account about to be created with `role`.
    public static func new(_ role: Role) -> AccountFacts { AccountFacts(id: nil, role: role) }
}
