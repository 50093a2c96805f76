import ArgumentParser
import ClinicCore
import Foundation

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The SQLite database (default: CLINIC_DB, clinic.toml, ./clinic.sqlite).")
    var db: String?

    @Option(
        name: .customLong("database-url"),
        help: "sqlite:PATH (as --db) or a PostgreSQL URL or connection string (default: CLINIC_DATABASE_URL, clinic.toml).")
    var databaseURL: String?

    @Option(name: .long, help: "The config file (default: CLINIC_CONFIG or ./clinic.toml).")
    var config: String?

    @Flag(name: .long, help: "Print JSON on stdout (errors too, as {\"error\":{…}}).")
    var json = false

    /// Loads the config, opens the store, runs `body`, and turns any error into
    /// the contract's forms: one line on stderr, or the JSON envelope, and a non-zero exit.
    /// A database readable by more people than it should be gets a warning line on stderr first.
    /// `longRunning` (serve): checkpoint the WAL in the background.
    /// `existingDatabase`: refuse a path with no database instead of creating one (backup).
    func run(longRunning: Bool = false, existingDatabase: Bool = false, _ body: (CommandContext) throws -> Void) throws {
        do {
            let config = try ConfigLoader.load(flags: .init(configPath: self.config, databasePath: db, databaseURL: databaseURL))
            if existingDatabase && config.postgresURL == nil && !FileManager.default.fileExists(atPath: config.databasePath) {
                throw ClinicError(.invalidInput, "there is no database at \(config.databasePath) (check --db, CLINIC_DB or clinic.toml)")
            }
            let store = try ClinicStore(
                database: config.database, clock: SystemClock.fromEnvironment(),
                hasher: PasswordHasher(iterations: config.passwordIterations),
                settings: config.clinic, defaultCountryCode: config.defaultCountryCode,
                longRunning: longRunning)
            if config.postgresURL == nil, let warning = DatabaseFiles.permissionWarning(databasePath: config.databasePath) {
                TextOutput.errorLine("clinic: warning: \(warning)")
            }
            try body(CommandContext(config: config, store: store, json: json))
        } catch let error as ExitCode {
            throw error
        } catch {
            throw ErrorOutput.report(error, json: json)
        }
    }
}

/// What a command works with once options are resolved.
struct CommandContext {
    let config: ClinicConfig
    let store: ClinicStore
    let json: Bool

    /// Unix seconds now, from the store's clock.
    var now: Int64 { Int64(store.clock.now().timeIntervalSince1970.rounded(.down)) }

    /// The clinic's time zone as stored.
    func timeZone() throws -> ClinicTimeZone { try store.settings().timeZone }

    /// Resolves an email / E.164 phone / id to an account of the given role.
    func account(_ reference: String, role: Role? = nil) throws -> Account {
        let account = try store.account(matching: reference)
        if let role, account.role != role {
            throw ClinicError(.notFound, "'\(reference)' is \(account.role.withArticle), not \(role.withArticle)")
        }
        return account
    }
}

/// `--as USER`: act as an account instead of the shell admin.
struct ActorOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: "Act as this account (email, phone or id); default: the admin at the shell.")
    var actingAs: String?

    func actor(_ context: CommandContext) throws -> Actor {
        guard let ref = actingAs else { return .shell }
        let account = try context.account(ref)
        return try context.store.actor(actingAs: account.id, by: .shell, via: .cli)
    }
}
