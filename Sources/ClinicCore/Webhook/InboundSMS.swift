/// One SMS a patient sent us, as Twilio posts it to the webhook.
public struct InboundSMS: Sendable, Equatable {
    /// Twilio's id of the message (`SM…`); a retried delivery repeats it.
    public var messageSID: String
    /// The sender's number as Twilio gives it (normalised to E.164 before use).
    public var from: String
    /// Our number it was sent to.
    public var to: String
    public var body: String

    public init(messageSID: String, from: String, to: String = "", body: String) {
        self.messageSID = messageSID; self.from = from; self.to = to; self.body = body
    }
}

/// What came of an inbound SMS.
public struct InboundSMSResult: Sendable, Equatable {
    /// The SMS to send back (TwiML `<Message>`), or nil for `<Response/>`.
    public let reply: String?
    /// What happened: `confirmed`, `cancelled`, `refused:<code>`, `unknown_sender`,
    /// `unknown_code`, `opted_out`, `opted_in`, `help`, `flagged`, …
    public let outcome: String
    /// True when this `MessageSid` had been handled before: nothing was done again.
    public let repeated: Bool

    public init(reply: String?, outcome: String, repeated: Bool) {
        self.reply = reply; self.outcome = outcome; self.repeated = repeated
    }
}

/// An inbound SMS as logged, for the desk.
public struct InboundSMSRecord: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let messageSID: String
    public let from: String
    public let body: String
    /// Unix seconds.
    public let receivedAt: Int64
    public let command: String
    public let outcome: String
    public let reply: String?
    /// The appointment acted on or asked about, if any (its code).
    public let appointmentCode: String?
    /// Why the desk should look at it (`free text`, a bare `CANCEL`…), if it should.
    public let attentionReason: String?
    /// When the desk marked it handled, and who (their name), if it did.
    public var handledAt: Int64? = nil
    public var handledBy: String? = nil

    /// Flagged for the desk and not handled yet.
    public var waiting: Bool { attentionReason != nil && handledAt == nil }
}

extension InboundSMS {
    /// Refuses (`invalid_input`) a message whose stored fields hold a character
    /// that is never stored (`StoredText`): a NUL or escape in `From`, `To` or
    /// `Body`, a text-direction control. `Body` may have line breaks and tabs.
    /// The webhook answers such a request 400 before the store sees it, so a
    /// retry gets the same answer and nothing is logged.
    public func validate() throws {
        try StoredText.check(from, what: "From")
        try StoredText.check(to, what: "To")
        try StoredText.check(body, what: "Body", multiline: true)
    }
}
