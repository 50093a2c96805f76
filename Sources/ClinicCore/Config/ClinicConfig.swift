import Logging

/// Everything a `clinic` process is configured with, after merging built-in
/// defaults < `clinic.toml` < environment < command-line flags.
public struct ClinicConfig: Sendable, Equatable {
    /// Path of the SQLite database.
    public var databasePath = "clinic.sqlite"
    /// The PostgreSQL server `database_url` names (a URL or libpq string); nil: SQLite at `databasePath`.
    public var postgresURL: String?
    /// Clinic settings given explicitly (they are written to the database on open).
    public var clinic = ClinicSettings.Overrides()
    /// Country code added to 10-digit national phone numbers.
    public var defaultCountryCode = "1"
    /// Where the HTTP listener binds.
    public var listen = "127.0.0.1:8080"
    /// The public URL Twilio posts to (signatures are computed over it).
    public var publicURL = ""
    /// Seconds a client of the listener has to send a whole request; idle and slow clients are cut off.
    public var listenerTimeoutSeconds: Double = 5
    /// The HTTP API on the listener (`[api]`).
    public var api = APIOptions()
    /// `auto` (Twilio when credentials are set, else outbox), `twilio` or `outbox`.
    public var smsGateway = SMSGatewayChoice.auto
    public var twilioAccountSID = ""
    public var twilioAuthToken = ""
    public var twilioFrom = ""
    public var twilioAPIBase = "https://api.twilio.com"
    /// TUI theme name (a file in `Themes/`).
    public var theme = "default"
    /// `internal`: TUI processes run the scheduler under the lease; `external`: only `clinic serve` does.
    public var scheduler = SchedulerPlacement.internal
    /// Real seconds between scheduler ticks in `clinic serve`.
    public var schedulerTickSeconds: Double = 5
    /// Seconds a scheduler lease lasts without renewal.
    public var schedulerLeaseSeconds = 30
    /// Time limit of one SMS gateway call.
    public var smsTimeoutSeconds: Double = 15
    /// First retry delay after a transient SMS failure (doubles per attempt).
    public var smsRetryBaseSeconds = 30
    /// Cap of the retry delay.
    public var smsRetryMaxSeconds = 900
    /// Attempts before a transiently failing SMS is given up.
    public var smsMaxAttempts = 10
    /// Log file ("" = `clinic.log` beside the database).
    public var logFile = ""
    /// Lowest level logged, by `serve` to stderr and by the terminals to the log file (`CLINIC_LOG_LEVEL`).
    public var logLevel = Logger.Level.info
    /// PBKDF2 iterations for new password hashes.
    public var passwordIterations = PasswordHasher.interactiveIterations
    /// Minutes of inactivity before the kiosk signs a patient out.
    public var kioskIdleMinutes = 5

    public init() {}
}
