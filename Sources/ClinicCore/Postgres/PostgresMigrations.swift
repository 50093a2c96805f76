/// The PostgreSQL schema as versioned migrations, applied in order under a
/// transaction-scoped advisory lock so several processes starting at once
/// migrate exactly once. As with SQLite, a migration is never edited after it
/// has shipped: add a new one.
public enum PostgresMigrations {
    /// One migration: its id (recorded in `clinic_migration`) and its DDL.
    public struct Migration: Sendable {
        public let id: String
        public let sql: String
    }

    /// Every migration, oldest first. `pg1-schema` is SQLite's v1…v17 as one step.
    public static let all: [Migration] = [
        Migration(
            id: "pg1-schema",
            sql: PostgresSchema.extensionsSQL + PostgresSchema.peopleSQL + PostgresSchema.bookingSQL
                + PostgresSchema.messagingSQL + PostgresSchema.closuresAndWaitlistSQL + PostgresSchema.triggersSQL),
        Migration(id: "pg2-patient-search", sql: PostgresSchema.patientSearchSQL),
        // Sign-in finds an account by its (lower-cased) email: the unique index on lower(email)
        // cannot answer `email = ?`, so every sign-in read the whole account table.
        Migration(id: "pg3-account-email-lookup", sql: "CREATE INDEX account_email_lookup ON account (email);"),
    ]

    /// The advisory lock key (`pg_advisory_xact_lock`): "clinic" in ASCII.
    static let lockKey: Int64 = 0x636c_696e_6963

    /// Applies the migrations this database lacks; returns their ids (empty when it was up to date).
    /// The database must be UTF-8, so text lengths are counted in characters as SQLite does.
    @discardableResult
    public static func migrate(_ connection: PostgresConnection) throws -> [String] {
        let encoding = try connection.scalar("SHOW server_encoding").string ?? ""
        guard encoding == "UTF8" else {
            throw ClinicError(
                .invalidInput,
                "the PostgreSQL database is encoded in \(encoding), not UTF8: create it with ENCODING 'UTF8' TEMPLATE template0")
        }
        let collation = try connection.scalar("SELECT datcollate FROM pg_database WHERE datname = current_database()").string ?? ""
        guard collation == "C" || collation == "POSIX" || collation == "C.UTF-8" || collation == "C.utf8" else {
            throw ClinicError(
                .invalidInput,
                "the PostgreSQL database sorts text by '\(collation)'; the clinic compares text by code point as SQLite does: "
                    + "create it with ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0")
        }
        return try connection.transaction { db in
            try db.execute("SELECT pg_advisory_xact_lock($1)", [.int(lockKey)])
            try db.execute("CREATE TABLE IF NOT EXISTS clinic_migration (id TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)")
            let applied = Set(try db.query("SELECT id FROM clinic_migration").compactMap { $0["id"].string })
            var ran: [String] = []
            for migration in all where !applied.contains(migration.id) {
                try db.run(script: migration.sql)
                try db.execute(
                    "INSERT INTO clinic_migration (id, applied_at) VALUES ($1, extract(epoch FROM now())::bigint)",
                    [.text(migration.id)])
                ran.append(migration.id)
            }
            return ran
        }
    }
}
