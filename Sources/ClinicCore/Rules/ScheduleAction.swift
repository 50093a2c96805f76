/// What someone may ask to do to a doctor's schedule.
public enum ScheduleAction: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Book a visit into it for `ScheduleFacts.patientID`.
    case book
    /// Book over the clinic's booking limits, with a reason (the desk, admins, the doctor).
    case bookOverLimits
    /// Replace the weekly hours.
    case setHours
    /// Add time off.
    case addTimeOff
    /// Remove time off (its slots open again).
    case removeTimeOff
    /// See the doctor's statistics (the doctor, the desk, admins).
    case viewStats
    /// See the doctor's time off and its notes (the doctor, the desk, admins).
    case viewTimeOff
    /// Print or export the doctor's day sheet: visits with patients' names and
    /// phones (the doctor their own, the desk and admins every doctor's).
    case viewDaySheet

    public var description: String {
        switch self {
        case .book: return "book"
        case .bookOverLimits: return "book over the limits"
        case .setHours: return "set hours"
        case .addTimeOff: return "add time off"
        case .removeTimeOff: return "remove time off"
        case .viewStats: return "view statistics"
        case .viewTimeOff: return "view time off"
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
    /// Add or remove clinic-wide closure days (holidays), admins.
    case manageClosures
    /// See a patient's visits at the clinic, every doctor's (staff).
    case viewVisitHistory
    /// Read the doctors' clinical notes on those visits (doctors, admins; not the desk).
    case readNotes
    /// Mark patients' flagged SMS replies handled (the desk, admins).
    case handleReplies
    /// Send a failed SMS again, to the person's current number (the desk, admins).
    case retrySMS

    public var description: String {
        switch self {
        case .updateSettings: return "update settings"
        case .viewClinicStats: return "view the clinic's statistics"
        case .manageClosures: return "close the clinic for days"
        case .viewVisitHistory: return "see a patient's visits"
        case .readNotes: return "read the doctors' notes"
        case .handleReplies: return "mark SMS replies handled"
        case .retrySMS: return "retry a failed SMS"
        }
    }
}
