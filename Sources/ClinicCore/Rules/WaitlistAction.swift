/// What someone may ask to do with the waitlist. The facts are whose entry it
/// is (`patientID`); nil for the whole list.
public enum WaitlistAction: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Put a patient on the waitlist (the patient themselves, the desk, admins).
    case join
    /// See entries: a patient their own, the staff anyone's (a doctor sees who waits for them).
    case view
    /// Take an entry off the waitlist (its patient, the desk, admins).
    case remove
    /// Offer a free slot to a waiting patient by hand (the desk, admins).
    case offer

    public var description: String {
        switch self {
        case .join: return "put a patient on the waitlist"
        case .view: return "see the waitlist"
        case .remove: return "take a patient off the waitlist"
        case .offer: return "offer a slot from the waitlist"
        }
    }
}

extension Policy {
    /// Decides whether `actor` may do `action` to the waitlist entry of `patientID`
    /// (nil: every patient's, as a list of a doctor's waitlist is).
    public static func decide(_ action: WaitlistAction, by actor: Actor?, patientID: Int64?) -> Decision {
        guard let actor else { return signInFirst }
        let desk = actor.role?.isDeskStaff == true
        var own: Bool {
            if case .account(let id, .patient) = actor.kind, let patientID { return id == patientID }
            return false
        }
        switch action {
        case .join, .remove:
            if desk || own { return .allowed }
            if actor.role == .patient { return .refused(.forbidden, "patients may change only their own place on the waitlist") }
            return .refused(.forbidden, "the desk keeps the waitlist")
        case .view:
            if desk || actor.role == .doctor || own { return .allowed }
            if actor.role == .patient { return .refused(.forbidden, "patients may see only their own place on the waitlist") }
            return .refused(.forbidden, "only the clinic's staff may see the waitlist")
        case .offer:
            return desk ? .allowed : .refused(.forbidden, "only the desk offers slots from the waitlist")
        }
    }
}
