/// What someone may ask to do to a booked appointment.
public enum AppointmentAction: Sendable, Hashable, CustomStringConvertible {
    /// scheduled → confirmed (the patient by kiosk or SMS, staff).
    case confirm
    /// The patient arrived: scheduled or confirmed → checked_in (the desk).
    case checkIn
    /// A mistaken check-in: checked_in → the status before it (the desk, within the grace).
    case undoCheckIn
    /// → completed (the appointment's doctor, an admin; from the start on).
    case complete
    /// scheduled or confirmed → cancelled (the patient, staff).
    case cancel
    /// scheduled or confirmed → no_show after the start (the scheduler, staff).
    case markNoShow
    /// To another slot of the same doctor (who may cancel it may move it).
    case reschedule
    /// The doctor's note (the appointment's doctor, an admin).
    case writeNote
    /// See it: its code among a doctor's taken slots.
    case view
    /// A move to any status, as `ClinicStore.transition(code:to:by:)` asks for
    /// it: the status machine itself, of which the named moves are views.
    case move(to: AppointmentStatus)

    /// The actions a screen offers on an appointment, in the order its keys list them.
    public static let offered: [AppointmentAction] = [
        .confirm, .checkIn, .undoCheckIn, .complete, .cancel, .markNoShow, .reschedule, .writeNote,
    ]

    /// Every action, each move once per target status (the policy table's columns).
    public static let all: [AppointmentAction] = offered + [.view] + AppointmentStatus.allCases.map { .move(to: $0) }

    public var description: String {
        switch self {
        case .confirm: return "confirm"
        case .checkIn: return "check in"
        case .undoCheckIn: return "undo check-in"
        case .complete: return "complete"
        case .cancel: return "cancel"
        case .markNoShow: return "mark no-show"
        case .reschedule: return "reschedule"
        case .writeNote: return "write note"
        case .view: return "view"
        case .move(let status): return "move to \(status.rawValue)"
        }
    }
}

/// What the policy needs to know about an appointment, read by the store in
/// the transaction that acts on it.
public struct AppointmentFacts: Sendable, Hashable {
    /// Its public code, for sentences.
    public var code: String
    /// Where it is now (for a taken slot's code: one of the active statuses).
    public var status: AppointmentStatus
    /// Its doctor's account.
    public var doctorID: Int64
    /// Its patient's account.
    public var patientID: Int64
    /// Start instant, unix seconds.
    public var start: Int64
    /// Now, unix seconds: the policy never reads a clock.
    public var now: Int64
    /// For a checked-in appointment: the status it had before check-in.
    public var statusBeforeCheckIn: AppointmentStatus?
    /// For a checked-in appointment: when it was checked in (unix seconds).
    public var checkedInAt: Int64?
    /// The start of the visit's local day in the clinic's zone: the desk may
    /// check the patient in from then on (nil: no limit).
    public var visitDayStart: Int64?
    /// The start of the next local day: a no-show may be checked in (a late
    /// arrival) until then (nil: no limit).
    public var visitDayEnd: Int64?

    /// The facts as read; the check-in's and the visit day's are optional (only what the action needs).
    public init(
        code: String = "", status: AppointmentStatus, doctorID: Int64, patientID: Int64, start: Int64, now: Int64,
        statusBeforeCheckIn: AppointmentStatus? = nil, checkedInAt: Int64? = nil, visitDayStart: Int64? = nil,
        visitDayEnd: Int64? = nil
    ) {
        self.code = code; self.status = status; self.doctorID = doctorID; self.patientID = patientID
        self.start = start; self.now = now; self.statusBeforeCheckIn = statusBeforeCheckIn
        self.checkedInAt = checkedInAt; self.visitDayStart = visitDayStart; self.visitDayEnd = visitDayEnd
    }
}
