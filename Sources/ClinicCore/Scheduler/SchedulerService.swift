import Dispatch
import Logging
import ServiceLifecycle
import Synchronization

/// Runs a `Scheduler` as a ServiceLifecycle `Service`: one tick every
/// `policy.tickSeconds` of real time until graceful shutdown (SIGTERM, the
/// front end quitting) or cancellation, then gives the lease up so another
/// process takes over at once. A tick blocks (gateway calls over libcurl,
/// writes that wait for another process's lock), so it runs on a queue of its
/// own, never on the cooperative pool; a tick under way when shutdown comes
/// finishes its sends first.
public final class SchedulerService: Service, Sendable {
    /// The scheduler whose ticks this service paces.
    public let scheduler: Scheduler
    private let startsAfter: (@Sendable () async throws -> Void)?
    private let queue = DispatchQueue(label: "clinic-scheduler")
    private let lastLeading = Mutex<Bool?>(nil)

    /// `startsAfter` runs before the first tick (`clinic serve` waits for its
    /// listener to bind, so a taken port fails the command before anything is sent).
    public init(scheduler: Scheduler, startsAfter: (@Sendable () async throws -> Void)? = nil) {
        self.scheduler = scheduler
        self.startsAfter = startsAfter
    }

    /// Whether the last tick held the lease (nil: no tick yet, or stopped),
    /// for status displays: true means this process runs the scheduler.
    public var isLeading: Bool? { lastLeading.withLock { $0 } }

    /// Ticks until graceful shutdown or cancellation, then releases the lease.
    public func run() async throws {
        do { try await startsAfter?() } catch {
            if Task.isCancelled || Task.isShuttingDownGracefully { return }
            throw error
        }
        let logger = scheduler.logger
        logger.info("scheduler started", metadata: ["holder": "\(scheduler.holder)", "gateway": "\(scheduler.gateway.name)"])
        var leading: Bool?
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let report = try await onQueue { try self.scheduler.tick() }
                lastLeading.withLock { $0 = report.leader }
                if report.leader != leading {
                    leading = report.leader
                    logger.info(
                        report.leader
                            ? "scheduler lease acquired: running the scheduler"
                            : "standing by: another process holds the scheduler lease")
                }
                if report.noShows + report.remindersPlanned + report.sent + report.failed + report.retrying > 0 {
                    logger.info(
                        "tick",
                        metadata: [
                            "noShows": "\(report.noShows)", "reminders": "\(report.remindersPlanned)",
                            "sent": "\(report.sent)", "retrying": "\(report.retrying)",
                            "failed": "\(report.failed)", "skipped": "\(report.skipped)",
                        ])
                }
            } catch {
                logger.error("tick failed", metadata: ["error": "\(error)"])
            }
            // The pause ends early on graceful shutdown (and throws on either).
            do {
                try await cancelWhenGracefulShutdown { [tick = scheduler.policy.tickSeconds] in
                    try await SystemClock.sleep(seconds: tick)
                }
            } catch { break }
        }
        try? await onQueue { self.scheduler.releaseLease() }
        lastLeading.withLock { $0 = nil }
        logger.info("scheduler stopped")
    }

    /// Runs blocking `work` on the scheduler's own queue; the awaiting task holds no thread meanwhile.
    private func onQueue<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}
