import GRDB

extension ClinicMigrations {
    /// The waitlist that refills freed slots (issue 15). A patient waits for an
    /// earlier visit with a doctor or a specialization between two local days
    /// (kept as typed, and as the instants they span in the clinic's zone, for
    /// the matching query). A freed slot is offered to the first waiting entry
    /// that fits, by SMS with a code (`TAKE <code>`), for a limited time; an
    /// offer row records who was offered which slot, until when, and how it
    /// ended. The inbound log's commands gain `take` (the table is rebuilt, as
    /// SQLite cannot change a CHECK; its indexes are recreated as they were).
    static func waitlist(_ db: Database) throws {
        try db.execute(sql: waitlistSQL)
        let indexes = try String.fetchAll(
            db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sms_inbound' AND sql IS NOT NULL")
        try db.execute(sql: inboundTakeSQL)
        for index in indexes { try db.execute(sql: index) }
    }

    private static let waitlistSQL = """
        CREATE TABLE waitlist_entry (
            id INTEGER PRIMARY KEY,
            patient_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
            doctor_id INTEGER REFERENCES account(id) ON DELETE CASCADE,
            specialization TEXT CHECK (specialization IS NULL OR length(specialization) BETWEEN 1 AND 100),
            from_day TEXT NOT NULL,
            to_day TEXT NOT NULL,
            from_at INTEGER NOT NULL,
            until_at INTEGER NOT NULL,
            reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
            state TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting','booked','removed')),
            created_at INTEGER NOT NULL,
            created_by INTEGER REFERENCES account(id) ON DELETE SET NULL,
            via TEXT NOT NULL,
            closed_at INTEGER,
            closed_by INTEGER REFERENCES account(id) ON DELETE SET NULL,
            appointment_id INTEGER REFERENCES appointment(id) ON DELETE SET NULL,
            CHECK ((doctor_id IS NULL) <> (specialization IS NULL)),
            CHECK (from_day <= to_day AND from_at < until_at)
        );
        CREATE INDEX waitlist_doctor ON waitlist_entry(doctor_id, id) WHERE state = 'waiting';
        CREATE INDEX waitlist_specialization ON waitlist_entry(specialization, id) WHERE state = 'waiting';
        CREATE INDEX waitlist_patient ON waitlist_entry(patient_id, state);

        CREATE TABLE waitlist_offer (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            entry_id INTEGER NOT NULL REFERENCES waitlist_entry(id) ON DELETE CASCADE,
            doctor_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
            start_at INTEGER NOT NULL,
            end_at INTEGER NOT NULL,
            state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open','taken','expired','lost','withdrawn')),
            offered_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            offered_by INTEGER REFERENCES account(id) ON DELETE SET NULL,
            outbox_id INTEGER REFERENCES sms_outbox(id) ON DELETE SET NULL,
            closed_at INTEGER,
            outcome TEXT,
            appointment_id INTEGER REFERENCES appointment(id) ON DELETE SET NULL
        );
        CREATE INDEX waitlist_offer_slot ON waitlist_offer(doctor_id, start_at);
        CREATE INDEX waitlist_offer_open ON waitlist_offer(expires_at) WHERE state = 'open';
        CREATE INDEX waitlist_offer_entry ON waitlist_offer(entry_id, state);
        CREATE INDEX waitlist_offer_outbox ON waitlist_offer(outbox_id) WHERE outbox_id IS NOT NULL;
        """

    private static let inboundTakeSQL = """
        CREATE TABLE sms_inbound_v17 (
            id INTEGER PRIMARY KEY,
            message_sid TEXT NOT NULL UNIQUE CHECK (length(message_sid) BETWEEN 1 AND 64),
            from_phone TEXT NOT NULL,
            to_phone TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL,
            received_at INTEGER NOT NULL,
            account_id INTEGER REFERENCES account(id) ON DELETE SET NULL,
            command TEXT NOT NULL CHECK (command IN ('confirm','cancel','take','bad_code','opt_out','opt_in','help','free_text')),
            appointment_id INTEGER REFERENCES appointment(id) ON DELETE SET NULL,
            outcome TEXT NOT NULL,
            reply TEXT,
            needs_attention INTEGER NOT NULL DEFAULT 0 CHECK (needs_attention IN (0,1)),
            attention_reason TEXT,
            handled_at INTEGER,
            handled_by INTEGER REFERENCES account(id) ON DELETE SET NULL
        );
        INSERT INTO sms_inbound_v17 (id, message_sid, from_phone, to_phone, body, received_at, account_id, command, appointment_id,
                                     outcome, reply, needs_attention, attention_reason, handled_at, handled_by)
        SELECT id, message_sid, from_phone, to_phone, body, received_at, account_id, command, appointment_id,
               outcome, reply, needs_attention, attention_reason, handled_at, handled_by
        FROM sms_inbound;
        DROP TABLE sms_inbound;
        ALTER TABLE sms_inbound_v17 RENAME TO sms_inbound;
        """
}
