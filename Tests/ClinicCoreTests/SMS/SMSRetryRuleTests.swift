import ClinicCore
import Testing

/// `SMSRetryRule`: each refusal of a retry as a one-line case.
@Suite struct SMSRetryRuleTests {
    static let now: Int64 = 1_000_000
    static func facts(
        _ kind: OutboxMessage.Kind = .reminder, state: OutboxMessage.State = .failed, delivery: String? = nil,
        status: AppointmentStatus? = .scheduled, start: Int64? = now + 3600, planned: Int64? = now + 3600,
        expires: Int64? = nil, to: String? = "+15550100001", optedOut: Bool = false, offerClosed: Bool = false
    ) -> SMSRetryFacts {
        SMSRetryFacts(
            id: 7, kind: kind, state: state, deliveryStatus: delivery, expiresAt: expires, code: status == nil ? nil : "K7QX2M",
            status: status, start: status == nil ? nil : start, plannedStart: planned, to: to, optedOut: optedOut, offerClosed: offerClosed,
            now: now)
    }

    @Test(
        "each case's code (nil: allowed)",
        arguments: [
            (facts(), nil),
            (facts(state: .sent, delivery: "undelivered"), nil),
            (facts(state: .sent), .invalidTransition),
            (facts(state: .sent, delivery: "delivered"), .invalidTransition),
            (facts(state: .queued), .invalidTransition),
            (facts(state: .sending), .invalidTransition),
            (facts(state: .skipped), .invalidTransition),
            (facts(status: .cancelled), .conflict),
            (facts(status: .checkedIn), .conflict),
            (facts(status: nil), .conflict),
            (facts(planned: now + 7200), .conflict),
            (facts(start: now - 60, planned: now - 60), .inPast),
            (facts(.booking, start: now, planned: now), .inPast),
            (facts(.confirmation, status: .confirmed, planned: now + 7200), nil),
            (facts(.cancellation, status: .cancelled), nil),
            (facts(.cancellation, status: .cancelled, start: now - 1, planned: now - 1), .inPast),
            (facts(.noShow, status: .noShow, start: now - 3600, planned: now - 3600), nil),
            (facts(.noShow, status: .checkedIn, start: now - 3600, planned: now - 3600), .conflict),
            (facts(.passwordReset, status: nil, expires: now + 60), .conflict),  // blanked once failed: a new code instead
            (facts(.passwordReset, status: nil, expires: now), .conflict),
            (facts(.waitlistOffer, status: nil, expires: now + 60), nil),
            (facts(.waitlistOffer, status: nil, expires: now - 1), .inPast),
            (facts(.waitlistOffer, status: nil, expires: now + 60, offerClosed: true), .inPast),
            (facts(to: nil), .conflict),
            (facts(optedOut: true), .conflict),
        ] as [(SMSRetryFacts, ClinicError.Code?)])
    func decide(_ facts: SMSRetryFacts, _ code: ClinicError.Code?) {
        #expect(SMSRetryRule.decide(facts).code == code, "\(facts)")
    }

    @Test func refusalsSaySoInWords() {
        #expect(SMSRetryRule.decide(Self.facts(status: .noShow)).reason == "K7QX2M is marked a no-show now: a reminder would mislead")
        #expect(SMSRetryRule.decide(Self.facts(state: .sent)).reason == "message 7 went out: only a failed message is retried")
        #expect(SMSRetryRule.decide(Self.facts(optedOut: true)).reason == "+15550100001 opted out of SMS (STOP): nothing is sent to it")
    }
}
