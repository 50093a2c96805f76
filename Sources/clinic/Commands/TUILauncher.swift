import ClinicCore
import ClinicTUI
import Foundation
import Logging

/// Starts a curses front end the same way for `clinic`, `clinic tui`,
/// `clinic kiosk` and `clinic demo`: config, theme, store, logs away from the
/// terminal, then the run loop.
enum TUILauncher {
    /// Which background services run in the front end's process.
    enum Services: Equatable {
        /// None (the kiosk).
        case none
        /// The scheduler under the lease (the staff TUI, unless `scheduler = "external"`).
        case scheduler
        /// The scheduler and the webhook listener on `listen` (`clinic demo`).
        case schedulerAndListener
    }

    /// Runs `mode` over the store; throws the exit status.
    static func run(mode: AppMode, store: ClinicStore, config: ClinicConfig, theme themeName: String?,
                    services plan: Services, demoSignIns: [DemoClinic.SignIn] = []) throws {
        let theme: Theme
        do { theme = try Theme.load(themeName ?? config.theme) } catch let error as ThemeError {
            throw ClinicError(.invalidInput, "bad theme: \(error.description)")
        }
        guard Terminal.isInteractive else {
            throw ClinicError(.invalidInput, "the \(mode == .kiosk ? "kiosk" : "TUI") needs a terminal on standard input and output")
        }
        // The staff status line names the gateway even when `clinic serve` does the sending.
        let gateway = mode == .kiosk ? nil : ((try? SMSGatewayFactory.make(config))?.name ?? config.smsGateway.rawValue)
        let log = LogRoute(path: logPath(config))
        defer { log.restore() }
        let logger = Logger(label: "clinic.\(mode == .kiosk ? "kiosk" : "tui")")
        if let warning = DatabaseFiles.permissionWarning(databasePath: config.databasePath) { logger.warning("\(warning)") }
        let running = try BackgroundServices.start(plan, config: config, store: store, logger: logger)
        defer { running.stop() }
        let probe = gateway.map { ServicesProbe(store: store, gateway: $0, listener: running.listener, leading: running.leading) }
        let context = try AppContext(store: store, mode: mode, demoSignIns: demoSignIns)
        let idle = mode == .kiosk && config.kioskIdleMinutes > 0 ? Double(config.kioskIdleMinutes) * 60 : nil
        let status: Int32
        do {
            status = try AppRunner(context: context, theme: theme, idleSeconds: idle, servicesProbe: probe).run()
        } catch let error as TerminalError {
            throw ClinicError(.invalidInput, error.description)
        }
        if status != 0 { throw ExitCodeError(status) }
    }

    /// `log_file`, or `clinic.log` beside the database.
    static func logPath(_ config: ClinicConfig) -> String {
        if !config.logFile.isEmpty { return config.logFile }
        return URL(fileURLWithPath: config.databasePath).deletingLastPathComponent().appendingPathComponent("clinic.log").path
    }
}

/// Writes log lines to a file (the TUI's `log_file`).
struct FileLogHandler: LogHandler {
    let label: String
    let handle: FileHandle
    /// Also from `CLINIC_LOG_LEVEL`.
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        handle.write(Data("\(event.level) \(label): \(event.message)\n".utf8))
    }
}

/// A non-zero exit status from a front end.
struct ExitCodeError: Error {
    let status: Int32
    init(_ status: Int32) { self.status = status }
}
