import Foundation
import Logging
import TOMLKit

/// Builds a `ClinicConfig` from its four layers.
public enum ConfigLoader {
    /// Flags given on the command line (the top layer).
    public struct Flags: Sendable {
        public var configPath: String?
        public var databasePath: String?
        /// `--database-url`.
        public var databaseURL: String?
        public init(configPath: String? = nil, databasePath: String? = nil, databaseURL: String? = nil) {
            self.configPath = configPath; self.databasePath = databasePath; self.databaseURL = databaseURL
        }
    }

    /// Defaults < file (`--config`, else `CLINIC_CONFIG`, else `./clinic.toml` if present) < environment < flags.
    public static func load(flags: Flags, environment env: [String: String] = ProcessInfo.processInfo.environment) throws -> ClinicConfig {
        var config = ClinicConfig()
        let explicitPath = flags.configPath ?? env["CLINIC_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        if let path = explicitPath {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw ClinicError(.invalidInput, "cannot read the config file \(path)")
            }
            try apply(toml: text, file: path, to: &config)
        } else if let text = try? String(contentsOfFile: "clinic.toml", encoding: .utf8) {
            try apply(toml: text, file: "clinic.toml", to: &config)
        }
        try applyEnvironment(env, to: &config)
        try applyDatabase(path: flags.databasePath, url: flags.databaseURL, names: ("--db", "--database-url"), to: &config)
        try checkConsistency(config)
        return config
    }

    /// Settings that are each valid but not together.
    static func checkConsistency(_ c: ClinicConfig) throws {
        // The lease is renewed before each send: it must outlast the longest send,
        // or another process could take over and send the same message again.
        guard Double(c.schedulerLeaseSeconds) > c.smsTimeoutSeconds else {
            throw ClinicError(
                .invalidInput,
                "scheduler_lease_seconds (\(c.schedulerLeaseSeconds)) must be longer than the SMS "
                    + "timeout_seconds (\(c.smsTimeoutSeconds)), or a message being sent could be sent twice")
        }
    }

    static func applyEnvironment(_ env: [String: String], to c: inout ClinicConfig) throws {
        func value(_ key: String) -> String? { env[key].flatMap { $0.isEmpty ? nil : $0 } }
        try applyDatabase(path: value("CLINIC_DB"), url: value("CLINIC_DATABASE_URL"), names: ("CLINIC_DB", "CLINIC_DATABASE_URL"), to: &c)
        if let v = value("CLINIC_TIMEZONE") { c.clinic.timeZone = try zone(v, source: "CLINIC_TIMEZONE") }
        if let v = value("CLINIC_LISTEN") { c.listen = v }
        if let v = value("CLINIC_PUBLIC_URL") { c.publicURL = v }
        if let v = value("TWILIO_ACCOUNT_SID") { c.twilioAccountSID = v }
        if let v = value("TWILIO_AUTH_TOKEN") { c.twilioAuthToken = v }
        if let v = value("TWILIO_FROM") { c.twilioFrom = v }
        if let v = value("TWILIO_API_BASE") { c.twilioAPIBase = v }
        try applySchedulerEnvironment(value, to: &c)
        if let v = value("CLINIC_LOG_LEVEL") {
            guard let level = Logger.Level(rawValue: v) else {
                throw ClinicError(
                    .invalidInput,
                    "CLINIC_LOG_LEVEL must be one of "
                        + Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))
            }
            c.logLevel = level
        }
        try applyAPIEnvironment(value, to: &c)
        if let v = value("CLINIC_PASSWORD_ITERATIONS") {
            guard let n = Int(v), n >= 1_000 else {
                throw ClinicError(.invalidInput, "CLINIC_PASSWORD_ITERATIONS must be a whole number ≥ 1000")
            }
            c.passwordIterations = n
        }
    }

    /// `CLINIC_SCHEDULER_TICK_SECONDS`, `CLINIC_SCHEDULER_LEASE_SECONDS`, `CLINIC_SMS_TIMEOUT_SECONDS`,
    /// `CLINIC_SMS_RETRY_BASE_SECONDS`, `CLINIC_SMS_RETRY_MAX_SECONDS`, `CLINIC_SMS_MAX_ATTEMPTS`, `CLINIC_SMS_GATEWAY`, `CLINIC_LISTEN_TIMEOUT_SECONDS`.
    static func applySchedulerEnvironment(_ value: (String) -> String?, to c: inout ClinicConfig) throws {
        func number(_ key: String) throws -> Double? {
            guard let v = value(key) else { return nil }
            guard let n = Double(v), n > 0, n.isFinite else { throw ClinicError(.invalidInput, "\(key) must be a positive number") }
            return n
        }
        if let n = try number("CLINIC_SCHEDULER_TICK_SECONDS") { c.schedulerTickSeconds = n }
        if let n = try number("CLINIC_SCHEDULER_LEASE_SECONDS") { c.schedulerLeaseSeconds = Int(n.rounded(.up)) }
        if let n = try number("CLINIC_SMS_TIMEOUT_SECONDS") { c.smsTimeoutSeconds = n }
        if let n = try number("CLINIC_SMS_RETRY_BASE_SECONDS") { c.smsRetryBaseSeconds = Int(n.rounded(.up)) }
        if let n = try number("CLINIC_SMS_RETRY_MAX_SECONDS") { c.smsRetryMaxSeconds = Int(n.rounded(.up)) }
        if let n = try number("CLINIC_SMS_MAX_ATTEMPTS") { c.smsMaxAttempts = Int(n.rounded(.up)) }
        if let n = try number("CLINIC_LISTEN_TIMEOUT_SECONDS") { c.listenerTimeoutSeconds = n }
        if let v = value("CLINIC_SMS_GATEWAY") { c.smsGateway = try choice(v, "CLINIC_SMS_GATEWAY") }
    }

    /// `CLINIC_API_ENABLED` (true / false), `CLINIC_API_CORS_ORIGINS` (comma-separated), `CLINIC_API_SIGN_INS_PER_MINUTE`.
    static func applyAPIEnvironment(_ value: (String) -> String?, to c: inout ClinicConfig) throws {
        if let v = value("CLINIC_API_ENABLED") {
            guard let b = ["true": true, "1": true, "false": false, "0": false][v.lowercased()] else {
                throw ClinicError(.invalidInput, "CLINIC_API_ENABLED must be true or false")
            }
            c.api.enabled = b
        }
        if let v = value("CLINIC_API_CORS_ORIGINS") {
            c.api.corsOrigins = v.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        if let v = value("CLINIC_API_SIGN_INS_PER_MINUTE") {
            guard let n = Int(v), n >= 1 else { throw ClinicError(.invalidInput, "CLINIC_API_SIGN_INS_PER_MINUTE must be a whole number ≥ 1") }
            c.api.signInsPerMinute = n
        }
    }

    /// One layer's database: a path (`--db`, `CLINIC_DB`, `database`) or a `database_url`, not both.
    static func applyDatabase(path: String?, url: String?, names: (path: String, url: String), to c: inout ClinicConfig) throws {
        if path != nil && url != nil {
            throw ClinicError(.invalidInput, "give \(names.path) or \(names.url), not both")
        }
        if let path { c.setDatabase(.sqlite(path: path)) }
        if let url { c.setDatabase(try DatabaseURL(parsing: url, source: names.url)) }
    }

    static func zone(_ id: String, source: String) throws -> ClinicTimeZone {
        guard let zone = ClinicTimeZone(identifier: id) else {
            throw ClinicError(.invalidInput, "\(source): '\(id)' is not an IANA time zone (e.g. America/New_York)")
        }
        return zone
    }
}
