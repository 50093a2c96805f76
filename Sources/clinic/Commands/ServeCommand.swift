import ArgumentParser
import ClinicCore
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

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
                throw ClinicError(
                    .invalidInput,
                    "CLINIC_NOW pins the clock, so the scheduler would never see time pass; "
                        + "use CLINIC_CLOCK_OFFSET (seconds) to run serve at another time")
            }
            let logger = ServeLogging.logger(label: "clinic.serve", level: ctx.config.logLevel)
            MallocTuning.keepFreedMemory()
            ListenerThreads.adopt()
            try ctx.store.optimize()
            let services = try ClinicServices.build(config: ctx.config, store: ctx.store, logger: logger, plan: .serve)
            logger.info("serving", metadata: ["database": "\(ctx.config.database.redacted)", "pid": "\(getpid())"])
            // A taken port ends the group with "cannot listen on …" before the first tick.
            try services.group(gracefulShutdownSignals: [.sigterm, .sigint], logger: logger).runBlocking()
            logger.info("stopped cleanly")
        }
    }
}

/// Logging for `serve`: swift-log to stderr from `level` (`CLINIC_LOG_LEVEL`, default info).
enum ServeLogging {
    static func logger(label: String, level: Logger.Level) -> Logger {
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        var logger = Logger(label: label)
        logger.logLevel = level
        return logger
    }
}
