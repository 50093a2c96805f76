import GRDB

extension ClinicStore {
    /// Acts on an SMS a patient sent (DESIGN §2, SMS replies) and logs it, in
    /// one transaction: the effect and the log row commit together, and the
    /// unique `MessageSid` makes a retried delivery return the first reply
    /// with no second effect. Changes go through the same rules and audit
    /// trail as every other channel, as the patient, via SMS. A message with a
    /// control character in its fields is refused (`invalid_input`), logged nowhere.
    public func receiveSMS(_ message: InboundSMS) throws -> InboundSMSResult {
        let now = nowSeconds
        return try pool.write { db in try self.receiveSMS(message, now: now, db) }
    }

    /// `receiveSMS` for async callers (the listener): waits for the writer
    /// without blocking a thread of the cooperative pool.
    public func receiveSMS(_ message: InboundSMS) async throws -> InboundSMSResult {
        let now = nowSeconds
        return try await pool.write { db in try self.receiveSMS(message, now: now, db) }
    }

    func receiveSMS(_ m: InboundSMS, now: Int64, _ db: StoreConnection) throws -> InboundSMSResult {
        try m.validate()
        if let row = try StoreRow.fetchOne(
            db, cachedSQL: "SELECT reply, outcome FROM sms_inbound WHERE message_sid = ?",
            arguments: [m.messageSID])
        {
            return InboundSMSResult(reply: row["reply"], outcome: row["outcome"], repeated: true)
        }
        let phone = try? PhoneNumber.normalize(m.from, defaultCountryCode: defaultCountryCode)
        let sender = try phone.flatMap { phone in
            try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM account WHERE phone = ? AND role = 'patient' AND active = 1"),
                arguments: [phone])
        }
        let command = SMSCommand.parse(m.body)
        let handler = InboundSMSHandler(
            store: self, settings: try settings(db), messageSID: m.messageSID,
            phone: phone, sender: sender, now: now)
        let handled = try handler.handle(command, db)
        try db.cachedStatement(
            sql: """
                INSERT INTO sms_inbound (message_sid, from_phone, to_phone, body, received_at, account_id, command,
                                         appointment_id, outcome, reply, needs_attention, attention_reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            m.messageSID, phone ?? m.from, m.to, m.body, now, sender, command.logName,
            handled.appointmentID, handled.outcome, handled.reply,
            handled.attention != nil, handled.attention,
        ])
        return InboundSMSResult(reply: handled.reply, outcome: handled.outcome, repeated: false)
    }

    /// Inbound SMS, newest first; `needingAttention` keeps those flagged for the desk.
    public func inboundSMS(needingAttention: Bool = false, limit: Int = 200) throws -> [InboundSMSRecord] {
        try pool.read { db in
            try StoreRow.fetchAll(
                db,
                sql: """
                    SELECT i.*, a.code AS appointment_code, h.name AS handled_by_name FROM sms_inbound i
                    LEFT JOIN appointment a ON a.id = i.appointment_id LEFT JOIN account h ON h.id = i.handled_by
                    \(needingAttention ? "WHERE i.needs_attention = 1" : "") ORDER BY i.id DESC LIMIT ?
                    """, arguments: [max(1, limit)]
            ).map(Self.inboundRecord)
        }
    }

    /// How many flagged replies wait for the desk (the board's badge).
    public func waitingReplies() throws -> Int {
        try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sms_inbound WHERE needs_attention = 1 AND handled_at IS NULL") ?? 0
        }
    }

    /// Marks a flagged reply handled (the desk: receptionists and admins), with
    /// who and when. `not_found` for an unknown id, `invalid_input` for a reply
    /// that was never flagged, `conflict` when someone already handled it.
    @discardableResult
    public func markHandled(inboundID: Int64, by actor: Actor) throws -> InboundSMSRecord {
        try Policy.decide(.handleReplies, by: actor).enforce()
        let now = nowSeconds
        return try pool.write { db in
            let sql = """
                SELECT i.*, a.code AS appointment_code, h.name AS handled_by_name FROM sms_inbound i
                LEFT JOIN appointment a ON a.id = i.appointment_id LEFT JOIN account h ON h.id = i.handled_by WHERE i.id = ?
                """
            guard let row = try StoreRow.fetchOne(db, sql: sql, arguments: [inboundID]) else {
                throw ClinicError(.notFound, "no SMS reply \(inboundID); `clinic sms inbox` shows the ids")
            }
            let record = Self.inboundRecord(row)
            guard record.attentionReason != nil else { throw ClinicError(.invalidInput, "reply \(inboundID) was not flagged: nothing to handle") }
            if let at = record.handledAt {
                let zone = try self.settings(db).timeZone
                throw ClinicError(.conflict, "reply \(inboundID) was handled by \(record.handledBy ?? "someone") on \(zone.iso8601(at))")
            }
            try db.execute(sql: "UPDATE sms_inbound SET handled_at = ?, handled_by = ? WHERE id = ?", arguments: [now, actor.accountID, inboundID])
            return Self.inboundRecord(try StoreRow.fetchOne(db, sql: sql, arguments: [inboundID])!)
        }
    }

    private static func inboundRecord(_ row: StoreRow) -> InboundSMSRecord {
        var record = InboundSMSRecord(
            id: row["id"], messageSID: row["message_sid"], from: row["from_phone"], body: row["body"],
            receivedAt: row["received_at"], command: row["command"], outcome: row["outcome"],
            reply: row["reply"], appointmentCode: row["appointment_code"],
            attentionReason: row["attention_reason"])
        record.handledAt = row["handled_at"]
        record.handledBy = (row["handled_at"] as Int64?) == nil ? nil : (row["handled_by_name"] as String?) ?? "the admin at the shell"
        return record
    }
}

extension SMSCommand {
    /// The command's name in the inbound log.
    var logName: String {
        switch self {
        case .confirm: return "confirm"
        case .cancel: return "cancel"
        case .take: return "take"
        case .badCode: return "bad_code"
        case .optOut: return "opt_out"
        case .optIn: return "opt_in"
        case .help: return "help"
        case .freeText: return "free_text"
        }
    }
}
