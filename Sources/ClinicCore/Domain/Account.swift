import GRDB

/// A person who can sign in (or could, once a password is set).
public struct Account: Sendable, Equatable, Identifiable {
    public let id: Int64
    public var role: Role
    public var name: String
    /// Lower case; nil: none (a patient may have a phone only).
    public var email: String?
    /// E.164; nil: none (a patient may have an email only). Staff have both.
    public var phone: String?
    public var active: Bool
    /// Whether a password is set (seeded patients may have none until reset).
    public var hasPassword: Bool
    public var failedLogins: Int
    /// Unix seconds until which sign-in is refused, if locked (the staff terminal's lock).
    public var lockedUntil: Int64?
    /// Failed sign-ins at the kiosk since the last success or lock (patients only).
    public var kioskFailedLogins: Int
    /// Unix seconds until which kiosk sign-in is refused, if locked there (see `KioskSignInPolicy`).
    public var kioskLockedUntil: Int64?
    /// Bumped when the password changes or the account is deactivated: API
    /// access tokens carry it, and one with an older epoch is refused.
    public var tokenEpoch: Int64

    /// The columns `init(row:)` reads, in its order.
    static let columns = """
        id, role, name, email, phone, active, password_hash IS NOT NULL AS has_password, failed_logins, locked_until, \
        kiosk_failed_logins, kiosk_locked_until, token_epoch
        """

    /// A row of `columns`, by position (a lookup by name costs more than the
    /// rest of the row when a list reads hundreds).
    init(row: StoreRow) throws {
        id = row[0]
        role = try row.decode(atIndex: 1)
        name = row[2]; email = row[3]; phone = row[4]
        active = row[5]; hasPassword = row[6]
        failedLogins = row[7]; lockedUntil = row[8]
        kioskFailedLogins = row[9]; kioskLockedUntil = row[10]
        tokenEpoch = row[11]
    }

    /// How sentences name the account: its email, else its phone, else `#id`.
    public var contact: String { email ?? phone ?? "#\(id)" }
}

/// A doctor's bookable profile.
public struct DoctorProfile: Sendable, Equatable {
    public let accountID: Int64
    public var specialization: String
    public var slotMinutes: Int
}

/// A patient's details.
public struct PatientProfile: Sendable, Equatable {
    /// The date of birth: the source of the age.
    public var birthDate: LocalDate?
    /// The age as once given without a date of birth (old records and old API
    /// clients); `age(on:)` prefers the date of birth.
    public var age: Int?
    public var gender: String?
    public var notes: String
    public init(birthDate: LocalDate? = nil, age: Int? = nil, gender: String? = nil, notes: String = "") {
        self.birthDate = birthDate; self.age = age; self.gender = gender; self.notes = notes
    }

    /// The age in whole years on `today` (the clinic's local date): from the
    /// date of birth when there is one, else the age on file.
    public func age(on today: LocalDate) -> Int? {
        guard let birthDate else { return age }
        return birthDate.age(on: today)
    }
}

/// What an admin (or a patient signing up) supplies to create an account.
public struct NewAccount: Sendable {
    public var role: Role
    public var name: String
    /// nil or empty: none (patients only; staff need both).
    public var email: String?
    /// nil or empty: none (patients only; staff need both).
    public var phone: String?
    /// `nil`: no password yet (the account must be given one before sign-in).
    public var password: String?
    public var specialization: String?
    public var slotMinutes: Int
    public var hours: WeeklyHours
    public var patient: PatientProfile

    public init(
        role: Role, name: String, email: String?, phone: String?, password: String? = nil,
        specialization: String? = nil, slotMinutes: Int = 30, hours: WeeklyHours = .none,
        patient: PatientProfile = PatientProfile()
    ) {
        self.role = role; self.name = name; self.email = email; self.phone = phone
        self.password = password; self.specialization = specialization; self.slotMinutes = slotMinutes
        self.hours = hours; self.patient = patient
    }
}
