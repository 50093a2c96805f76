import ArgumentParser
import ClinicCore
import Foundation
import Logging

/// `clinic serve`: runs the scheduler and the webhook listener until SIGTERM
/// or SIGINT, logging to stderr.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the scheduler (reminders, no-shows, SMS) and the webhook listener until SIGTERM / SIGINT; logs to stderr.",
        discussion: """
            Any number of processes may run `clinic serve` on one database: a lease in the database makes
            exactly one of them run the scheduler, and another takes over within a minute if it dies.
            The webhook listener binds `listen` (CLINIC_LISTEN, default 127.0.0.1:8080); each process needs its own address.
            """)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try global.run(longRunning: true) { ctx in
            if let pinned = ProcessInfo.processInfo.environment["CLINIC_NOW"], !pinned.isEmpty {
                throw ClinicError(.invalidInput, "CLINIC_NOW pins the clock, so the scheduler would never see time pass; "
                                  + "use CLINIC_CLOCK_OFFSET (seconds) to run serve at another time")
            }
            let logger = ServeLogging.logger(label: "clinic.serve")
            signal(SIGPIPE, SIG_IGN)
            MallocTuning.keepFreedMemory()
            try ctx.store.optimize()
            let services = try ClinicServices.build(config: ctx.config, store: ctx.store, logger: logger, listener: true)
            for case let listener as WebhookListener in services {
                // Bound before anything else starts, so a taken port fails the command.
                let address = try listener.listenBlocking()
                logger.info("webhook listening", metadata: ["address": "\(address.host):\(address.port)",
                                                            "public_url": "\(ctx.config.publicURL)"])
            }
            logger.info("serving", metadata: ["database": "\(ctx.config.databasePath)", "pid": "\(getpid())"])
            ServeRuntime.run(services, logger: logger)
            logger.info("stopped cleanly")
        }
    }
}

/// Logging for `serve`: swift-log to stderr, level from `CLINIC_LOG_LEVEL` (default info).
enum ServeLogging {
    static func logger(label: String) -> Logger {
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        var logger = Logger(label: label)
        let level = ProcessInfo.processInfo.environment["CLINIC_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:))
        logger.logLevel = level ?? .info
        return logger
    }
}

/// Starts services, stops them on SIGTERM / SIGINT, waits for them.
enum ServeRuntime {
    /// Blocks until every service has stopped. Signal sources are created
    /// here, inside a nonisolated function (at top level they crashed on the
    /// first SIGTERM, see PLATFORM.md).
    nonisolated static func run(_ services: [any ClinicService], logger: Logger) {
        signal(SIGPIPE, SIG_IGN)
        let queue = DispatchQueue(label: "clinic.signals")
        let sources = [SIGTERM, SIGINT].map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                logger.info("signal received; stopping", metadata: ["signal": "\(number == SIGTERM ? "SIGTERM" : "SIGINT")"])
                for service in services { service.stop() }
            }
            source.resume()
            return source
        }
        for service in services { service.start() }
        for service in services { service.wait() }
        for source in sources { source.cancel() }
    }
}
