extension ClinicMigrations {
    /// Password reset by SMS (issue 15). `password_reset` has one row per
    /// request for a code, whoever made it and whatever it named: the
    /// `requester` (a kiosk session, an API client's address) is rate limited
    /// on its rows of the last hour; a row with a `code_hash` is a code sent
    /// to `account_id`'s phone, good until `expires_at` for `tries` guesses,
    /// spent at `used_at`; the account's newest code is the only live one.
    /// `outbox_id` names the SMS that carried it (no foreign key: the outbox
    /// is rebuilt by migrations that widen its kinds).
    ///
    /// The code is stored as a salted PBKDF2 hash, as passwords are. A 6-digit
    /// code is still found offline in a moment by anyone holding this file (a
    /// million candidates): what protects it is the tries limit, the 10-minute
    /// life and the rate limits, not the hash. The hash keeps the code off
    /// the screens, backups and logs of anyone reading the table.
    ///
    /// The outbox keeps the code in a reset SMS's body only while it waits to
    /// go out: the triggers blank its digits (`••••••`, the code comes first)
    /// as soon as the message is sent, failed for good or skipped, so the
    /// desk's SMS log never shows a usable code (the listings also show it
    /// blanked while queued). A later rebuild of `sms_outbox` must create
    /// these triggers again; `PasswordResetMigrationTests` catches one that did not.
    static let passwordResetSQL = """
        CREATE TABLE password_reset (
            id INTEGER PRIMARY KEY,
            requester TEXT NOT NULL CHECK (length(requester) BETWEEN 1 AND 200),
            account_id INTEGER REFERENCES account(id) ON DELETE CASCADE,
            code_hash TEXT,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            tries INTEGER NOT NULL DEFAULT 0 CHECK (tries >= 0),
            used_at INTEGER,
            outbox_id INTEGER,
            CHECK (code_hash IS NULL OR account_id IS NOT NULL)
        );
        CREATE INDEX password_reset_requester ON password_reset(requester, created_at);
        CREATE INDEX password_reset_account ON password_reset(account_id, id) WHERE account_id IS NOT NULL;
        CREATE INDEX password_reset_created ON password_reset(created_at);

        CREATE TRIGGER sms_outbox_reset_code_hidden_on_insert AFTER INSERT ON sms_outbox
        WHEN NEW.kind = 'password_reset' AND NEW.state IN ('sent','failed','skipped')
        BEGIN
            UPDATE sms_outbox SET body = '••••••' || substr(body, 7) WHERE id = NEW.id AND substr(body, 1, 6) <> '••••••';
        END;
        CREATE TRIGGER sms_outbox_reset_code_hidden AFTER UPDATE OF state ON sms_outbox
        WHEN NEW.kind = 'password_reset' AND NEW.state IN ('sent','failed','skipped')
        BEGIN
            UPDATE sms_outbox SET body = '••••••' || substr(body, 7) WHERE id = NEW.id AND substr(body, 1, 6) <> '••••••';
        END;
        """
}
