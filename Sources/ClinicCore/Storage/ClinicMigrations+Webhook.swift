extension ClinicMigrations {
    /// The webhook's state (issue 5): every inbound SMS, unique per Twilio
    /// `MessageSid` so a retried delivery can never act twice, with the reply
    /// we gave (sent again on a retry) and a flag for the desk; and the local
    /// signing secret used when no Twilio auth token is configured.
    static let webhookSQL = """
        CREATE TABLE sms_inbound (
            id INTEGER PRIMARY KEY,
            message_sid TEXT NOT NULL UNIQUE CHECK (length(message_sid) BETWEEN 1 AND 64),
            from_phone TEXT NOT NULL,
            to_phone TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL,
            received_at INTEGER NOT NULL,
            account_id INTEGER REFERENCES account(id) ON DELETE SET NULL,
            command TEXT NOT NULL CHECK (command IN ('confirm','cancel','bad_code','opt_out','opt_in','help','free_text')),
            appointment_id INTEGER REFERENCES appointment(id) ON DELETE SET NULL,
            outcome TEXT NOT NULL,
            reply TEXT,
            needs_attention INTEGER NOT NULL DEFAULT 0 CHECK (needs_attention IN (0,1)),
            attention_reason TEXT
        );
        CREATE INDEX sms_inbound_received ON sms_inbound(received_at);
        CREATE INDEX sms_inbound_attention ON sms_inbound(received_at) WHERE needs_attention = 1;

        CREATE TABLE webhook_secret (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            secret TEXT NOT NULL CHECK (length(secret) >= 16)
        );
        """
}
