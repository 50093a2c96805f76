/// What someone may ask to do to a doctor's schedule.
public enum ScheduleAction: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Book a visit into it for `ScheduleFacts.patientID`.
    case book
    /// Replace the weekly hours.
    case setHours
    /// Add time off.
    case addTimeOff

    public var description: String {
        switch self {
        case .book: return "book"
        case .setHours: return "set hours"
        case .addTimeOff: return "add time off"
        }
    }
}

/// Whose schedule, and for a booking whose visit.
public struct ScheduleFacts: Sendable, Hashable {
    /// The doctor whose schedule it is.
    public var doctorID: Int64
    /// The patient a booking is for (nil for hours and time off).
    public var patientID: Int64?

    /// The facts of a booking (with the patient) or of hours and time off (without).
    public init(doctorID: Int64, patientID: Int64? = nil) {
        self.doctorID = doctorID; self.patientID = patientID
    }
}

/// What someone may ask to do to the clinic as a whole.
public enum ClinicAction: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Change its name, time zone, reminder lead, no-show grace.
    case updateSettings

    public var description: String { "update settings" }
}

extension Policy {
    /// Decides whether `actor` may do `action` to a doctor's schedule.
    public static func decide(_ action: ScheduleAction, by actor: Actor?, facts: ScheduleFacts) -> Decision {
        guard let actor else { return signInFirst }
        switch action {
        case .book:
            switch actor.kind {
            case .scheduler:
                return .refused(.forbidden, "the scheduler does not book")
            case .account(let id, .patient) where id != facts.patientID:
                return .refused(.forbidden, "patients may book only for themselves")
            case .account(let id, .doctor) where id != facts.doctorID:
                return .refused(.forbidden, "doctors may book only into their own schedule")
            default:
                return .allowed
            }
        case .setHours:
            return actor.role == .admin ? .allowed : .refused(.forbidden, "only an admin may change a doctor's hours")
        case .addTimeOff:
            return actor.role == .admin ? .allowed : .refused(.forbidden, "only an admin may add time off")
        }
    }

    /// Decides whether `actor` may do `action` to the clinic (it needs no facts).
    public static func decide(_ action: ClinicAction, by actor: Actor?) -> Decision {
        guard let actor else { return signInFirst }
        switch action {
        case .updateSettings:
            return actor.role == .admin ? .allowed : .refused(.forbidden, "only an admin may change clinic settings")
        }
    }
}
