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

    public let code: Code
    /// One human sentence saying why, and what to do instead where useful.
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
