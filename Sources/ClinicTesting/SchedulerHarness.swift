import ClinicCore
import Foundation
import Logging

/// A test clinic wired to a fake Twilio on loopback through the real
/// `TwilioGateway` (libcurl), with schedulers whose ticks the test drives by
/// setting the manual clock: no sleeping.
public final class SchedulerHarness: @unchecked Sendable {
    public let clinic: TestClinic
    public let twilio: FakeTwilioServer
    public let gateway: TwilioGateway
    public let policy: SchedulerPolicy
    /// The scheduler most tests use (holder `scheduler-A`).
    public private(set) lazy var scheduler = makeScheduler(holder: "scheduler-A")

    /// Account SID, token and sender number the gateway uses.
    public static let accountSID = "AC00000000000000000000000000000001"
    public static let authToken = "test-auth-token"
    public static let from = "+15550009999"

    public init(
        policy: SchedulerPolicy = SchedulerPolicy(
            sendTimeoutSeconds: 1, retryBaseSeconds: 30, retryMaxSeconds: 600,
            maxAttempts: 6),
        timeZone: String = "America/New_York"
    ) throws {
        clinic = try TestClinic(timeZone: timeZone)
        twilio = try FakeTwilioServer()
        self.policy = policy
        gateway = TwilioGateway(
            accountSID: Self.accountSID, authToken: Self.authToken, from: Self.from,
            apiBase: twilio.baseURL, statusCallbackURL: "https://clinic.example.org/api/v1/twilio/status",
            connectTimeout: 1, totalTimeout: policy.sendTimeoutSeconds)
    }

    deinit { twilio.stop() }

    /// A scheduler with its own lease holder id over the same store and gateway.
    public func makeScheduler(holder: String) -> Scheduler {
        var logger = Logger(label: "clinic.scheduler.test")
        logger.logLevel = .critical
        return Scheduler(store: clinic.store, gateway: gateway, policy: policy, holder: holder, logger: logger)
    }

    /// Sets the clock to `seconds` (unix) and runs one tick of `scheduler` (default: the harness's).
    @discardableResult
    public func tick(at seconds: Int64, _ scheduler: Scheduler? = nil) throws -> TickReport {
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        clinic.clock.set(date)
        return try (scheduler ?? self.scheduler).tick(at: date)
    }

    /// Every outbox message, oldest first.
    public func messages() throws -> [OutboxMessage] {
        try clinic.store.smsLog(SMSLogFilter(limit: 10_000)).reversed()
    }

    /// The outbox messages of one kind, oldest first.
    public func messages(_ kind: OutboxMessage.Kind) throws -> [OutboxMessage] { try messages().filter { $0.kind == kind } }

    /// The bodies Twilio received, in order.
    public var sentBodies: [String] { twilio.requests.map { $0.form["Body"] ?? "" } }
}
