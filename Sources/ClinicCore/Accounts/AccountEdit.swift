/// What to change on an account (`ClinicStore.editAccount`): nil leaves a
/// field as it is. Text is as people typed it; the store checks each field
/// as sign-up does. For a patient an empty email or phone removes it (one of
/// them must stay), an empty date of birth or gender clears it.
public struct AccountEdit: Sendable, Equatable {
    /// Anyone's name.
    public var name: String?
    /// Anyone's phone (staff cannot remove theirs).
    public var phone: String?
    /// Anyone's email (staff cannot remove theirs).
    public var email: String?
    /// A patient's date of birth, `YYYY-MM-DD`.
    public var birthDate: String?
    /// A patient's gender (free text).
    public var gender: String?
    /// The age an old API client sends: kept only while the patient has no
    /// date of birth (which, once given, is the age's source).
    public var legacyAge: Int?
    /// The desk's notes on a patient (several lines).
    public var notes: String?
    /// A doctor's specialization.
    public var specialization: String?
    /// A doctor's slot length in minutes (refused while it would move visits to come off their slots).
    public var slotMinutes: Int?

    /// An edit of the fields given (the others stay as they are).
    public init(
        name: String? = nil, phone: String? = nil, email: String? = nil, birthDate: String? = nil, gender: String? = nil,
        legacyAge: Int? = nil, notes: String? = nil, specialization: String? = nil, slotMinutes: Int? = nil
    ) {
        self.name = name; self.phone = phone; self.email = email; self.birthDate = birthDate; self.gender = gender
        self.legacyAge = legacyAge; self.notes = notes; self.specialization = specialization; self.slotMinutes = slotMinutes
    }

    /// Whether it asks for no change at all.
    public var isEmpty: Bool { self == AccountEdit() }

    /// The policy's actions this edit needs, each asked before anything is written.
    var actions: [AccountAction] {
        var actions: [AccountAction] = []
        let details = name != nil || phone != nil || email != nil || birthDate != nil || gender != nil || legacyAge != nil
        if details || isEmpty { actions.append(.updateProfile) }
        if notes != nil { actions.append(.editNotes) }
        if specialization != nil || slotMinutes != nil { actions.append(.editDoctorProfile) }
        return actions
    }
}

/// One edit of an account as audited: who, when, which fields, before → after.
public struct AccountEvent: Sendable, Equatable {
    /// Unix seconds.
    public let at: Int64
    /// The account that made it (nil: the admin at the server shell).
    public let actorID: Int64?
    /// The actor's role then (`admin` for the server shell).
    public let actorRole: String
    /// The front end it came through.
    public let via: Actor.Via
    /// The fields changed, in the order of `AccountEdit`.
    public let fields: [String]
    /// `name: Zoe → Zoë; email: — → zoe@mail.example` (notes by their length only).
    public let summary: String
}
