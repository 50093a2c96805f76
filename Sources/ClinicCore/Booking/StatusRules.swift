/// The status machine of DESIGN §2 as a pure decision: a requested move ×
/// who asks → allowed or refused with a code. Callers do the I/O.
public enum StatusRules {
    /// The outcome of asking for a move.
    public enum Decision: Equatable, Sendable {
        case allowed
        case refused(ClinicError.Code, String)
    }

    /// What the rules need to know about an appointment.
    public struct Facts: Sendable {
        public var status: AppointmentStatus
        public var doctorID: Int64
        public var patientID: Int64
        /// Start instant, unix seconds.
        public var start: Int64
        /// For a checked-in appointment: the status it had before check-in.
        public var statusBeforeCheckIn: AppointmentStatus?
        /// For a checked-in appointment: when it was checked in (unix seconds).
        public var checkedInAt: Int64?
        /// When the desk may first check the patient in: the start of the
        /// visit's local day (nil: no limit).
        public var checkInOpensAt: Int64?

        public init(status: AppointmentStatus, doctorID: Int64, patientID: Int64, start: Int64,
                    statusBeforeCheckIn: AppointmentStatus? = nil, checkedInAt: Int64? = nil) {
            self.status = status; self.doctorID = doctorID; self.patientID = patientID
            self.start = start; self.statusBeforeCheckIn = statusBeforeCheckIn; self.checkedInAt = checkedInAt
        }
    }

    /// How long after a check-in the desk may undo it (a mistaken key), in seconds.
    public static let checkInUndoGraceSeconds: Int64 = 10 * 60

    /// Decides whether `actor` may move an appointment to `target` at `now` (unix seconds).
    public static func decide(_ facts: Facts, to target: AppointmentStatus, by actor: Actor, now: Int64) -> Decision {
        let from = facts.status
        // Who may touch this appointment at all — first, so that someone
        // else's appointment says nothing about its status.
        let ownPatient = actor.role == .patient && actor.accountID == facts.patientID
        let ownDoctor = actor.role == .doctor && actor.accountID == facts.doctorID
        let desk = actor.role?.isDeskStaff == true
        if actor.role == .patient && !ownPatient {
            return .refused(.forbidden, "patients may act only on their own appointments")
        }
        if actor.role == .doctor && !ownDoctor {
            return .refused(.forbidden, "doctors may act only on their own appointments")
        }
        if from == target {
            return .refused(.invalidTransition, "the appointment is already \(from.words)")
        }
        if from.isFinal {
            return .refused(.invalidTransition, "the appointment is \(from.words) and can no longer change")
        }
        let staff = desk || ownDoctor

        switch (from, target) {
        case (.scheduled, .confirmed):
            return ownPatient || staff ? .allowed : forbidden("confirm this appointment")
        case (.scheduled, .checkedIn), (.confirmed, .checkedIn):
            guard desk else { return forbidden("check this appointment in") }
            if let opens = facts.checkInOpensAt, now < opens {
                return .refused(.invalidTransition, "check-in opens on the day of the visit")
            }
            return .allowed
        case (_, .completed):
            guard ownDoctor || actor.role == .admin else {
                return .refused(.forbidden, "only the appointment's doctor or an admin may complete it")
            }
            return now >= facts.start ? .allowed
                : .refused(.invalidTransition, "an appointment cannot be completed before it starts")
        case (.scheduled, .cancelled), (.confirmed, .cancelled):
            return ownPatient || staff ? .allowed : forbidden("cancel this appointment")
        case (.scheduled, .noShow), (.confirmed, .noShow):
            guard actor.kind == .scheduler || staff else { return forbidden("mark this appointment a no-show") }
            return now >= facts.start ? .allowed
                : .refused(.invalidTransition, "a no-show can only be marked after the start time")
        case (.checkedIn, .scheduled), (.checkedIn, .confirmed):
            guard desk else { return forbidden("undo this appointment's check-in") }
            if let at = facts.checkedInAt, now - at > checkInUndoGraceSeconds {
                return .refused(.invalidTransition, "the check-in was more than \(checkInUndoGraceSeconds / 60) minutes ago and stays")
            }
            return facts.statusBeforeCheckIn == target ? .allowed
                : .refused(.invalidTransition, "undoing a check-in returns to \(facts.statusBeforeCheckIn?.rawValue ?? "the previous status") only")
        default:
            return .refused(.invalidTransition, "a \(from.words) appointment cannot become \(target.words)")
        }
    }

    private static func forbidden(_ what: String) -> Decision {
        .refused(.forbidden, "you may not \(what)")
    }
}
