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
        case .bookOverLimits:
            if actor.role?.isDeskStaff == true { return .allowed }
            if case .account(let id, .doctor) = actor.kind, id == facts.doctorID { return .allowed }
            return .refused(.forbidden, "only the desk may book over the clinic's limits")
        case .setHours:
            return actor.role == .admin ? .allowed : .refused(.forbidden, "only an admin may change a doctor's hours")
        case .addTimeOff:
            return actor.role == .admin ? .allowed : .refused(.forbidden, "only an admin may add time off")
        case .removeTimeOff:
            return actor.role == .admin ? .allowed : .refused(.forbidden, "only an admin may remove time off")
        case .viewStats:
            if actor.role?.isDeskStaff == true { return .allowed }  // the shell acts as an admin
            if case .account(let id, .doctor) = actor.kind, id == facts.doctorID { return .allowed }
            return .refused(.forbidden, "only the doctor and the desk may see a doctor's statistics")
        case .viewTimeOff:
            if actor.role?.isDeskStaff == true { return .allowed }
            if case .account(let id, .doctor) = actor.kind, id == facts.doctorID { return .allowed }
            return .refused(.forbidden, "only the doctor and the desk may see a doctor's time off")
        case .viewDaySheet:
            if actor.role?.isDeskStaff == true { return .allowed }
            if case .account(let id, .doctor) = actor.kind, id == facts.doctorID { return .allowed }
            return actor.role == .doctor
                ? .refused(.forbidden, "doctors may see only their own day sheet")
                : .refused(.forbidden, "only the doctor and the desk may see a doctor's day sheet")
        }
    }

    /// Decides whether `actor` may do `action` to the clinic (it needs no facts).
    public static func decide(_ action: ClinicAction, by actor: Actor?) -> Decision {
        guard let actor else { return signInFirst }
        switch action {
        case .updateSettings:
            return actor.role == .admin ? .allowed : .refused(.forbidden, "only an admin may change clinic settings")
        case .viewClinicStats:
            return actor.role?.isDeskStaff == true
                ? .allowed : .refused(.forbidden, "only the desk and admins may see the clinic's statistics")
        case .manageClosures:
            return actor.role == .admin ? .allowed : .refused(.forbidden, "only an admin may close the clinic for days")
        case .viewVisitHistory:
            return actor.role?.isDeskStaff == true || actor.role == .doctor
                ? .allowed : .refused(.forbidden, "only the clinic's staff may see a patient's visits")
        case .handleReplies:
            return actor.role?.isDeskStaff == true ? .allowed : .refused(.forbidden, "only the desk marks SMS replies handled")
        case .retrySMS:
            return actor.role?.isDeskStaff == true ? .allowed : .refused(.forbidden, "only the desk retries a failed SMS")
        case .readNotes:
            return actor.role == .admin || actor.role == .doctor
                ? .allowed : .refused(.forbidden, "clinical notes are for doctors (and admins)")
        }
    }
}
