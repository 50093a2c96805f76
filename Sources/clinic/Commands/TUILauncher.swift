import ClinicCore
import ClinicTUI
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// Starts a curses front end the same way for `clinic`, `clinic tui`,
/// `clinic kiosk` and `clinic demo`: config, theme, store, logs away from the
/// terminal, then one service group: the background services the front end
/// asks for (`ClinicServices`) and the terminal's loop on its own thread.
enum TUILauncher {
    /// Runs `mode` over the store with the services `plan` asks for; throws the exit status.
    static func run(
        mode: AppMode, store: ClinicStore, config: ClinicConfig, theme themeName: String?,
        services plan: ClinicServices.Plan, demoSignIns: [DemoClinic.SignIn] = []
    ) throws {
        let theme: Theme
        do { theme = try Theme.load(themeName ?? config.theme) } catch let error as ThemeError {
            throw ClinicError(.invalidInput, "bad theme: \(error.description)")
        }
        guard Terminal.isInteractive else {
            throw ClinicError(.invalidInput, "the \(mode == .kiosk ? "kiosk" : "TUI") needs a terminal on standard input and output")
        }
        // The kiosk must not be stopped by Ctrl-C sent as a signal; the staff terminal ends gracefully on it.
        let interruptible = mode != .kiosk
        Terminal.claimSignals(interruptible: interruptible)
        // The staff status line names the gateway even when `clinic serve` does the sending.
        let gateway = mode == .kiosk ? nil : ((try? SMSGatewayFactory.make(config))?.name ?? config.smsGateway.rawValue)
        let log = LogRoute(path: logPath(config), level: config.logLevel)
        defer { log.restore() }
        let logger = Logger(label: "clinic.\(mode == .kiosk ? "kiosk" : "tui")")
        if config.postgresURL == nil, let warning = DatabaseFiles.permissionWarning(databasePath: config.databasePath) {
            logger.warning("\(warning)")
        }
        let services = try ClinicServices.build(config: config, store: store, logger: logger, plan: plan)
        let listen = config.listen
        let idle = mode == .kiosk && config.kioskIdleMinutes > 0 ? Double(config.kioskIdleMinutes) * 60 : nil
        let frontEnd = FrontEndService(
            before: {
                // The status line tells the listener's state from the first frame.
                guard let listener = services.listener else { return }
                do { _ = try await listener.bound() } catch {
                    logger.error("webhook listener not started", metadata: ["listen": "\(listen)", "error": "\(error)"])
                }
            },
            loop: { stopRequested in
                let probe = gateway.map { gateway in
                    ServicesProbe(
                        store: store, gateway: gateway, listener: { listenerState(services.listener, listen: listen) },
                        leading: { services.scheduler?.isLeading })
                }
                let context = try AppContext(store: store, mode: mode, demoSignIns: demoSignIns)
                do {
                    return try AppRunner(context: context, theme: theme, idleSeconds: idle, servicesProbe: probe).run(until: stopRequested)
                } catch let error as TerminalError {
                    throw ClinicError(.invalidInput, error.description)
                }
            })
        let signals: [UnixSignal] = interruptible ? [.sigterm, .sigint, .sighup] : [.sigterm, .sighup]
        try services.group(then: [frontEnd.configuration], gracefulShutdownSignals: signals, logger: logger).runBlocking()
        if frontEnd.status != 0 { throw ExitCodeError(frontEnd.status) }
    }

    /// The listener as the status line tells it (nil: none asked for, or not bound yet).
    static func listenerState(_ listener: WebhookListener?, listen: String) -> ListenerState? {
        switch listener?.status {
        case .listening(let address)?: return .listening("\(address.host):\(address.port)")
        case .failed?: return .unavailable(listen)
        case .starting?, .stopped?, nil: return nil
        }
    }

    /// `log_file`, or `clinic.log` beside the database (on PostgreSQL: in the working directory).
    static func logPath(_ config: ClinicConfig) -> String {
        if !config.logFile.isEmpty { return config.logFile }
        if config.postgresURL != nil { return FileManager.default.currentDirectoryPath + "/clinic.log" }
        return URL(fileURLWithPath: config.databasePath).deletingLastPathComponent().appendingPathComponent("clinic.log").path
    }
}

/// Writes log lines to a file (the TUI's `log_file`).
struct FileLogHandler: LogHandler {
    let label: String
    let handle: FileHandle
    /// From `CLINIC_LOG_LEVEL` (default info).
    var logLevel: Logger.Level
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
