/// What `clinic seed` is asked for.
public struct SeedOptions: Sendable {
    public var doctors: Int
    public var patients: Int
    public var appointments: Int
    /// The same seed (and the same clock) gives the same clinic.
    public var randomSeed: UInt64
    /// Remove existing data first (otherwise seeding a clinic with accounts is refused).
    public var replace: Bool

    public init(doctors: Int = 10, patients: Int = 100, appointments: Int = 500, randomSeed: UInt64 = 1, replace: Bool = false) {
        self.doctors = doctors; self.patients = patients; self.appointments = appointments
        self.randomSeed = randomSeed; self.replace = replace
    }

    /// Share of appointments in the past six months; the rest are in the next 30 days.
    public static let pastShare = 0.7
    /// Days of history.
    public static let pastDays = 182
    /// Days ahead.
    public static let futureDays = 30
    /// Every doctor gets at least this many appointments (when there are enough in all).
    public static let minimumPerDoctor = 20

    func validate() throws {
        guard (1...100_000).contains(doctors) else { throw ClinicError(.invalidInput, "--doctors must be 1…100000") }
        guard (1...10_000_000).contains(patients) else { throw ClinicError(.invalidInput, "--patients must be 1…10000000") }
        guard (0...20_000_000).contains(appointments) else { throw ClinicError(.invalidInput, "--appointments must be 0…20000000") }
    }
}

/// Reports how far a long seed has got: (phase, done, total).
public typealias SeedProgress = @Sendable (String, Int, Int) -> Void

/// A sign-in the seed created.
public struct SeedCredential: Sendable, Encodable, Equatable {
    public let role: String
    public let name: String
    public let email: String
    public let phone: String
    /// `nil` for accounts seeded without a password (set one with `clinic user passwd`).
    public let password: String?
    public let specialization: String?
}

/// What seeding did.
public struct SeedOutcome: Sendable {
    public let report: SeedReport
    public let credentials: [SeedCredential]
    /// What `--replace` removed (nil when nothing was replaced).
    public let removed: ClinicContents?
}

/// What a clinic holds, in the words of the people who run it: what
/// `seed --replace` would remove, and did.
public struct ClinicContents: Sendable, Equatable, Encodable {
    public let patients: Int
    public let doctors: Int
    /// Receptionists and admins.
    public let staff: Int
    public let appointments: Int

    /// `100 patients, 10 doctors, 2 staff accounts and 500 appointments`.
    public var description: String {
        "\(Plural.count(patients, "patient")), \(Plural.count(doctors, "doctor")), "
            + "\(Plural.count(staff, "staff account")) and \(Plural.count(appointments, "appointment"))"
    }
}
