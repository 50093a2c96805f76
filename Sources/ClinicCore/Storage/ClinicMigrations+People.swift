extension ClinicMigrations {
    /// People (issue 13): a patient may have no email (walk-ins) or no phone;
    /// email and phone stay unique when present (email without regard to
    /// case); staff keep both, and a patient keeps at least one (a CHECK).
    /// SQLite cannot relax NOT NULL or add a table CHECK, so `account` is
    /// rebuilt the documented way (new table, copy with the ids, drop,
    /// rename, its index); GRDB runs migrations with foreign keys off and
    /// checks them after, so every table that names an account keeps its
    /// rows, and the patient search index (rowid = account id) stays right.
    /// `account_event` is the audit trail of edits to a person: who, when,
    /// through which front end, which fields and what they were and became.
    /// `patient_profile` already holds `birth_date` (now the source of the
    /// age) beside the old `age`, which stays readable for accounts without one.
    static let peopleSQL = """
        CREATE TABLE account_v11 (
            id INTEGER PRIMARY KEY,
            role TEXT NOT NULL CHECK (role IN ('patient','doctor','receptionist','admin')),
            name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
            email TEXT UNIQUE COLLATE NOCASE CHECK (email IS NULL OR email LIKE '%_@_%'),
            phone TEXT UNIQUE CHECK (phone IS NULL OR (phone GLOB '+[1-9][0-9]*' AND length(phone) BETWEEN 8 AND 16)),
            password_hash TEXT,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
            failed_logins INTEGER NOT NULL DEFAULT 0,
            locked_until INTEGER,
            created_at INTEGER NOT NULL,
            kiosk_failed_logins INTEGER NOT NULL DEFAULT 0,
            kiosk_locked_until INTEGER,
            token_epoch INTEGER NOT NULL DEFAULT 0,
            CHECK (CASE role WHEN 'patient' THEN email IS NOT NULL OR phone IS NOT NULL
                   ELSE email IS NOT NULL AND phone IS NOT NULL END)
        );
        INSERT INTO account_v11 (
            id, role, name, email, phone, password_hash, active, failed_logins, locked_until, created_at,
            kiosk_failed_logins, kiosk_locked_until, token_epoch)
        SELECT
            id, role, name, email, phone, password_hash, active, failed_logins, locked_until, created_at,
            kiosk_failed_logins, kiosk_locked_until, token_epoch
        FROM account;
        DROP TABLE account;
        ALTER TABLE account_v11 RENAME TO account;
        CREATE INDEX account_role ON account(role, name);

        CREATE TABLE account_event (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
            at INTEGER NOT NULL,
            actor_id INTEGER REFERENCES account(id),
            actor_role TEXT NOT NULL,
            via TEXT NOT NULL CHECK (via IN ('tui','kiosk','sms','scheduler','cli','api')),
            fields TEXT NOT NULL CHECK (length(fields) >= 1),
            summary TEXT NOT NULL
        );
        CREATE INDEX account_event_account ON account_event(account_id, id);
        """
}
