import Foundation
import GRDB

/// The one way into the clinic's data. Every public method is a whole
/// transaction that applies the rules and writes the audit trail, so screens,
/// commands and routes cannot skip either.
public final class ClinicStore: Sendable {
    /// The connections (SQLite's WAL pool or PostgreSQL's): the store's own;
    /// everything else reads through `reader` and writes through the store's methods.
    let pool: StorePool

    /// Read access for reports and checks that have no store method (as
    /// GRDB's `AppDatabase` exposes a reader and keeps its writer).
    public var reader: StorePool { pool }

    /// Raw writes for benchmark set-up and test fixtures only: hidden unless
    /// imported with `@_spi(Tooling)`. The product never writes around the rules.
    @_spi(Tooling) public var writer: StorePool { pool }

    /// Where the clinic's own files go (day sheets): beside the SQLite file, or on
    /// PostgreSQL the folder given when opening (default: the working directory).
    public let filesFolder: String

    /// Which engine holds the clinic.
    public var isPostgres: Bool { pool.isPostgres }

    /// Closes the database (benchmarks, tests that reopen a file).
    public func close() throws { try pool.close() }
    /// The injected clock.
    public let clock: any ClinicClock
    /// Hashes new passwords.
    public let hasher: PasswordHasher
    /// Country code given to 10-digit national phone numbers.
    public let defaultCountryCode: String
    let makeCode: @Sendable () -> String
    private let zones = ZoneCache()
    let calculators = CalculatorCache()
    /// A long-running process's background checkpointer (nil otherwise): its
    /// hook is on every connection of the pool; `ClinicServices` runs it.
    public let checkpointer: WALCheckpointer?

    /// Opens the store over an opened pool and makes sure the clinic's
    /// settings row exists, applying explicitly configured values.
    public init(
        pool: StorePool, clock: any ClinicClock, hasher: PasswordHasher = PasswordHasher(),
        settings overrides: ClinicSettings.Overrides = .init(), defaultCountryCode: String = "1",
        codes: @escaping @Sendable () -> String = AppointmentCode.random,
        checkpointer: WALCheckpointer? = nil, filesFolder: String? = nil
    ) throws {
        self.pool = pool; self.clock = clock; self.hasher = hasher; self.checkpointer = checkpointer
        self.filesFolder =
            filesFolder
            ?? (pool.isPostgres
                ? FileManager.default.currentDirectoryPath : URL(fileURLWithPath: pool.path).deletingLastPathComponent().path)
        self.defaultCountryCode = defaultCountryCode; self.makeCode = codes
        let now = nowSeconds
        try pool.write { db in try Self.applySettings(overrides, configured: true, now: now, db) }
    }

    /// Opens the database file and the store in one step. A `longRunning`
    /// process (server, terminals) gets a `checkpointer` to run in the
    /// background, so commits leave checkpoints to it.
    public convenience init(
        path: String, clock: any ClinicClock, hasher: PasswordHasher = PasswordHasher(),
        settings overrides: ClinicSettings.Overrides = .init(), defaultCountryCode: String = "1",
        longRunning: Bool = false
    ) throws {
        let checkpointer = longRunning ? WALCheckpointer(path: path) : nil
        let pool = try ClinicDatabase.open(path: path, checkpointer: checkpointer)
        try self.init(
            pool: StorePool(sqlite: pool), clock: clock, hasher: hasher, settings: overrides, defaultCountryCode: defaultCountryCode,
            checkpointer: checkpointer)
    }

    /// Opens the configured database, SQLite file or PostgreSQL server (its
    /// schema brought up to date under an advisory lock), and the store over it.
    public convenience init(
        database: DatabaseURL, clock: any ClinicClock, hasher: PasswordHasher = PasswordHasher(),
        settings overrides: ClinicSettings.Overrides = .init(), defaultCountryCode: String = "1",
        longRunning: Bool = false, filesFolder: String? = nil
    ) throws {
        switch database {
        case .sqlite(let path):
            try self.init(
                path: path, clock: clock, hasher: hasher, settings: overrides, defaultCountryCode: defaultCountryCode,
                longRunning: longRunning)
        case .postgres(let url):
            try self.init(
                pool: StorePool.postgres(url: url), clock: clock, hasher: hasher, settings: overrides,
                defaultCountryCode: defaultCountryCode, filesFolder: filesFolder)
        }
    }

    /// The clinic's settings as stored now.
    public func settings() throws -> ClinicSettings {
        try pool.read { db in try self.settings(db) }
    }

    /// Changes clinic settings (admins only).
    public func updateSettings(_ overrides: ClinicSettings.Overrides, by actor: Actor) throws -> ClinicSettings {
        try Policy.decide(.updateSettings, by: actor).enforce()
        let now = nowSeconds
        return try pool.write { db in
            try Self.applySettings(overrides, configured: false, now: now, db)
            return try self.settings(db)
        }
    }

    /// Unix seconds now, from the injected clock.
    var nowSeconds: Int64 { Int64(clock.now().timeIntervalSince1970.rounded(.down)) }

    func settings(_ db: StoreConnection) throws -> ClinicSettings {
        guard let row = try StoreRow.fetchOne(db, cachedSQL: "SELECT * FROM clinic_settings WHERE id = 1") else {
            return .defaults
        }
        let zoneID: String = row["timezone"]
        guard let zone = zones.zone(zoneID) else {
            throw ClinicError(.invalidInput, "the stored time zone '\(zoneID)' is unknown")
        }
        return ClinicSettings(
            name: row["name"], timeZone: zone, reminderLeadMinutes: row["reminder_lead_minutes"],
            noShowGraceMinutes: row["no_show_grace_minutes"], maxActiveVisits: row["max_active_visits"],
            onePerDoctorDay: row["one_per_doctor_day"], bookingNotice: row["booking_notice"])
    }

    /// Writes the given settings. `configured`: they come from the
    /// configuration of a process opening the database (file, environment,
    /// flags), not from an admin's explicit change. Either way a different
    /// time zone is refused while the clinic has appointments to come
    /// (`checkTimeZoneChange`): their instants and the doctors' wall-clock
    /// hours would no longer agree, and one process with a stray
    /// CLINIC_TIMEZONE would move every other process's clinic.
    private static func applySettings(_ overrides: ClinicSettings.Overrides, configured: Bool, now: Int64, _ db: StoreConnection) throws {
        var o = overrides
        if let name = o.name {
            let trimmed = try StoredText.checked(name, what: "the clinic's name", limit: 200)
            guard !trimmed.isEmpty else { throw ClinicError(.invalidInput, "the clinic's name must have 1–200 characters") }
            o.name = trimmed
        }
        if let lead = o.reminderLeadMinutes, !(0...10080).contains(lead) {
            throw ClinicError(.invalidInput, "reminder lead must be 0…10080 minutes")
        }
        if let grace = o.noShowGraceMinutes, !(0...1440).contains(grace) {
            throw ClinicError(.invalidInput, "no-show grace must be 0…1440 minutes")
        }
        if let most = o.maxActiveVisits, !(0...100).contains(most) {
            throw ClinicError(.invalidInput, "visits to come per patient must be 0…100 (0: no limit)")
        }
        let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM clinic_settings)") ?? false
        if !exists {
            let s = o.applied(to: .defaults)
            try db.execute(
                sql: """
                    INSERT INTO clinic_settings (id, name, timezone, reminder_lead_minutes, no_show_grace_minutes, max_active_visits,
                                                 one_per_doctor_day, booking_notice)
                    VALUES (1, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    s.name, s.timeZone.identifier, s.reminderLeadMinutes, s.noShowGraceMinutes, s.maxActiveVisits, s.onePerDoctorDay,
                    s.bookingNotice,
                ])
            return
        }
        if let zone = o.timeZone?.identifier,
            let stored = try String.fetchOne(db, sql: "SELECT timezone FROM clinic_settings WHERE id = 1")
        {
            try checkTimeZoneChange(from: stored, to: zone, configured: configured, now: now, db)
        }
        if let v = o.name { try db.execute(sql: "UPDATE clinic_settings SET name = ? WHERE id = 1 AND name <> ?", arguments: [v, v]) }
        if let v = o.timeZone?.identifier { try db.execute(sql: "UPDATE clinic_settings SET timezone = ? WHERE id = 1 AND timezone <> ?", arguments: [v, v]) }
        if let v = o.reminderLeadMinutes {
            try db.execute(sql: "UPDATE clinic_settings SET reminder_lead_minutes = ? WHERE id = 1 AND reminder_lead_minutes <> ?", arguments: [v, v])
        }
        if let v = o.noShowGraceMinutes {
            try db.execute(sql: "UPDATE clinic_settings SET no_show_grace_minutes = ? WHERE id = 1 AND no_show_grace_minutes <> ?", arguments: [v, v])
        }
        if let v = o.maxActiveVisits {
            try db.execute(sql: "UPDATE clinic_settings SET max_active_visits = ? WHERE id = 1 AND max_active_visits <> ?", arguments: [v, v])
        }
        if let v = o.onePerDoctorDay {
            try db.execute(sql: "UPDATE clinic_settings SET one_per_doctor_day = ? WHERE id = 1 AND one_per_doctor_day <> ?", arguments: [v, v])
        }
        if let v = o.bookingNotice {
            try db.execute(sql: "UPDATE clinic_settings SET booking_notice = ? WHERE id = 1 AND booking_notice <> ?", arguments: [v, v])
        }
    }
}

/// Time zones by identifier, built once (ICU zone construction is not free).
final class ZoneCache: @unchecked Sendable {
    private let lock = NSLock()
    private var zones: [String: ClinicTimeZone] = [:]

    func zone(_ id: String) -> ClinicTimeZone? {
        lock.withLock {
            if let z = zones[id] { return z }
            let z = ClinicTimeZone(identifier: id)
            zones[id] = z
            return z
        }
    }
}

extension StoreRow {
    /// Fetches one row through the connection's statement cache.
    static func fetchOne(_ db: StoreConnection, cachedSQL sql: String, arguments: StoreArguments = []) throws -> StoreRow? {
        try StoreRow.fetchOne(db.cachedStatement(sql: sql), arguments: arguments)
    }
}
