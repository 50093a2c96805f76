/// PostgreSQL's errors as the contract's codes, with the SQLSTATE kept. The one
/// place where the appointment constraints become `slot_taken` and `patient_busy`.
enum PostgresError {
    /// SQLSTATEs the store acts on.
    static let uniqueViolation = "23505"
    static let exclusionViolation = "23P01"
    static let serializationFailure = "40001"
    static let deadlockDetected = "40P01"

    static func clinicError(sqlState: String?, message: String, detail: String?, constraint: String?) -> ClinicError {
        switch constraint {
        case "appointment_active_slot":
            return ClinicError(.slotTaken, "that slot was just taken; pick another one", sqlState: sqlState)
        case "appointment_patient_busy":
            return ClinicError(.patientBusy, "the patient already has a visit at that time", sqlState: sqlState)
        default: break
        }
        let text = "PostgreSQL: " + message + (detail.map { " (\($0))" } ?? "")
        return ClinicError(code(for: sqlState), text, sqlState: sqlState)
    }

    /// Integrity and concurrency refusals are `conflict`; bad data `invalid_input`; the rest internal.
    static func code(for sqlState: String?) -> ClinicError.Code {
        guard let sqlState else { return .internalError }
        switch sqlState {
        case uniqueViolation, exclusionViolation, "23503", serializationFailure, deadlockDetected, "55P03": return .conflict
        case "23502", "23514": return .invalidInput
        default: break
        }
        switch sqlState.prefix(2) {
        case "22": return .invalidInput  // data exception
        case "08", "28", "3D": return .invalidInput  // connection, authorization, no such database
        case "42": return sqlState == "42501" ? .forbidden : .internalError
        default: return .internalError
        }
    }
}

extension ClinicError {
    /// A serialization failure or deadlock: running the whole transaction again may succeed.
    public var isRetryable: Bool {
        sqlState == PostgresError.serializationFailure || sqlState == PostgresError.deadlockDetected
    }
}
