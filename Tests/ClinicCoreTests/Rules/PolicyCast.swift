import ClinicCore

/// The cast of the pure policy tests: one appointment of `doctor` for
/// `patient`, starting at `start`, and everyone who might ask to move it.
enum Cast {
    static let start: Int64 = 1_772_546_400  // 2026-03-03T14:00:00Z
    static let before = start - 60
    static let after = start + 60

    static let patient = Actor.account(20, .patient, via: .kiosk)
    static let otherPatient = Actor.account(21, .patient, via: .kiosk)
    static let doctor = Actor.account(10, .doctor, via: .tui)
    static let otherDoctor = Actor.account(11, .doctor, via: .tui)
    static let receptionist = Actor.account(30, .receptionist, via: .tui)
    static let admin = Actor.account(40, .admin, via: .tui)
    static let shell = Actor.shell
    static let scheduler = Actor.scheduler
    static let patientBySMS = Actor.account(20, .patient, via: .sms)
}

/// A decision without its message, so tests compare one value.
enum Outcome: Equatable, CustomStringConvertible {
    case allowed
    case refused(ClinicError.Code)
    /// A refusal that does not say why: a test fails on it instead of comparing.
    case silentRefusal

    init(_ decision: Decision) {
        switch decision {
        case .allowed: self = .allowed
        case .refused(let code, let message): self = message.isEmpty ? .silentRefusal : .refused(code)
        }
    }

    var description: String {
        switch self {
        case .allowed: return "allowed"
        case .refused(let code): return "refused(\(code.rawValue))"
        case .silentRefusal: return "refused without a reason"
        }
    }
}

/// Asks the policy whether `actor` may move the cast's appointment from `from` to `to` at `now`.
func decide(
    _ from: AppointmentStatus, _ to: AppointmentStatus, by actor: Actor, at now: Int64 = Cast.after,
    beforeCheckIn: AppointmentStatus? = nil
) -> Outcome {
    let facts = AppointmentFacts(
        status: from, doctorID: 10, patientID: 20, start: Cast.start, now: now,
        statusBeforeCheckIn: beforeCheckIn ?? (from == .checkedIn ? .scheduled : nil))
    return Outcome(Policy.decide(.move(to: to), by: actor, facts: facts))
}
