import ClinicCore
import ClinicTUI
import Foundation
import Logging

/// Starts a curses front end the same way for `clinic`, `clinic tui`,
/// `clinic kiosk` and `clinic demo`: config, theme, store, logs away from the
/// terminal, then the run loop.
enum TUILauncher {
    /// Runs `mode` over the store; throws the exit status.
    static func run(mode: AppMode, store: ClinicStore, config: ClinicConfig, theme themeName: String?,
                    demoSignIns: [DemoClinic.SignIn] = []) throws {
        let theme: Theme
        do { theme = try Theme.load(themeName ?? config.theme) } catch let error as ThemeError {
            throw ClinicError(.invalidInput, "bad theme: \(error.description)")
        }
        guard Terminal.isInteractive else {
            throw ClinicError(.invalidInput, "the \(mode == .kiosk ? "kiosk" : "TUI") needs a terminal on standard input and output")
        }
        routeLogs(to: config.logFile)
        setenv("SWIFT_BACKTRACE", "interactive=no", 0)
        let context = try AppContext(store: store, mode: mode, demoSignIns: demoSignIns)
        let idle = mode == .kiosk && config.kioskIdleMinutes > 0 ? Double(config.kioskIdleMinutes) * 60 : nil
        let status = try AppRunner(context: context, theme: theme, idleSeconds: idle).run()
        if status != 0 { throw ExitCodeError(status) }
    }

    /// Logs never reach the terminal while curses owns it: a file, or nowhere.
    static func routeLogs(to path: String) {
        let handle = path.isEmpty ? nil : FileHandle(forWritingAtPath: path) ?? {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            return FileHandle(forWritingAtPath: path)
        }()
        handle?.seekToEndOfFile()
        LoggingSystem.bootstrap { label in
            guard let handle else { return SwiftLogNoOpLogHandler() }
            return FileLogHandler(label: label, handle: handle)
        }
    }
}

/// Writes log lines to a file (the TUI's `log_file`).
struct FileLogHandler: LogHandler {
    let label: String
    let handle: FileHandle
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
