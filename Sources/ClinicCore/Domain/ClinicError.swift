/// A refusal or failure with one of the contract's codes (DESIGN §2, §3).
public struct ClinicError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The machine-readable codes scripts rely on.
    public enum Code: String, Sendable, CaseIterable, Codable {
        case notAligned = "not_aligned"
        case outsideSchedule = "outside_schedule"
        case inPast = "in_past"
        case notFound = "not_found"
        case slotTaken = "slot_taken"
        case patientBusy = "patient_busy"
        case forbidden
        case invalidTransition = "invalid_transition"
        case invalidInput = "invalid_input"
        case lockedOut = "locked_out"
        case unauthorized
        case conflict
        case internalError = "internal"
    }

    /// The input an `invalid_input` is about, for a form to show the message under it.
    public enum Field: String, Sendable, CaseIterable, Codable {
        case name, email, phone, password, specialization
        case slotMinutes = "slot_minutes"
        case age, gender
        case birthDate = "birth_date"
        case notes
        /// The reason the desk gives to book over the clinic's booking limits.
        case overrideReason = "override_reason"
    }

    public let code: Code
    /// One human sentence saying why, and what to do instead where useful.
    public let message: String
    /// The input it is about, when it is about one.
    public let field: Field?
    /// The SQLSTATE of the PostgreSQL error it came from (`23505`, `23P01`, `40001` …), kept
    /// so a caller can retry a serialization failure or tell constraints apart.
    public let sqlState: String?

    public init(_ code: Code, _ message: String, field: Field? = nil, sqlState: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
        self.sqlState = sqlState
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
