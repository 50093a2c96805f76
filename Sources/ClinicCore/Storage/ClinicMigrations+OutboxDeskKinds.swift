extension ClinicMigrations {
    /// SMS for the desk (issue 15): the outbox's kinds gain `waitlist_offer` (a
    /// freed slot offered to the next waiting patient) and `password_reset` (a
    /// one-time code for the kiosk's "Forgot password"). SQLite cannot change a
    /// CHECK, so the outbox is rebuilt as v13 rebuilt it (new table, copy, drop,
    /// rename, indexes); GRDB runs migrations with foreign keys deferred, so
    /// `admin_alert.outbox_id` keeps its rows.
    static let outboxDeskKindsSQL = """
        CREATE TABLE sms_outbox_v15 (
            id INTEGER PRIMARY KEY,
            to_phone TEXT NOT NULL,
            from_phone TEXT,
            body TEXT NOT NULL CHECK (length(body) >= 1),
            appointment_id INTEGER REFERENCES appointment(id) ON DELETE SET NULL,
            appointment_start INTEGER,
            kind TEXT NOT NULL CHECK (kind IN ('reminder','confirmation','cancellation','no_show','checked_in','booking','moved',
                                               'waitlist_offer','password_reset','other')),
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
        INSERT INTO sms_outbox_v15 (
            id, to_phone, from_phone, body, appointment_id, appointment_start, kind, recipient, state, attempts,
            in_flight, next_attempt_at, expires_at, claimed_by, claimed_until, gateway, provider_id, error_code,
            error_message, delivery_status, created_at, updated_at, sent_at, interrupted_at)
        SELECT
            id, to_phone, from_phone, body, appointment_id, appointment_start, kind, recipient, state, attempts,
            in_flight, next_attempt_at, expires_at, claimed_by, claimed_until, gateway, provider_id, error_code,
            error_message, delivery_status, created_at, updated_at, sent_at, interrupted_at
        FROM sms_outbox;
        DROP TABLE sms_outbox;
        ALTER TABLE sms_outbox_v15 RENAME TO sms_outbox;
        CREATE UNIQUE INDEX sms_outbox_notice ON sms_outbox(appointment_id, kind, recipient, appointment_start)
            WHERE appointment_id IS NOT NULL;
        CREATE INDEX sms_outbox_due ON sms_outbox(next_attempt_at) WHERE state IN ('queued','sending');
        CREATE INDEX sms_outbox_provider ON sms_outbox(provider_id) WHERE provider_id IS NOT NULL;
        """
}
