import ClinicCore
import ClinicTUI
import Foundation
import Logging

/// The services a front end runs beside its screens (scheduler, listener),
/// built by `ClinicServices.build` like `clinic serve`'s, and stopped cleanly
/// (lease released, requests finished) when the front end ends.
final class BackgroundServices {
    private(set) var services: [any ClinicService] = []
    /// The listener's state when one was asked for.
    private(set) var listener: ListenerState?
    private var scheduler: SchedulerService?
    private let logger: Logger

    private init(logger: Logger) { self.logger = logger }

    /// Starts what `plan` asks for. A listener that cannot bind is logged and
    /// reported through `listener`; the front end still opens.
    static func start(_ plan: TUILauncher.Services, config: ClinicConfig, store: ClinicStore,
                      logger: Logger) throws -> BackgroundServices {
        let running = BackgroundServices(logger: logger)
        guard plan != .none else { return running }
        signal(SIGPIPE, SIG_IGN)
        let built = try ClinicServices.build(config: config, store: store, logger: logger,
                                             listener: plan == .schedulerAndListener)
        for service in built {
            if let listener = service as? WebhookListener {
                do {
                    let address = try listener.listenBlocking()
                    running.listener = .listening("\(address.host):\(address.port)")
                    logger.info("webhook listening", metadata: ["address": "\(address.host):\(address.port)"])
                    running.services.append(listener)
                } catch {
                    running.listener = .unavailable(config.listen)
                    logger.error("webhook listener not started", metadata: ["listen": "\(config.listen)", "error": "\(error)"])
                }
                continue
            }
            if let scheduler = service as? SchedulerService { running.scheduler = scheduler }
            service.start()
            running.services.append(service)
        }
        return running
    }

    /// The in-process scheduler's last answer (nil: none runs here).
    var leading: () -> Bool? {
        let scheduler = self.scheduler
        return { scheduler?.isLeading }
    }

    /// Stops every service and waits for them (the scheduler gives the lease up).
    func stop() {
        for service in services { service.stop() }
        for service in services { service.wait() }
        if !services.isEmpty { logger.info("background services stopped") }
        services = []
    }
}
