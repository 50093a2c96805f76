/// What a patient on the waitlist waits for: a doctor, or any doctor of a
/// specialization.
public enum WaitlistTarget: Sendable, Equatable, Hashable {
    case doctor(Int64)
    case specialization(String)
}

/// A patient's request for an earlier visit (issue 15, the waitlist).
public struct WaitlistRequest: Sendable, Equatable {
    public var patientID: Int64
    public var target: WaitlistTarget
    /// The first and last local days (the clinic's zone) a visit may be on.
    public var from: LocalDate
    public var to: LocalDate
    /// The reason a visit booked from the waitlist carries (empty: "From the waitlist").
    public var reason: String

    public init(patientID: Int64, target: WaitlistTarget, from: LocalDate, to: LocalDate, reason: String = "") {
        self.patientID = patientID; self.target = target; self.from = from; self.to = to; self.reason = reason
    }
}

/// One place on the waitlist, with the offer it has open (if any).
public struct WaitlistEntry: Sendable, Equatable, Identifiable {
    /// `waiting` until a `TAKE` books it (`booked`) or someone takes it off (`removed`).
    public enum State: String, Sendable, Equatable, Codable, CaseIterable {
        case waiting, booked, removed
    }

    public let id: Int64
    public let patient: Appointment.Party
    /// The doctor waited for (nil: any doctor of `specialization`).
    public let doctor: Appointment.Party?
    public let specialization: String?
    public let from: LocalDate
    public let to: LocalDate
    public let reason: String
    public let state: State
    public let createdAt: Int64
    /// Its place in line, 1 next; nil when not waiting. For a doctor: among those waiting for the
    /// doctor or their specialization (each of those comes first for the doctor's slots when
    /// earlier); for a specialization: among those waiting for it.
    public let position: Int?
    /// The offer waiting for the patient's answer, if any.
    public let openOffer: WaitlistOffer?
    /// How many slots were offered to this entry so far.
    public let offers: Int
    /// The visit booked from it (state `booked`).
    public let appointmentCode: String?

    /// "Dr Moreau" or "any cardiology doctor".
    public var wanted: String { doctor?.name ?? "any \(specialization ?? "") doctor" }
}

/// A freed slot offered to one waiting patient by SMS (`TAKE <code>`).
public struct WaitlistOffer: Sendable, Equatable, Identifiable {
    /// `open` until taken, expired (no answer in time), lost (the slot went
    /// to someone else, or the booking was refused) or withdrawn (the entry
    /// was removed).
    public enum State: String, Sendable, Equatable, Codable, CaseIterable {
        case open, taken, expired, lost, withdrawn
    }

    public let id: Int64
    public let code: String
    public let entryID: Int64
    public let doctor: Appointment.Party
    public let start: Int64
    public let end: Int64
    public let state: State
    public let offeredAt: Int64
    public let expiresAt: Int64
    /// The desk member who offered it by hand (nil: offered by the clinic when the slot freed up).
    public let offeredBy: Int64?
    /// What ended it, in words ("taken: booked K7QX2M", "no answer in time").
    public let outcome: String?
}
