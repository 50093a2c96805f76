import ClinicCore

/// The cast of the pure status-rule tests: one appointment of `doctor` for
/// `patient`, starting at `start`, and everyone who might ask to move it.
enum Cast {
    static let start: Int64 = 1_772_546_400 // 2026-03-03T14:00:00Z
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

    var description: String {
        switch self {
        case .allowed: return "allowed"
        case .refused(let code): return "refused(\(code.rawValue))"
        }
    }
}

/// Asks the rules whether `actor` may move the cast's appointment from `from` to `to` at `now`.
func decide(_ from: AppointmentStatus, _ to: AppointmentStatus, by actor: Actor, at now: Int64 = Cast.after,
            beforeCheckIn: AppointmentStatus? = nil) -> Outcome {
    let facts = StatusRules.Facts(status: from, doctorID: 10, patientID: 20, start: Cast.start,
                                  statusBeforeCheckIn: beforeCheckIn ?? (from == .checkedIn ? .scheduled : nil))
    switch StatusRules.decide(facts, to: to, by: actor, now: now) {
    case .allowed: return .allowed
    case .refused(let code, let message):
        precondition(!message.isEmpty, "a refusal must say why")
        return .refused(code)
    }
}
