/// A message handed to a gateway.
public struct OutgoingSMS: Sendable, Equatable {
    /// The outbox row's id (gateways may use it for logging).
    public let outboxID: Int64
    /// E.164.
    public let to: String
    public let body: String

    public init(outboxID: Int64, to: String, body: String) {
        self.outboxID = outboxID; self.to = to; self.body = body
    }
}

/// How one send ended, classified for the outbox (DESIGN §2, Twilio error codes).
public enum SMSSendResult: Sendable, Equatable {
    /// Accepted by the provider.
    case sent(providerID: String?, status: String?)
    /// Not accepted.
    case failed(SMSFailure)
}

/// A failed send: what kind of failure, and the provider's code and message.
public struct SMSFailure: Sendable, Equatable, Error {
    /// What the outbox does about it.
    public enum Kind: String, Sendable, Equatable {
        /// Timeouts, 5xx, 429 / 20429, connection errors: retried with backoff.
        case transient
        /// The recipient opted out (21610): never retried, the number is marked opted out.
        case optedOut = "opted_out"
        /// Invalid or unreachable number (21211, 21614, 21635, 30005, 30006): never retried, flagged for the desk.
        case badNumber = "bad_number"
        /// Filtered by the carrier (30007): never retried, the admin is alerted.
        case filtered
        /// Any other refusal: never retried.
        case permanent
    }

    public let kind: Kind
    /// The provider's error code (`21211`) or an HTTP / transport code (`http_500`, `timeout`).
    public let code: String
    public let message: String

    public init(_ kind: Kind, code: String, message: String) {
        self.kind = kind; self.code = code; self.message = message
    }

    /// Whether the outbox tries again later.
    public var isRetried: Bool { kind == .transient }
}

/// Sends one SMS. Implementations block (a network call) and must be called
/// from a dedicated thread, never from the cooperative pool: the scheduler
/// ticks on a queue of its own (`SchedulerService`) for this reason.
public protocol SMSGateway: Sendable {
    /// Short name recorded with each message (`twilio`, `outbox`).
    var name: String { get }
    /// The sender number recorded with each message, if the gateway has one.
    var from: String? { get }
    /// Sends (or records) one message and reports the outcome; never throws.
    func send(_ message: OutgoingSMS) -> SMSSendResult
}

/// The gateway that only records: messages stay in the SMS log and nothing
/// leaves the machine. The default when no Twilio credentials are set.
public struct OutboxGateway: SMSGateway {
    public let name = "outbox"
    public let from: String?

    public init(from: String? = nil) { self.from = from }

    public func send(_ message: OutgoingSMS) -> SMSSendResult {
        .sent(providerID: nil, status: "recorded")
    }
}
