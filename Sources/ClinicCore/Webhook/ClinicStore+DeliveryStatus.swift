import GRDB

/// A delivery status callback from Twilio (`POST /api/v1/twilio/status`).
public struct DeliveryStatusReport: Sendable, Equatable {
    /// Twilio's message id (`MessageSid`), the outbox row's `provider_id`.
    public var messageSID: String
    /// `MessageStatus`: queued, sent, delivered, undelivered, failed, …
    public var status: String
    /// `ErrorCode`, when the carrier reported one.
    public var errorCode: String?

    public init(messageSID: String, status: String, errorCode: String? = nil) {
        self.messageSID = messageSID; self.status = status; self.errorCode = errorCode
    }

    /// The states no later callback may replace.
    public static let finalStates: Set<String> = ["delivered", "undelivered", "failed"]
}

extension ClinicStore {
    /// Records a delivery status on the outbox row Twilio names, in one
    /// transaction: a final state (delivered, undelivered, failed) is never
    /// overwritten by a late callback, and a carrier error is classified as a
    /// send-time error would be (opted out, bad number for the desk, filtered
    /// for the admin); a waitlist offer reported undelivered is lost and its
    /// slot handed on. Returns false when no message has that id. A status or
    /// error code with a control character is refused (`invalid_input`).
    public func receiveDeliveryStatus(_ report: DeliveryStatusReport) async throws -> Bool {
        try StoredText.check(report.status, what: "MessageStatus")
        try StoredText.check(report.errorCode ?? "", what: "ErrorCode")
        let now = nowSeconds
        return try await pool.write { db in
            guard
                let row = try StoreRow.fetchOne(
                    db, cachedSQL: "SELECT id, to_phone, delivery_status FROM sms_outbox WHERE provider_id = ?",
                    arguments: [report.messageSID])
            else { return false }
            let current: String? = row["delivery_status"]
            if let current, DeliveryStatusReport.finalStates.contains(current) { return true }
            let id: Int64 = row["id"], phone: String = row["to_phone"]
            try db.execute(
                sql: """
                    UPDATE sms_outbox SET delivery_status = ?, error_code = COALESCE(?, error_code), updated_at = ? WHERE id = ?
                    """, arguments: [report.status, report.errorCode, now, id])
            if let text = report.errorCode, let code = Int(text) {
                let failure = TwilioErrorClassifier.classify(deliveryErrorCode: code)
                try Self.applyToPhone(failure, phone: phone, outboxID: id, now: now, db)
            }
            if report.status == "undelivered" || report.status == "failed" {  // a waitlist offer that never arrived: the next in line
                try self.lapseOfferWhoseSMSFailed(outboxID: id, now: now, db)
            }
            return true
        }
    }
}
