/// What someone may ask to do to a doctor's schedule.
public enum ScheduleAction: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Book a visit into it for `ScheduleFacts.patientID`.
    case book
    /// Replace the weekly hours.
    case setHours
    /// Add time off.
    case addTimeOff
    /// Remove time off (its slots open again).
    case removeTimeOff
    /// See the doctor's statistics (the doctor, the desk, admins).
    case viewStats
    /// Print or export the doctor's day sheet: visits with patients' names and
    /// phones (the doctor their own, the desk and admins every doctor's).
    case viewDaySheet

    public var description: String {
        switch self {
        case .book: return "book"
        case .setHours: return "set hours"
        case .addTimeOff: return "add time off"
        case .removeTimeOff: return "remove time off"
        case .viewStats: return "view statistics"
        case .viewDaySheet: return "view the day sheet"
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
    /// See the whole clinic's statistics (the desk, admins).
    case viewClinicStats

    public var description: String {
        switch self {
        case .updateSettings: return "update settings"
        case .viewClinicStats: return "view the clinic's statistics"
        }
    }
}
