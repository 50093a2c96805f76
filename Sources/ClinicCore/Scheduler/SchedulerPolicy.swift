/// The scheduler's knobs. Defaults suit production; tests shorten them.
public struct SchedulerPolicy: Sendable, Equatable {
    /// Real seconds between ticks of `clinic serve` (no effect on `tick(at:)`).
    public var tickSeconds: Double
    /// How long a lease lasts without renewal; another process takes over after it.
    public var leaseSeconds: Int
    /// A gateway call's time limit (must stay well under the lease: a send starts
    /// only right after a renewal, so it ends before anyone else may take over).
    public var sendTimeoutSeconds: Double
    /// First retry delay after a transient failure; doubles per attempt…
    public var retryBaseSeconds: Int
    /// …up to this cap.
    public var retryMaxSeconds: Int
    /// Attempts before a transiently failing message is given up (`failed`, code `gave_up`).
    public var maxAttempts: Int
    /// Messages claimed per transaction.
    public var batchSize: Int
    /// Messages sent at most per tick (the rest wait for the next one).
    public var maxSendsPerTick: Int

    public init(
        tickSeconds: Double = 5, leaseSeconds: Int = 30, sendTimeoutSeconds: Double = 15,
        retryBaseSeconds: Int = 30, retryMaxSeconds: Int = 900, maxAttempts: Int = 10,
        batchSize: Int = 20, maxSendsPerTick: Int = 500
    ) {
        self.tickSeconds = tickSeconds; self.leaseSeconds = leaseSeconds; self.sendTimeoutSeconds = sendTimeoutSeconds
        self.retryBaseSeconds = retryBaseSeconds; self.retryMaxSeconds = retryMaxSeconds; self.maxAttempts = maxAttempts
        self.batchSize = batchSize; self.maxSendsPerTick = maxSendsPerTick
    }

    /// The policy a configuration asks for.
    public init(_ config: ClinicConfig) {
        self.init(
            tickSeconds: config.schedulerTickSeconds, leaseSeconds: config.schedulerLeaseSeconds,
            sendTimeoutSeconds: config.smsTimeoutSeconds, retryBaseSeconds: config.smsRetryBaseSeconds,
            retryMaxSeconds: config.smsRetryMaxSeconds, maxAttempts: config.smsMaxAttempts)
    }

    /// Delay before the next try after `attempts` failed attempts (1, 2, …):
    /// base · 2^(attempts−1), capped. No jitter: one process sends at a time.
    public func retryDelay(afterAttempts attempts: Int) -> Int {
        let exponent = min(max(attempts - 1, 0), 30)
        let delay = retryBaseSeconds.multipliedReportingOverflow(by: 1 << exponent)
        return delay.overflow ? retryMaxSeconds : min(retryMaxSeconds, delay.partialValue)
    }

    /// How long a claimed message stays claimed if its sender never reports back.
    var claimSeconds: Int { Int(sendTimeoutSeconds.rounded(.up)) * 2 + 5 }
}
