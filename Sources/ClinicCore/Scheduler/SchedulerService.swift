import Foundation
import Logging

/// A long-running part of a `clinic` process (`clinic serve`, `clinic demo`,
/// the TUI): the scheduler now, the webhook listener later.
public protocol ClinicService: AnyObject, Sendable {
    /// Starts the service in the background and returns.
    func start()
    /// Asks the service to stop; returns at once.
    func stop()
    /// Blocks until the service has stopped.
    func wait()
}

/// Runs a `Scheduler` on its own thread (gateway calls block), one tick every
/// `policy.tickSeconds` of real time. `stop()` lets the current send finish,
/// then releases the lease so another process can take over at once.
public final class SchedulerService: ClinicService, @unchecked Sendable {
    public let scheduler: Scheduler
    private let condition = NSCondition()
    private var stopping = false
    private var finished = false
    private var thread: Thread?
    private var lastLeading: Bool?

    public init(scheduler: Scheduler) { self.scheduler = scheduler }

    /// Whether the last tick held the lease (nil: no tick yet, or stopped),
    /// for status displays: true means this process runs the scheduler.
    public var isLeading: Bool? { condition.withLock { lastLeading } }

    public func start() {
        let thread = Thread { [self] in run() }
        thread.name = "clinic-scheduler"
        condition.withLock { self.thread = thread }
        thread.start()
    }

    public func stop() {
        condition.withLock {
            stopping = true
            condition.broadcast()
        }
    }

    public func wait() {
        condition.withLock {
            while thread != nil && !finished { condition.wait() }
        }
    }

    private func run() {
        let logger = scheduler.logger
        logger.info("scheduler started", metadata: ["holder": "\(scheduler.holder)", "gateway": "\(scheduler.gateway.name)"])
        var leading: Bool?
        while !condition.withLock({ stopping }) {
            do {
                let report = try scheduler.tick()
                condition.withLock { lastLeading = report.leader }
                if report.leader != leading {
                    leading = report.leader
                    logger.info(report.leader ? "scheduler lease acquired: running the scheduler"
                                              : "standing by: another process holds the scheduler lease")
                }
                if report.noShows + report.remindersPlanned + report.sent + report.failed + report.retrying > 0 {
                    logger.info("tick", metadata: ["noShows": "\(report.noShows)", "reminders": "\(report.remindersPlanned)",
                                                   "sent": "\(report.sent)", "retrying": "\(report.retrying)",
                                                   "failed": "\(report.failed)", "skipped": "\(report.skipped)"])
                }
            } catch {
                logger.error("tick failed", metadata: ["error": "\(error)"])
            }
            condition.withLock {
                if !stopping { _ = SystemClock.wait(on: condition, seconds: scheduler.policy.tickSeconds) }
            }
        }
        scheduler.releaseLease()
        logger.info("scheduler stopped")
        condition.withLock {
            lastLeading = nil
            finished = true
            condition.broadcast()
        }
    }
}

/// Builds the long-running services of a `clinic` process from its
/// configuration: one function for `serve`, `demo` and the tests.
public enum ClinicServices {
    /// The scheduler service (gateway and policy from `config`) and, with
    /// `listener`, the webhook listener on `config.listen` (`serve`, `demo`;
    /// the TUI runs only the scheduler).
    public static func build(config: ClinicConfig, store: ClinicStore, logger: Logger,
                             listener: Bool = false) throws -> [any ClinicService] {
        let scheduler = Scheduler(store: store, gateway: try SMSGatewayFactory.make(config),
                                  policy: SchedulerPolicy(config), logger: logger)
        var services: [any ClinicService] = [SchedulerService(scheduler: scheduler)]
        if listener {
            services.append(WebhookListener(store: store, options: try WebhookOptions(config: config, store: store), logger: logger))
        }
        return services
    }
}
