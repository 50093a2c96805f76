import GRDB

/// What happened to a message after a send, for the tick's report.
enum SendOutcome: Equatable {
    case sent, retrying, failed
}

extension ClinicStore {
    /// Records how a send ended (DESIGN §2): sent; a transient failure queued
    /// again with exponential backoff (or given up after `maxAttempts`); a
    /// permanent one recorded and never retried. 21610 opts the number out,
    /// a bad or unreachable number is flagged for the desk, 30007 alerts the admin.
    /// Only the claim's holder may finish it.
    func recordOutcome(
        _ id: Int64, holder: String, result: SMSSendResult, now: Int64,
        policy: SchedulerPolicy
    ) throws -> SendOutcome {
        try pool.write { db in
            guard
                let row = try StoreRow.fetchOne(
                    db,
                    cachedSQL: """
                        SELECT to_phone, attempts FROM sms_outbox WHERE id = ? AND state = 'sending' AND claimed_by = ?
                        """, arguments: [id, holder])
            else { return .failed }
            let phone: String = row["to_phone"]
            let attempts: Int = row["attempts"]
            switch result {
            case .sent(let providerID, let status):
                try db.execute(
                    sql: """
                        UPDATE sms_outbox SET state = 'sent', provider_id = ?, delivery_status = ?, sent_at = ?, updated_at = ?,
                            claimed_by = NULL, claimed_until = NULL, in_flight = 0, error_code = NULL, error_message = NULL WHERE id = ?
                        """, arguments: [providerID, status, now, now, id])
                return .sent
            case .failed(let failure) where failure.isRetried && attempts < policy.maxAttempts:
                let next = now + Int64(policy.retryDelay(afterAttempts: attempts))
                try db.execute(
                    sql: """
                        UPDATE sms_outbox SET state = 'queued', next_attempt_at = ?, error_code = ?, error_message = ?,
                            updated_at = ?, claimed_by = NULL, claimed_until = NULL, in_flight = 0 WHERE id = ?
                        """, arguments: [next, failure.code, failure.message, now, id])
                return .retrying
            case .failed(let failure):
                let code = failure.isRetried ? "gave_up" : failure.code
                let message =
                    failure.isRetried
                    ? "gave up after \(attempts) attempts; last error \(failure.code): \(failure.message)" : failure.message
                try db.execute(
                    sql: """
                        UPDATE sms_outbox SET state = 'failed', error_code = ?, error_message = ?, updated_at = ?,
                            claimed_by = NULL, claimed_until = NULL, in_flight = 0 WHERE id = ?
                        """, arguments: [code, message, now, id])
                try Self.applyToPhone(failure, phone: phone, outboxID: id, now: now, db)
                try self.lapseOfferWhoseSMSFailed(outboxID: id, now: now, db)
                return .failed
            }
        }
    }

    /// Alerts for the admin (e.g. carrier filtering), newest first.
    public func adminAlerts(limit: Int = 100) throws -> [(at: Int64, kind: String, message: String)] {
        try pool.read { db in
            try StoreRow.fetchAll(db, sql: "SELECT at, kind, message FROM admin_alert ORDER BY id DESC LIMIT ?", arguments: [limit])
                .map { (at: $0["at"], kind: $0["kind"], message: $0["message"]) }
        }
    }
}
