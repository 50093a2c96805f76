extension Policy {
    /// Decides whether `actor` may do `action` to an appointment. Who may touch
    /// it at all comes first, so that someone else's appointment says nothing
    /// about its status; then the status machine of DESIGN §2.
    public static func decide(_ action: AppointmentAction, by actor: Actor?, facts: AppointmentFacts) -> Decision {
        guard let actor else { return signInFirst }
        if action == .writeNote { return note(by: actor, facts) }
        if let refusal = ownership(actor, facts) { return refusal }
        let ownPatient = actor.role == .patient  // ownership passed: it is theirs
        switch action {
        case .move(let target): return move(to: target, by: actor, facts)
        case .confirm:
            guard facts.status == .checkedIn else { return move(to: .confirmed, by: actor, facts) }
            return ownPatient ? checkedInForPatient(facts) : .refused(.invalidTransition, "the appointment is already checked in")
        case .checkIn: return move(to: .checkedIn, by: actor, facts)
        case .undoCheckIn: return undoCheckIn(by: actor, facts)
        case .complete: return move(to: .completed, by: actor, facts)
        case .cancel:
            return ownPatient && facts.status == .checkedIn ? checkedInForPatient(facts) : move(to: .cancelled, by: actor, facts)
        case .markNoShow: return move(to: .noShow, by: actor, facts)
        case .reschedule:
            guard actor.kind != .scheduler else { return .refused(.forbidden, "the scheduler does not move appointments") }
            guard facts.status == .scheduled || facts.status == .confirmed else {
                return .refused(.invalidTransition, "a \(facts.status.words) appointment cannot be moved")
            }
            return .allowed
        case .view, .writeNote: return .allowed
        }
    }

    /// Patients act only on their own appointments; doctors only on their own.
    private static func ownership(_ actor: Actor, _ facts: AppointmentFacts) -> Decision? {
        if actor.role == .patient && actor.accountID != facts.patientID {
            return .refused(.forbidden, "patients may act only on their own appointments")
        }
        if actor.role == .doctor && actor.accountID != facts.doctorID {
            return .refused(.forbidden, "doctors may act only on their own appointments")
        }
        return nil
    }

    /// The status machine: a move from the appointment's status to `target`.
    /// The caller has checked ownership.
    private static func move(to target: AppointmentStatus, by actor: Actor, _ facts: AppointmentFacts) -> Decision {
        let from = facts.status, now = facts.now
        if from == target {
            return .refused(.invalidTransition, "the appointment is already \(from.words)")
        }
        if from == .noShow, target == .checkedIn { return lateArrival(by: actor, facts) }
        if from.isFinal {
            return .refused(.invalidTransition, "the appointment is \(from.words) and can no longer change")
        }
        let desk = actor.role?.isDeskStaff == true
        let ownDoctor = actor.role == .doctor, ownPatient = actor.role == .patient
        let staff = desk || ownDoctor

        switch (from, target) {
        case (.scheduled, .confirmed):
            return ownPatient || staff ? .allowed : forbidden("confirm this appointment")
        case (.scheduled, .checkedIn), (.confirmed, .checkedIn):
            guard desk else { return forbidden("check this appointment in") }
            if let opens = facts.visitDayStart, now < opens {
                return .refused(.invalidTransition, "check-in opens on the day of the visit")
            }
            return .allowed
        case (_, .completed):
            guard ownDoctor || actor.role == .admin else {
                return .refused(.forbidden, "only the appointment's doctor or an admin may complete it")
            }
            // A patient checked in early may be seen early.
            return now >= facts.start || from == .checkedIn
                ? .allowed
                : .refused(.invalidTransition, "an appointment cannot be completed before it starts unless the patient is checked in")
        case (.scheduled, .cancelled), (.confirmed, .cancelled):
            return ownPatient || staff ? .allowed : forbidden("cancel this appointment")
        case (.scheduled, .noShow), (.confirmed, .noShow):
            guard actor.kind == .scheduler || staff else { return forbidden("mark this appointment a no-show") }
            return now >= facts.start
                ? .allowed
                : .refused(.invalidTransition, "a no-show can only be marked after the start time")
        case (.checkedIn, .scheduled), (.checkedIn, .confirmed):
            guard desk else { return forbidden("undo this appointment's check-in") }
            if let at = facts.checkedInAt, now - at > checkInUndoGraceSeconds {
                return .refused(.invalidTransition, "the check-in was more than \(checkInUndoGraceSeconds / 60) minutes ago and stays")
            }
            return facts.statusBeforeCheckIn == target
                ? .allowed
                : .refused(.invalidTransition, "undoing a check-in returns to \(facts.statusBeforeCheckIn?.rawValue ?? "the previous status") only")
        default:
            return .refused(.invalidTransition, "a \(from.words) appointment cannot become \(target.words)")
        }
    }

    /// A patient who walks in after the scheduler marked the visit a no-show:
    /// the desk checks them in on the visit's local day (the store asks why).
    private static func lateArrival(by actor: Actor, _ facts: AppointmentFacts) -> Decision {
        guard actor.role?.isDeskStaff == true else { return forbidden("check in a patient marked a no-show") }
        if let opens = facts.visitDayStart, facts.now < opens {
            return .refused(.invalidTransition, "check-in opens on the day of the visit")
        }
        if let closes = facts.visitDayEnd, facts.now >= closes {
            return .refused(.invalidTransition, "the no-show was on an earlier day and stays; book a new visit")
        }
        return .allowed
    }

    /// Undoing a check-in: the desk's, back to the status before it.
    private static func undoCheckIn(by actor: Actor, _ facts: AppointmentFacts) -> Decision {
        guard actor.role?.isDeskStaff == true else { return forbidden("undo this appointment's check-in") }
        guard facts.status == .checkedIn else {
            return facts.status.isFinal
                ? .refused(.invalidTransition, "the appointment is \(facts.status.words) and can no longer change")
                : .refused(.invalidTransition, "the appointment is not checked in")
        }
        return move(to: facts.statusBeforeCheckIn ?? .scheduled, by: actor, facts)
    }

    /// A patient asking to change a visit the desk checked in: the desk's now.
    private static func checkedInForPatient(_ facts: AppointmentFacts) -> Decision {
        .refused(.invalidTransition, "you are checked in for \(facts.code): the desk can help with any change")
    }

    /// Notes are clinical: the appointment's own doctor or an admin writes them.
    private static func note(by actor: Actor, _ facts: AppointmentFacts) -> Decision {
        switch actor.role {
        case .admin?: return .allowed
        case .doctor? where actor.accountID == facts.doctorID: return .allowed
        case .doctor?: return .refused(.forbidden, "doctors may write notes only on their own appointments")
        default: return .refused(.forbidden, "only the appointment's doctor or an admin writes its notes")
        }
    }
}
