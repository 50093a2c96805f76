extension ClinicMigrations {
    /// When a send of the message was interrupted by its sender's death (issue
    /// 11, item 13): the message may have gone out twice. Kept in its own
    /// column because the error fields belong to the latest attempt and a
    /// successful retry clears them; this note stays. Rows that still carry
    /// the note in their error fields keep it here.
    static let interruptedSQL = """
        ALTER TABLE sms_outbox ADD COLUMN interrupted_at INTEGER;
        UPDATE sms_outbox SET interrupted_at = updated_at WHERE error_code = 'interrupted';
        """
}
