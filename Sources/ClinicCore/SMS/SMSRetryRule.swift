/// What deciding a retry of an outgoing SMS needs to know: the message, the
/// appointment it speaks of as it is now, and the number it would go to.
public struct SMSRetryFacts: Sendable, Equatable {
    public var id: Int64
    public var kind: OutboxMessage.Kind
    public var state: OutboxMessage.State
    /// The carrier's report on a sent message (`undelivered`, `failed` …).
    public var deliveryStatus: String?
    /// After this instant the message is no longer worth sending.
    public var expiresAt: Int64?
    /// The appointment's code, status and start now (nil: the message has none, or it is gone).
    public var code: String?
    public var status: AppointmentStatus?
    public var start: Int64?
    /// The appointment's start when the message was written.
    public var plannedStart: Int64?
    /// The number it would go to now (the person's current phone; nil: they have none).
    public var to: String?
    /// Whether that number opted out of SMS.
    public var optedOut: Bool
    /// A waitlist offer that is no longer open (taken, lapsed, lost, withdrawn): its code would mislead.
    public var offerClosed: Bool
    public var now: Int64

    public init(
        id: Int64, kind: OutboxMessage.Kind, state: OutboxMessage.State, deliveryStatus: String? = nil, expiresAt: Int64? = nil,
        code: String? = nil, status: AppointmentStatus? = nil, start: Int64? = nil, plannedStart: Int64? = nil,
        to: String?, optedOut: Bool = false, offerClosed: Bool = false, now: Int64
    ) {
        self.id = id; self.kind = kind; self.state = state; self.deliveryStatus = deliveryStatus; self.expiresAt = expiresAt
        self.code = code; self.status = status; self.start = start; self.plannedStart = plannedStart
        self.to = to; self.optedOut = optedOut; self.offerClosed = offerClosed; self.now = now
    }
}

/// Whether the desk may send a failed SMS again (`ClinicStore.retrySMS`): a
/// value that returns a decision, so each refusal is a one-line test and the
/// SMS panel dims its key with the same sentence.
public enum SMSRetryRule {
    /// Whether a message failed: the gateway refused it, or the carrier reported it undelivered.
    public static func failed(_ state: OutboxMessage.State, deliveryStatus: String?) -> Bool {
        state == .failed || (state == .sent && (deliveryStatus == "undelivered" || deliveryStatus == "failed"))
    }

    /// The decision: `invalid_transition` for a message that did not fail,
    /// `in_past` when what it says is over (a reminder for a visit that has
    /// started, an expired offer or code), `conflict` when the appointment is
    /// no longer what the message says, or the number cannot be texted.
    public static func decide(_ f: SMSRetryFacts) -> Decision {
        guard failed(f.state, deliveryStatus: f.deliveryStatus) else {
            let what: String
            switch f.state {
            case .queued, .sending: what = "is waiting to be sent already"
            case .skipped: what = "was not sent on purpose"
            case .sent, .failed: what = "went out"
            }
            return .refused(.invalidTransition, "message \(f.id) \(what): only a failed message is retried")
        }
        if f.kind == .passwordReset {  // its stored body is blanked once it failed; a new code is the way
            return .refused(.conflict, "a password reset code is never sent again: the patient asks for a new one")
        }
        if let refusal = appointmentRefusal(f) { return refusal }
        if f.offerClosed || f.expiresAt.map({ f.now >= $0 }) == true {
            return .refused(.inPast, "message \(f.id) is out of date: what it says no longer holds")
        }
        guard let to = f.to else { return .refused(.conflict, "no phone number to send it to: correct the number first") }
        if f.optedOut { return .refused(.conflict, "\(to) opted out of SMS (STOP): nothing is sent to it") }
        return .allowed
    }

    /// The appointment the message speaks of must still be as it says.
    private static func appointmentRefusal(_ f: SMSRetryFacts) -> Decision? {
        guard f.kind.isAboutAppointment else { return nil }
        guard let status = f.status, let start = f.start, let code = f.code else {
            return .refused(.conflict, "the appointment message \(f.id) was about is gone")
        }
        let expected: Set<AppointmentStatus>
        var beforeStart = true
        switch f.kind {
        case .reminder, .booking, .moved, .confirmation: expected = [.scheduled, .confirmed]
        case .cancellation: expected = [.cancelled]
        case .noShow: expected = [.noShow]; beforeStart = false
        case .checkedIn: expected = [.checkedIn]; beforeStart = false
        case .waitlistOffer, .passwordReset, .other: return nil
        }
        guard expected.contains(status) else {
            let now = status == .noShow ? "marked a no-show" : status.words
            return .refused(.conflict, "\(code) is \(now) now: \(f.kind.sentenceName) would mislead")
        }
        if f.kind != .confirmation, f.kind != .cancellation, let planned = f.plannedStart, planned != start, beforeStart {
            return .refused(.conflict, "\(code) was moved since: \(f.kind.sentenceName) names the old time")
        }
        if beforeStart, f.now >= start {
            return .refused(.inPast, "\(code) has started: \(f.kind.sentenceName) no longer makes sense")
        }
        return nil
    }
}

extension OutboxMessage.Kind {
    /// Whether the message speaks of one appointment (and is moot without it).
    public var isAboutAppointment: Bool {
        switch self {
        case .reminder, .confirmation, .cancellation, .noShow, .checkedIn, .booking, .moved: return true
        case .waitlistOffer, .passwordReset, .other: return false
        }
    }
}
