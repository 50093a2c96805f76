import Foundation
import Logging

/// What one tick did.
public struct TickReport: Sendable, Equatable {
    /// Whether this scheduler held the lease (false: another process runs the scheduler; nothing was done).
    public var leader = false
    public var noShows = 0
    public var remindersPlanned = 0
    public var sent = 0
    public var retrying = 0
    public var failed = 0
    public var skipped = 0
    /// Waitlist offers that ran out, and the offers made to the next in line.
    public var offersExpired = 0
    public var offersMade = 0

    public init() {}
}

/// The background scheduler (DESIGN §2, Reminders and no-shows). Its whole
/// state is the database: every tick plans from the tables and sends from the
/// outbox, so a restart loses nothing. Only the holder of the lease acts — but on
/// PostgreSQL every scheduler sends, each message claimed by one of them.
///
/// `tick` blocks (gateway calls): run it on a dedicated thread or queue
/// (`SchedulerService` does), never on the cooperative pool in production.
public final class Scheduler: Sendable {
    public let store: ClinicStore
    public let gateway: any SMSGateway
    public let policy: SchedulerPolicy
    /// This scheduler's lease holder id.
    public let holder: String
    let logger: Logger

    public init(
        store: ClinicStore, gateway: any SMSGateway, policy: SchedulerPolicy = SchedulerPolicy(),
        holder: String = Scheduler.makeHolderID(), logger: Logger = Logger(label: "clinic.scheduler")
    ) {
        self.store = store; self.gateway = gateway; self.policy = policy; self.holder = holder; self.logger = logger
    }

    /// `host:pid:random`, unique per process start.
    public static func makeHolderID() -> String {
        let host = ProcessInfo.processInfo.hostName
        return "\(host):\(getpid()):\(UInt32.random(in: 0...UInt32.max))"
    }

    /// One pass at `date` (default: the store's clock): take or renew the
    /// lease; mark due no-shows (through the store's transition, actor
    /// `.scheduler`, which enqueues the notices); enqueue due reminders; lapse
    /// waitlist offers whose time is up (their slots go to the next in line); then
    /// send due outbox messages — each claimed in a transaction, sent outside
    /// it, and its outcome recorded in another.
    @discardableResult
    public func tick(at date: Date? = nil) throws -> TickReport {
        func now() -> Int64 { Int64((date ?? store.clock.now()).timeIntervalSince1970.rounded(.down)) }
        var report = TickReport()
        let start = now()
        guard try store.acquireSchedulerLease(holder: holder, now: start, seconds: policy.leaseSeconds) else {
            // On PostgreSQL every serve sends from the shared outbox (SKIP LOCKED claims);
            // the jobs above and below the send keep one holder, the lease's.
            if store.isPostgres { try send(into: &report, now: now) }
            return report
        }
        report.leader = true
        for code in try store.dueNoShowCodes(now: start, limit: 500) {
            do {
                _ = try store.transition(code: code, to: .noShow, by: .scheduler, note: "no-show after grace", at: start)
                report.noShows += 1
                logger.info("no-show", metadata: ["code": "\(code)"])
            } catch let error as ClinicError {
                logger.debug("no-show not marked", metadata: ["code": "\(code)", "why": "\(error)"])
            }
        }
        report.remindersPlanned = try store.planReminders(now: start)
        (report.offersExpired, report.offersMade) = try store.expireWaitlistOffers(now: start)
        try send(into: &report, now: now)
        return report
    }

    /// Gives the lease up (clean shutdown), so another process takes over at once.
    public func releaseLease() {
        do { try store.releaseSchedulerLease(holder: holder) } catch {
            logger.warning("could not release the scheduler lease", metadata: ["error": "\(error)"])
        }
    }

    private func send(into report: inout TickReport, now: () -> Int64) throws {
        var budget = policy.maxSendsPerTick
        while budget > 0 {
            let batch = try store.claimDueMessages(
                holder: holder, now: now(), limit: min(policy.batchSize, budget),
                claimSeconds: policy.claimSeconds, gateway: gateway.name,
                from: gateway.from)
            report.skipped += batch.skipped
            if batch.claimed.isEmpty && batch.skipped == 0 { return }
            for message in batch.claimed {
                budget -= 1
                switch try store.gateSend(message.id, holder: holder, now: now(), leaseSeconds: policy.leaseSeconds) {
                case .skipped: report.skipped += 1; continue
                case .lostLease:
                    logger.warning("lost the scheduler lease; stopping this batch")
                    report.leader = false
                    return
                case .proceed: break
                }
                let result = gateway.send(OutgoingSMS(outboxID: message.id, to: message.to, body: message.body))
                let outcome = try store.recordOutcome(message.id, holder: holder, result: result, now: now(), policy: policy)
                log(message, result: result, outcome: outcome)
                switch outcome {
                case .sent: report.sent += 1
                case .retrying: report.retrying += 1
                case .failed: report.failed += 1
                }
            }
        }
    }

    private func log(_ message: ClaimedMessage, result: SMSSendResult, outcome: SendOutcome) {
        var metadata: Logger.Metadata = ["id": "\(message.id)", "kind": "\(message.kind.rawValue)", "to": "\(message.to)"]
        switch result {
        case .sent(let sid, _):
            metadata["sid"] = "\(sid ?? "-")"
            logger.info("sms sent", metadata: metadata)
        case .failed(let failure):
            metadata["code"] = "\(failure.code)"
            metadata["error"] = "\(failure.message)"
            metadata["outcome"] = "\(outcome)"
            logger.warning("sms failed", metadata: metadata)
        }
    }
}
