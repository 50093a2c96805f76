import GRDB

/// A message to put in the outbox.
struct NewOutboxMessage {
    var to: String
    var body: String
    var appointmentID: Int64?
    var appointmentStart: Int64?
    var kind: OutboxMessage.Kind
    var recipient: OutboxMessage.Recipient
    var expiresAt: Int64?
}

/// Which SMS to list.
public struct SMSLogFilter: Sendable {
    /// Only this appointment's messages (its code).
    public var appointmentCode: String?
    /// Only messages that failed, or that failed at least once and wait for a retry.
    public var failedOnly: Bool
    public var limit: Int

    public init(appointmentCode: String? = nil, failedOnly: Bool = false, limit: Int = 200) {
        self.appointmentCode = appointmentCode; self.failedOnly = failedOnly; self.limit = limit
    }
}

extension ClinicStore {
    /// Enqueues a message inside the caller's transaction. Returns false when an
    /// identical notice (appointment, kind, recipient, start) already exists.
    /// A number that opted out gets a `skipped` row (the log shows why) and nothing is sent.
    @discardableResult
    static func enqueue(_ m: NewOutboxMessage, now: Int64, _ db: StoreConnection) throws -> Bool {
        try db.cachedStatement(sql: enqueueSQL).execute(arguments: enqueueArguments(m, now: now))
        return db.changesCount > 0
    }

    /// `enqueue` where nobody asks whether the row was new: on PostgreSQL it
    /// goes to the server with the transaction's `COMMIT`.
    static func enqueueDeferred(_ m: NewOutboxMessage, now: Int64, _ db: StoreConnection) throws {
        try db.cachedStatement(sql: enqueueSQL).executeDeferred(arguments: enqueueArguments(m, now: now))
    }

    /// One statement: whether the number opted out is read inside it.
    private static let enqueueSQL = """
        INSERT INTO sms_outbox (to_phone, body, appointment_id, appointment_start, kind, recipient, state,
                                next_attempt_at, expires_at, error_code, error_message, created_at, updated_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, CASE WHEN \(optedOutSQL) THEN 'skipped' ELSE 'queued' END,
                ?7, ?8, CASE WHEN \(optedOutSQL) THEN 'opted_out' END,
                CASE WHEN \(optedOutSQL) THEN 'the number opted out of SMS' END, ?7, ?7)
        ON CONFLICT DO NOTHING
        """
    private static let optedOutSQL = "EXISTS (SELECT 1 FROM phone_status WHERE phone = ?1 AND opted_out = 1)"

    private static func enqueueArguments(_ m: NewOutboxMessage, now: Int64) -> StoreArguments {
        [m.to, m.body, m.appointmentID, m.appointmentStart, m.kind.rawValue, m.recipient.rawValue, now, m.expiresAt]
    }

    /// The SMS log, newest first.
    public func smsLog(_ filter: SMSLogFilter = SMSLogFilter()) throws -> [OutboxMessage] {
        var clauses: [String] = []
        var args: [any DatabaseValueConvertible] = []
        if let text = filter.appointmentCode {
            let code = try AppointmentCode.checked(text)
            clauses.append("a.code = ?"); args.append(code)
        }
        if filter.failedOnly {
            clauses.append("(o.state = 'failed' OR (o.state IN ('queued','sending') AND o.error_code IS NOT NULL))")
        }
        let whereSQL = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        args.append(max(1, filter.limit))
        return try pool.read { db in
            try StoreRow.fetchAll(
                db, sql: OutboxMessage.selectSQL + whereSQL + " ORDER BY o.id DESC LIMIT ?",
                arguments: StoreArguments(args)
            ).map(OutboxMessage.init(row:))
        }
    }
}
