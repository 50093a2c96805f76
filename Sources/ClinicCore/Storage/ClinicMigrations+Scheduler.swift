extension ClinicMigrations {
    /// The scheduler's state (issue 4): the SMS outbox, the lease, the planning
    /// horizon, phone opt-outs and flags, and admin alerts. Instants are unix seconds.
    static let schedulerSQL = """
        CREATE TABLE sms_outbox (
            id INTEGER PRIMARY KEY,
            to_phone TEXT NOT NULL,
            from_phone TEXT,
            body TEXT NOT NULL CHECK (length(body) >= 1),
            appointment_id INTEGER REFERENCES appointment(id) ON DELETE SET NULL,
            appointment_start INTEGER,
            kind TEXT NOT NULL CHECK (kind IN ('reminder','confirmation','cancellation','no_show','other')),
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
            sent_at INTEGER
        );
        -- Planning twice can never enqueue a notice twice.
        CREATE UNIQUE INDEX sms_outbox_notice ON sms_outbox(appointment_id, kind, recipient, appointment_start)
            WHERE appointment_id IS NOT NULL;
        CREATE INDEX sms_outbox_due ON sms_outbox(next_attempt_at) WHERE state IN ('queued','sending');
        CREATE INDEX sms_outbox_created ON sms_outbox(created_at);
        CREATE INDEX sms_outbox_provider ON sms_outbox(provider_id) WHERE provider_id IS NOT NULL;

        -- Appointments the scheduler still watches (reminders, no-shows), small even with millions of rows.
        CREATE INDEX appointment_pending_start ON appointment(start_at)
            WHERE status IN ('scheduled','confirmed');

        CREATE TABLE scheduler_lease (
            name TEXT PRIMARY KEY,
            holder TEXT NOT NULL,
            expires_at INTEGER NOT NULL,
            acquired_at INTEGER NOT NULL,
            renewed_at INTEGER NOT NULL
        );

        CREATE TABLE scheduler_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            reminders_planned_through INTEGER
        );

        CREATE TABLE phone_status (
            phone TEXT PRIMARY KEY,
            opted_out INTEGER NOT NULL DEFAULT 0 CHECK (opted_out IN (0,1)),
            opted_out_at INTEGER,
            opt_source TEXT,
            flag TEXT,
            flag_code TEXT,
            flagged_at INTEGER,
            updated_at INTEGER NOT NULL
        );

        CREATE TABLE admin_alert (
            id INTEGER PRIMARY KEY,
            at INTEGER NOT NULL,
            kind TEXT NOT NULL,
            message TEXT NOT NULL,
            outbox_id INTEGER REFERENCES sms_outbox(id) ON DELETE SET NULL,
            acknowledged INTEGER NOT NULL DEFAULT 0 CHECK (acknowledged IN (0,1))
        );
        """
}
