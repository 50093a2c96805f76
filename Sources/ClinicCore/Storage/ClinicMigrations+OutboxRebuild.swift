extension ClinicMigrations {
    /// The outbox rebuilt with another set of kinds: SQLite cannot change a
    /// CHECK, so the table is rebuilt the documented way (new table named for
    /// the migration, copy, drop, rename, indexes). GRDB runs migrations with
    /// foreign keys deferred and checks them after, so `admin_alert.outbox_id`
    /// keeps its rows. v10, v13 and v15 each add kinds this way; the text is
    /// the one v10 and v13 shipped with.
    static func outboxRebuildSQL(version: String, kinds: [String]) -> String {
        let kindList = kinds.map { "'\($0)'" }.joined(separator: ",")
        return """
            CREATE TABLE sms_outbox_\(version) (
                id INTEGER PRIMARY KEY,
                to_phone TEXT NOT NULL,
                from_phone TEXT,
                body TEXT NOT NULL CHECK (length(body) >= 1),
                appointment_id INTEGER REFERENCES appointment(id) ON DELETE SET NULL,
                appointment_start INTEGER,
                kind TEXT NOT NULL CHECK (kind IN (\(kindList))),
                recipient TEXT NOT NULL CHECK (recipient IN ('patient','doctor','admin','other')),
                state TEXT NOT NULL CHECK (state IN ('queued','sending','sent','failed','skipped')),
                attempts INTEGER NOT NULL DEFAULT 0,
                in_flight INTEGER NOT NULL DEFAULT 0 CHECK (in_flight IN (0,1)),
                next_attempt_at INTEGER NOT NULL,
                expires_at INTEGER,
                claimed_by TEXT,
                claimed_until INTEGER,
                gateway TEXT,
                provider_id TEXT,
                error_code TEXT,
                error_message TEXT,
                delivery_status TEXT,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                sent_at INTEGER,
                interrupted_at INTEGER
            );
            INSERT INTO sms_outbox_\(version) (
                id, to_phone, from_phone, body, appointment_id, appointment_start, kind, recipient, state, attempts,
                in_flight, next_attempt_at, expires_at, claimed_by, claimed_until, gateway, provider_id, error_code,
                error_message, delivery_status, created_at, updated_at, sent_at, interrupted_at)
            SELECT
                id, to_phone, from_phone, body, appointment_id, appointment_start, kind, recipient, state, attempts,
                in_flight, next_attempt_at, expires_at, claimed_by, claimed_until, gateway, provider_id, error_code,
                error_message, delivery_status, created_at, updated_at, sent_at, interrupted_at
            FROM sms_outbox;
            DROP TABLE sms_outbox;
            ALTER TABLE sms_outbox_\(version) RENAME TO sms_outbox;
            CREATE UNIQUE INDEX sms_outbox_notice ON sms_outbox(appointment_id, kind, recipient, appointment_start)
                WHERE appointment_id IS NOT NULL;
            CREATE INDEX sms_outbox_due ON sms_outbox(next_attempt_at) WHERE state IN ('queued','sending');
            CREATE INDEX sms_outbox_provider ON sms_outbox(provider_id) WHERE provider_id IS NOT NULL;
            """
    }
}
