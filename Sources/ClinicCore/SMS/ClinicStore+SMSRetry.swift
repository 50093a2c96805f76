import GRDB

extension ClinicStore {
    /// Sends a failed SMS again (the desk, admins): in one transaction the
    /// outbox row is queued afresh — no attempts, due now, its error cleared,
    /// addressed to the person's current phone (a number the desk corrected)
    /// — and the failure it had is kept as an acknowledged `admin_alert`
    /// (`sms_retried`, who, when, what failed; `smsHistory`). Refused as
    /// `SMSRetryRule` decides: `not_found`, `invalid_transition` (it did not
    /// fail), `in_past`, `conflict` (the appointment changed, no number, opted out).
    @discardableResult
    public func retrySMS(id: Int64, by actor: Actor) throws -> OutboxMessage {
        try Policy.decide(.retrySMS, by: actor).enforce()
        let now = nowSeconds
        return try pool.write { db in
            let (m, facts) = try Self.retryFacts(id: id, now: now, db)
            try SMSRetryRule.decide(facts).enforce()
            let who = try actor.accountID.flatMap { try Self.account(id: $0, db)?.name } ?? "the admin at the shell"
            let was = SMSText.outcome(m)
            let to = facts.to ?? m.to
            try db.execute(
                sql: """
                    UPDATE sms_outbox SET state = 'queued', to_phone = ?, attempts = 0, next_attempt_at = ?, error_code = NULL,
                        error_message = NULL, claimed_by = NULL, claimed_until = NULL, in_flight = 0, gateway = NULL,
                        from_phone = NULL, provider_id = NULL, delivery_status = NULL, sent_at = NULL, updated_at = ?
                    WHERE id = ?
                    """, arguments: [to, now, now, id])
            let target = to == m.to ? "to \(to)" : "to \(to) (was \(m.to))"
            try db.execute(
                sql: "INSERT INTO admin_alert (at, kind, message, outbox_id, acknowledged) VALUES (?, 'sms_retried', ?, ?, 1)",
                arguments: [now, "retried by \(who) \(target) after \(Plural.count(m.attempts, "attempt")); it had: \(was)", id])
            return try Self.outboxMessage(id: id, db)!
        }
    }

    /// Whether `actor` may retry message `id` now, with the refusal's sentence
    /// (the SMS panel dims its key with it). `not_found` for an unknown id.
    public func retryDecision(id: Int64, by actor: Actor?) throws -> Decision {
        let policy = Policy.decide(.retrySMS, by: actor)
        guard policy.isAllowed else { return policy }
        let now = nowSeconds
        return try pool.read { db in SMSRetryRule.decide(try Self.retryFacts(id: id, now: now, db).1) }
    }

    /// One outgoing message by id, or nil.
    public func outboxMessage(id: Int64) throws -> OutboxMessage? {
        try pool.read { db in try Self.outboxMessage(id: id, db) }
    }

    /// The desk's retries of message `id`, oldest first: when, and what each says (who, to where, what had failed).
    public func smsHistory(outboxID: Int64) throws -> [(at: Int64, text: String)] {
        try pool.read { db in
            try StoreRow.fetchAll(
                db, sql: "SELECT at, message FROM admin_alert WHERE outbox_id = ? AND kind = 'sms_retried' ORDER BY id",
                arguments: [outboxID]
            ).map { (at: $0["at"], text: $0["message"]) }
        }
    }

    static func outboxMessage(id: Int64, _ db: StoreConnection) throws -> OutboxMessage? {
        try StoreRow.fetchOne(db, sql: OutboxMessage.selectSQL + " WHERE o.id = ?", arguments: [id]).map(OutboxMessage.init(row:))
    }

    /// The message and the facts a retry is decided on. It goes to the
    /// appointment's patient's (or doctor's) phone as it is now, a waitlist
    /// offer to its patient's (and only while the offer is open); another
    /// message with no appointment goes to the number it had.
    private static func retryFacts(id: Int64, now: Int64, _ db: StoreConnection) throws -> (OutboxMessage, SMSRetryFacts) {
        guard let m = try outboxMessage(id: id, db) else {
            throw ClinicError(.notFound, "no outgoing SMS \(id); `clinic sms log` shows the ids")
        }
        var facts = SMSRetryFacts(
            id: m.id, kind: m.kind, state: m.state, deliveryStatus: m.deliveryStatus, expiresAt: m.expiresAt,
            code: m.appointmentCode, plannedStart: m.appointmentStart, to: m.to, now: now)
        if let appointmentID = m.appointmentID,
            let row = try StoreRow.fetchOne(
                db,
                sql: """
                    SELECT a.status, a.start_at, p.phone AS p_phone, d.phone AS d_phone FROM appointment a
                    JOIN account p ON p.id = a.patient_id JOIN account d ON d.id = a.doctor_id WHERE a.id = ?
                    """, arguments: [appointmentID])
        {
            facts.status = try row.decode(forColumn: "status")
            facts.start = row["start_at"]
            switch m.recipient {
            case .patient: facts.to = row["p_phone"]
            case .doctor: facts.to = row["d_phone"]
            case .admin, .other: break
            }
        }
        if m.kind == .waitlistOffer,
            let offer = try StoreRow.fetchOne(
                db,
                sql: """
                    SELECT o.state, p.phone FROM waitlist_offer o JOIN waitlist_entry e ON e.id = o.entry_id
                    JOIN account p ON p.id = e.patient_id WHERE o.outbox_id = ?
                    """, arguments: [id])
        {
            facts.to = offer["phone"]  // the patient's number as it is now
            facts.offerClosed = (offer["state"] as String) != WaitlistOffer.State.open.rawValue
        }
        if let to = facts.to { facts.optedOut = try isOptedOut(phone: to, db) }
        return (m, facts)
    }
}
