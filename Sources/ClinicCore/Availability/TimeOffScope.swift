/// Whose slots a stretch of time off removes: one doctor's (a sick day, a
/// conference) or every doctor's (a closure day, a holiday).
public enum TimeOffScope: Sendable, Hashable {
    case doctor(Int64)
    case clinic

    /// The doctor, or nil for the whole clinic.
    public var doctorID: Int64? {
        if case .doctor(let id) = self { return id }
        return nil
    }
}

/// What adding time off did: the stretch, and the visits it cancelled (each
/// audited, each patient texted to book again).
public struct TimeOffOutcome: Sendable, Equatable {
    public let timeOff: TimeOff
    public let cancelled: [Appointment]
}
