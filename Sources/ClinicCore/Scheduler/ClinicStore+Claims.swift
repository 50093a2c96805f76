import GRDB

/// A message claimed for sending by one scheduler.
struct ClaimedMessage: Sendable {
    let id: Int64
    let to: String
    let body: String
    let kind: OutboxMessage.Kind
}

/// What to do with a claimed message right before the gateway call.
enum SendGate: Equatable {
    case proceed
    /// The message must no longer go out (recorded as `skipped`).
    case skipped
    /// Another process holds the lease now: stop sending.
    case lostLease
}

extension ClinicStore {
    /// Claims up to `limit` due messages for `holder` in one transaction:
    /// `queued` rows whose next attempt is due, and `sending` rows left by a
    /// holder that died (another holder's, or a claim that ran out). A message
    /// that must not go out any more is marked `skipped` here instead (opted-out
    /// number, expired notice, reminder for an appointment that left
    /// scheduled/confirmed, moved, or already started). A message whose last
    /// sender died during the gateway call gets the interrupted note
    /// (`interrupted_at`), which stays on its record whatever comes next.
    func claimDueMessages(
        holder: String, now: Int64, limit: Int, claimSeconds: Int,
        gateway: String, from: String?
    ) throws -> (claimed: [ClaimedMessage], skipped: Int) {
        try pool.claim { db in
            let rows = try StoreRow.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT o.id, o.to_phone, o.body, o.kind, o.state, o.in_flight, o.claimed_by, o.claimed_until, o.expires_at,
                               o.appointment_start, o.created_at, a.status AS a_status, a.start_at AS a_start,
                               COALESCE(ps.opted_out, 0) AS opted_out, \(Self.leadSQL) AS lead_minutes, \(Self.offerStateSQL) AS offer_state
                        FROM sms_outbox o INDEXED BY sms_outbox_due
                        LEFT JOIN appointment a ON a.id = o.appointment_id
                        LEFT JOIN phone_status ps ON ps.phone = o.to_phone
                        WHERE o.state IN ('queued','sending') AND o.next_attempt_at <= ?
                        ORDER BY o.next_attempt_at, o.id LIMIT ?
                        """ + (db.isPostgres ? " FOR UPDATE OF o SKIP LOCKED" : "")), arguments: [now, limit])
            var claimed: [ClaimedMessage] = []
            var skipped = 0
            for row in rows {
                let id: Int64 = row["id"]
                let state: String = row["state"]
                let claimedUntil: Int64? = row["claimed_until"]
                if state == "sending", (claimedUntil ?? 0) > now, db.isPostgres || (row["claimed_by"] as String?) == holder {
                    continue  // claimed and in time (PostgreSQL: by any of the senders; SQLite: the lease holder is the only one)
                }
                let interrupted: Bool = row["in_flight"]  // its sender died during the gateway call
                if let reason = try Self.reasonNotToSend(row, now: now) {
                    try Self.markSkipped(id, reason: reason, now: now, db)
                    skipped += 1
                    continue
                }
                try db.cachedStatement(
                    sql: """
                        UPDATE sms_outbox SET state = 'sending', claimed_by = ?, claimed_until = ?, in_flight = 0,
                            gateway = ?, from_phone = ?, updated_at = ?,
                            error_code = CASE WHEN ?6 = 1 THEN 'interrupted' ELSE error_code END,
                            error_message = CASE WHEN ?6 = 1 THEN ?7 ELSE error_message END,
                            interrupted_at = CASE WHEN ?6 = 1 THEN COALESCE(interrupted_at, ?5) ELSE interrupted_at END
                        WHERE id = ?8
                        """
                ).execute(arguments: [
                    holder, now + Int64(claimSeconds), gateway, from, now, interrupted,
                    OutboxMessage.interruptedNote, id,
                ])
                claimed.append(
                    ClaimedMessage(
                        id: id, to: row["to_phone"], body: row["body"],
                        kind: try row.decode(forColumn: "kind")))
            }
            return (claimed, skipped)
        }
    }

    /// Renews `holder`'s lease and re-checks the message right before it is
    /// sent; on `.proceed` the attempt is counted and the row marked in flight
    /// (a holder that dies now leaves a message that may or may not have gone out).
    func gateSend(_ id: Int64, holder: String, now: Int64, leaseSeconds: Int) throws -> SendGate {
        try pool.write { db in
            // SQLite: one sender, the lease holder. PostgreSQL: every serve sends; a message is
            // its claimer's while the claim lasts (SKIP LOCKED claims, checked again here).
            if !db.isPostgres {
                guard try Self.acquireLease(holder: holder, now: now, seconds: leaseSeconds, db) else { return .lostLease }
            }
            guard
                let row = try StoreRow.fetchOne(
                    db,
                    cachedSQL: """
                        SELECT o.id, o.kind, o.state, o.claimed_by, o.claimed_until, o.expires_at, o.appointment_start, o.created_at,
                               a.status AS a_status, a.start_at AS a_start, COALESCE(ps.opted_out, 0) AS opted_out,
                               \(Self.leadSQL) AS lead_minutes, \(Self.offerStateSQL) AS offer_state
                        FROM sms_outbox o LEFT JOIN appointment a ON a.id = o.appointment_id
                        LEFT JOIN phone_status ps ON ps.phone = o.to_phone WHERE o.id = ?
                        """, arguments: [id]),
                (row["state"] as String) == "sending", (row["claimed_by"] as String?) == holder,
                !db.isPostgres || (row["claimed_until"] as Int64? ?? 0) > now
            else { return .skipped }
            if let reason = try Self.reasonNotToSend(row, now: now) {
                try Self.markSkipped(id, reason: reason, now: now, db)
                return .skipped
            }
            try db.cachedStatement(sql: "UPDATE sms_outbox SET attempts = attempts + 1, in_flight = 1, updated_at = ? WHERE id = ?")
                .execute(arguments: [now, id])
            return .proceed
        }
    }

    /// A waitlist offer's state, as a claim reads it (NULL for other messages).
    private static let offerStateSQL = "(SELECT w.state FROM waitlist_offer w WHERE w.outbox_id = o.id)"

    /// The clinic's reminder lead in minutes, as a claim reads it.
    private static let leadSQL = "(SELECT reminder_lead_minutes FROM clinic_settings WHERE id = 1)"

    /// Why a due message must not go out now, if it must not. A reminder or
    /// booking notice must still name the visit's time while it is active and
    /// to come; a booking notice enqueued before the reminder fell due
    /// (created before start − lead) gives way to the reminder once it has,
    /// so the patient never gets both inside the lead.
    private static func reasonNotToSend(_ row: StoreRow, now: Int64) throws -> (code: String, message: String)? {
        if (row["opted_out"] as Bool?) == true { return ("opted_out", "the number opted out of SMS") }
        let kind = try row.decode(OutboxMessage.Kind.self, forColumn: "kind")
        if kind == .reminder || kind == .booking || kind == .moved {
            guard let status = try row.decode(AppointmentStatus?.self, forColumn: "a_status") else {
                return ("appointment_gone", "the appointment no longer exists")
            }
            guard status == .scheduled || status == .confirmed else {
                return ("appointment_\(status.rawValue)", "the appointment is \(status.rawValue)")
            }
            let start: Int64? = row["a_start"]
            guard start == row["appointment_start"] else { return ("appointment_moved", "the appointment was moved") }
            if let start, now >= start { return ("too_late", "the appointment has started") }
            if kind != .reminder, let start {
                let due = start - Int64(row["lead_minutes"] as Int? ?? 0) * 60
                if (row["created_at"] as Int64) < due, now >= due {
                    return ("reminder_due", "the reminder is due and says the same")
                }
            }
        }
        if kind == .waitlistOffer, let state: String = row["offer_state"], state != WaitlistOffer.State.open.rawValue {
            return ("offer_closed", "the offer is \(state)")
        }
        if let expires: Int64 = row["expires_at"], now >= expires {
            return ("expired", "no longer worth sending")
        }
        return nil
    }

    private static func markSkipped(_ id: Int64, reason: (code: String, message: String), now: Int64, _ db: StoreConnection) throws {
        try db.cachedStatement(
            sql: """
                UPDATE sms_outbox SET state = 'skipped', error_code = ?, error_message = ?, claimed_by = NULL,
                    claimed_until = NULL, in_flight = 0, updated_at = ? WHERE id = ?
                """
        ).execute(arguments: [reason.code, reason.message, now, id])
    }
}
