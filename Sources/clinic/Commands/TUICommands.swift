import ArgumentParser
import ClinicCore
import ClinicTUI
import Foundation

/// Options of the curses front ends.
struct FrontEndOptions: ParsableArguments {
    @Option(name: .long, help: "The SQLite database (default: CLINIC_DB, clinic.toml, ./clinic.sqlite).")
    var db: String?

    @Option(name: .customLong("database-url"), help: "sqlite:PATH (as --db); PostgreSQL is not supported here yet.")
    var databaseURL: String?

    @Option(name: .long, help: "The config file (default: CLINIC_CONFIG or ./clinic.toml).")
    var config: String?

    @Option(name: .long, help: "Theme: default, dark, high-contrast, mono, or a path to a .theme file.")
    var theme: String?

    /// Loads config and store, then runs the front end; errors in the contract's form.
    func run(_ mode: AppMode) throws {
        do {
            let config = try ConfigLoader.load(flags: .init(configPath: self.config, databasePath: db, databaseURL: databaseURL))
            let store = try ClinicStore(
                database: config.database, clock: SystemClock.fromEnvironment(),
                hasher: PasswordHasher(iterations: config.passwordIterations),
                settings: config.clinic, defaultCountryCode: config.defaultCountryCode,
                longRunning: true)
            let services: ClinicServices.Plan = mode == .staff && config.scheduler != .external ? .staff : .none
            try TUILauncher.run(mode: mode, store: store, config: config, theme: theme, services: services)
        } catch let error as ExitCodeError {
            throw ExitCode(error.status)
        } catch {
            throw ErrorOutput.report(error, json: false)
        }
    }
}

/// `clinic` / `clinic tui`: the staff terminal.
struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui", abstract: "The staff terminal: sign in, then the screens of your role (the default command).")

    @OptionGroup var options: FrontEndOptions

    func run() throws { try options.run(.staff) }
}

/// `clinic kiosk`: the patients' self-service terminal, safe as an sshd ForceCommand.
struct KioskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk", abstract: "The patients' kiosk: sign up, book, see and cancel appointments (no shell escape).")

    @OptionGroup var options: FrontEndOptions

    func run() throws { try options.run(.kiosk) }
}
