extension ClinicMigrations {
    /// The kiosk's own failure counter and lock per account (issue 11): failed
    /// sign-ins at the kiosk never touch `failed_logins` / `locked_until`, the
    /// staff terminal's, so a stranger at the kiosk cannot lock anyone out of
    /// it, and a patient locked at the kiosk can still be helped at the desk.
    static let kioskLockSQL = """
        ALTER TABLE account ADD COLUMN kiosk_failed_logins INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE account ADD COLUMN kiosk_locked_until INTEGER;
        """
}
