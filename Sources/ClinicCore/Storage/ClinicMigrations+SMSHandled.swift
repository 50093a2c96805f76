extension ClinicMigrations {
    /// A flagged reply can be marked handled by the desk (issue 15: an SMS panel
    /// you can act on): who and when, kept beside the reply.
    static let smsHandledSQL = """
        ALTER TABLE sms_inbound ADD COLUMN handled_at INTEGER;
        ALTER TABLE sms_inbound ADD COLUMN handled_by INTEGER REFERENCES account(id) ON DELETE SET NULL;
        """
}
