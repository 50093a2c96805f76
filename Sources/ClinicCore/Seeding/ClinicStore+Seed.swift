import Foundation
import GRDB

extension ClinicStore {
    /// Fills the database with a realistic clinic (DESIGN §5) in one
    /// transaction, then re-checks it. Refused when the clinic already has
    /// accounts, unless `options.replace` (which removes every row but the
    /// clinic settings, and says how many per table).
    ///
    /// Only staff and one demo patient get passwords (hashed at the configured
    /// cost); other patients get none and sign in after the desk sets one, so a
    /// hundred thousand patients do not cost a hundred thousand KDF runs.
    public func seed(_ options: SeedOptions, progress: SeedProgress? = nil) throws -> SeedOutcome {
        try options.validate()
        if pool.isPostgres { return try seedPostgres(options, progress: progress) }
        let hasAccounts = try pool.read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM account)") ?? false }
        if hasAccounts && !options.replace {
            throw ClinicError(.invalidInput, "this database already has accounts; pass --replace to remove all its data and seed anew")
        }
        let settings = try settings()
        var planner = SeedPlanner(
            options: options, vocabulary: try SeedVocabulary.load(), zone: settings.timeZone,
            now: nowSeconds, progress: progress)
        let plan = try planner.plan()
        // Hash on other cores while the appointments are written (each hash takes ~0.2 s).
        let hashing = PasswordJob(plan: plan, hasher: hasher)
        progress?("writing", 0, plan.visits.count)
        var removed: ClinicContents?
        try sqliteForSeeding().writeWithoutTransaction { db in
            // A big page cache keeps the random-order unique indexes (codes, emails) in memory while writing.
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -1048576; PRAGMA temp_store = MEMORY; PRAGMA threads = 2")  // sort index keys on both cores
            // Every id the plan writes is one it just created: foreign-key lookups (three per
            // appointment, two per audit row) would only re-prove that, at a third of the cost.
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            // The commit only appends to the WAL; copying it into the database runs
            // on another connection while the seed is checked (below).
            let autoCheckpoint = try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") ?? 1000
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
            defer {
                try? db.execute(
                    sql: """
                        PRAGMA cache_size = \(cacheSize); PRAGMA temp_store = DEFAULT; PRAGMA threads = 0; PRAGMA foreign_keys = ON;
                        PRAGMA wal_autocheckpoint = \(autoCheckpoint)
                        """)
            }
            try db.inTransaction(.immediate) {
                if options.replace { removed = try Self.removeAll(StoreConnection(db)) }
                try SeedWriter(db: db, plan: plan, hashes: { hashing.wait() }, progress: progress).write()
                progress?("committing", 0, 1)
                return .commit
            }
            progress?("analyzing", 0, 1)
            try db.execute(sql: "PRAGMA analysis_limit = 1000; ANALYZE")
        }
        progress?("checking", 0, 1)
        let path = pool.path
        let checkpoint = BackgroundResult {
            try DatabaseQueue(path: path).writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(PASSIVE)") }
        }
        let report = try SeedValidator(store: self, plan: plan, options: options).report()
        try checkpoint.value()
        let credentials = (plan.staff + plan.doctors.map(\.person) + plan.patients.prefix(1)).map { p in
            SeedCredential(
                role: p.role.rawValue, name: p.name, email: p.email ?? "", phone: p.phone, password: p.password,
                specialization: plan.doctors.first { $0.person.id == p.id }?.specialization)
        }
        return SeedOutcome(report: report, credentials: credentials, removed: removed)
    }

    private func sqliteForSeeding() throws -> DatabasePool {
        guard let sqlite = pool.sqlite else { throw ClinicError(.internalError, "SQLite seeding on a PostgreSQL store") }
        return sqlite
    }

    /// PostgreSQL: the same clinic is seeded (and checked) in a SQLite file made
    /// with this clinic's settings, then moved over with COPY in one verified
    /// transaction that first empties the target (`clinic db copy`'s path).
    private func seedPostgres(_ options: SeedOptions, progress: SeedProgress?) throws -> SeedOutcome {
        let hasAccounts = try pool.read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM account)") ?? false }
        if hasAccounts && !options.replace {
            throw ClinicError(.invalidInput, "this database already has accounts; pass --replace to remove all its data and seed anew")
        }
        let removed = options.replace ? try contents() : nil
        let s = try settings()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinic-seed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("seed.sqlite").path
        var staging = options
        staging.replace = false
        let outcome = try {
            let local = try ClinicStore(
                path: path, clock: clock, hasher: hasher,
                settings: .init(
                    name: s.name, timeZone: s.timeZone, reminderLeadMinutes: s.reminderLeadMinutes, noShowGraceMinutes: s.noShowGraceMinutes,
                    maxActiveVisits: s.maxActiveVisits, onePerDoctorDay: s.onePerDoctorDay, bookingNotice: s.bookingNotice),
                defaultCountryCode: defaultCountryCode)
            defer { try? local.close() }
            return try local.seed(staging, progress: progress)
        }()
        progress?("copying to PostgreSQL", 0, 1)
        _ = try DatabaseCopy.sqliteToPostgres(sqlitePath: path, postgres: pool.path, replacing: true)
        return SeedOutcome(report: outcome.report, credentials: outcome.credentials, removed: removed)
    }

    /// What the clinic holds: accounts by kind and appointments (what `seed --replace` would remove).
    public func contents() throws -> ClinicContents {
        try pool.read { db in try Self.contents(db) }
    }

    static func contents(_ db: StoreConnection) throws -> ClinicContents {
        let roles = try Dictionary(
            uniqueKeysWithValues: StoreRow.fetchAll(db, sql: "SELECT role, COUNT(*) AS n FROM account GROUP BY role").map {
                ($0["role"] as String, $0["n"] as Int)
            })
        return ClinicContents(
            patients: roles["patient"] ?? 0, doctors: roles["doctor"] ?? 0, staff: (roles["receptionist"] ?? 0) + (roles["admin"] ?? 0),
            appointments: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM appointment") ?? 0)
    }

    /// Deletes every row of every table but the settings and the migrations
    /// log; says what went in people's terms (accounts, appointments), the
    /// history, messages and sign-in records going with them.
    private static func removeAll(_ db: StoreConnection) throws -> ClinicContents {
        let before = try contents(db)
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        let tables = try String.fetchAll(
            db,
            sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                AND name NOT IN ('grdb_migrations', 'clinic_settings', 'schedule_state')
                AND name NOT LIKE 'patient\\_search\\_%' ESCAPE '\\'
                """)
        for table in tables {
            try db.execute(sql: "DELETE FROM \(table.quotedDatabaseIdentifier)")
        }
        return before
    }
}

/// Hashes the plan's passwords in the background, on as many cores as there are.
private final class PasswordJob: @unchecked Sendable {
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var hashes: [Int64: String] = [:]

    init(plan: SeedPlan, hasher: PasswordHasher) {
        let people = (plan.staff + plan.doctors.map(\.person) + plan.patients.prefix(1)).filter { $0.password != nil }
        group.enter()
        DispatchQueue.global().async { [self] in
            DispatchQueue.concurrentPerform(iterations: people.count) { i in
                let hash = hasher.hash(people[i].password!)
                lock.withLock { hashes[people[i].id] = hash }
            }
            group.leave()
        }
    }

    /// The hashes by account id, once all are done.
    func wait() -> [Int64: String] {
        group.wait()
        return lock.withLock { hashes }
    }
}
