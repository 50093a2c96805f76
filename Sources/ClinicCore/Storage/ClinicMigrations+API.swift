extension ClinicMigrations {
    /// The HTTP API (issue 14): its signing key, refresh tokens (stored as
    /// SHA-256 digests, in families so a reused token revokes its line), an
    /// epoch per account that a password change or deactivation bumps (every
    /// access token carries it), account photos (served at an unguessable id), and `api` as a channel in the
    /// audit trail (SQLite cannot alter a CHECK: the table is rebuilt, ids kept).
    static let apiSQL = """
        CREATE TABLE api_signing_key (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            key BLOB NOT NULL CHECK (length(key) >= 32),
            created_at INTEGER NOT NULL
        );
        CREATE TABLE api_refresh_token (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES account(id),
            family TEXT NOT NULL,
            token_hash BLOB NOT NULL UNIQUE,
            issued_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            used_at INTEGER,
            revoked_at INTEGER
        );
        CREATE INDEX api_refresh_token_account ON api_refresh_token(account_id);
        CREATE INDEX api_refresh_token_family ON api_refresh_token(family);
        ALTER TABLE account ADD COLUMN token_epoch INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE account_photo (
            account_id INTEGER PRIMARY KEY REFERENCES account(id),
            public_id TEXT NOT NULL UNIQUE,
            content_type TEXT NOT NULL CHECK (content_type IN ('image/jpeg','image/png')),
            bytes BLOB NOT NULL,
            updated_at INTEGER NOT NULL
        );

        CREATE TABLE appointment_event_v9 (
            id INTEGER PRIMARY KEY,
            appointment_id INTEGER NOT NULL REFERENCES appointment(id) ON DELETE CASCADE,
            at INTEGER NOT NULL,
            actor_id INTEGER REFERENCES account(id),
            actor_role TEXT NOT NULL,
            from_status TEXT,
            to_status TEXT NOT NULL,
            via TEXT NOT NULL CHECK (via IN ('tui','kiosk','sms','scheduler','cli','api')),
            note TEXT NOT NULL DEFAULT ''
        );
        INSERT INTO appointment_event_v9 (id, appointment_id, at, actor_id, actor_role, from_status, to_status, via, note)
            SELECT id, appointment_id, at, actor_id, actor_role, from_status, to_status, via, note FROM appointment_event;
        DROP TABLE appointment_event;
        ALTER TABLE appointment_event_v9 RENAME TO appointment_event;
        CREATE INDEX appointment_event_appointment ON appointment_event(appointment_id, id);
        """
}
