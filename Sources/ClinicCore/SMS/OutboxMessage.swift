import GRDB

/// One outgoing SMS as the outbox holds it (DESIGN §2: every message is a row,
/// claimed in a transaction before sending and finished after).
public struct OutboxMessage: Sendable, Equatable, Identifiable {
    /// Why a message exists. With `recipient` and the appointment's start it is
    /// unique per appointment, so planning twice never enqueues twice.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case reminder, confirmation, cancellation
        case noShow = "no_show"
        /// A late arrival checked in after the no-show SMS.
        case checkedIn = "checked_in"
        /// A new booking (any channel): doctor, time, code, how to reply.
        case booking
        /// A move to another time (or doctor): the new time.
        case moved
        /// A freed slot offered to the next patient on the waitlist (`TAKE <code>`).
        case waitlistOffer = "waitlist_offer"
        /// A one-time code for the kiosk's or the API's password reset.
        case passwordReset = "password_reset"
        case other
    }

    /// Who the message is for.
    public enum Recipient: String, Sendable, CaseIterable, Codable {
        case patient, doctor, admin, other
    }

    /// Where a message is in its life: `queued` → `sending` (claimed) → `sent`,
    /// back to `queued` after a transient failure, `failed` after a permanent one,
    /// `skipped` when it must not go out (opted out, cancelled, too late).
    public enum State: String, Sendable, CaseIterable, Codable {
        case queued, sending, sent, failed, skipped
    }

    public let id: Int64
    /// E.164.
    public let to: String
    /// The sender number used (set when sent through a gateway that has one).
    public let from: String?
    /// The text; a password reset's code shows as `••••••` (`PasswordResetPolicy.redacted`).
    public let body: String
    public let appointmentID: Int64?
    /// The appointment's code, when there is one.
    public let appointmentCode: String?
    /// The appointment's start when the message was planned (a moved appointment gets a new reminder).
    public let appointmentStart: Int64?
    public let kind: Kind
    public let recipient: Recipient
    public let state: State
    public let attempts: Int
    /// Unix seconds of the next (or last) attempt.
    public let nextAttemptAt: Int64
    /// After this instant the message is no longer worth sending (a reminder: the start).
    public let expiresAt: Int64?
    public let gateway: String?
    /// The provider's message id (Twilio `SM…`).
    public let providerID: String?
    public let errorCode: String?
    public let errorMessage: String?
    /// The provider's delivery status (`queued`, `delivered`, `undelivered`, …).
    public let deliveryStatus: String?
    public let createdAt: Int64
    public let updatedAt: Int64
    public let sentAt: Int64?
    /// When a sender died during a gateway call for this message (Unix
    /// seconds): that attempt may have gone out, so the patient may get it
    /// twice. Stays after a retry succeeds (README, Delivery guarantee).
    public let interruptedAt: Int64?

    /// The note on a message an earlier attempt of which was interrupted.
    public static let interruptedNote = "an earlier attempt was interrupted (it may have been sent)"

    /// `interruptedNote` when it applies to this message.
    public var note: String? { interruptedAt == nil ? nil : Self.interruptedNote }

    static let selectSQL = """
        SELECT o.*, a.code AS appointment_code FROM sms_outbox o LEFT JOIN appointment a ON a.id = o.appointment_id
        """

    init(row: StoreRow) throws {
        id = row["id"]; to = row["to_phone"]; from = row["from_phone"]
        appointmentID = row["appointment_id"]; appointmentCode = row["appointment_code"]
        appointmentStart = row["appointment_start"]
        kind = try row.decode(forColumn: "kind")
        // A reset code is never shown to whoever reads the log, even while it waits to go out.
        body = kind == .passwordReset ? PasswordResetPolicy.redacted(row["body"]) : row["body"]
        recipient = try row.decode(forColumn: "recipient")
        state = try row.decode(forColumn: "state")
        attempts = row["attempts"]; nextAttemptAt = row["next_attempt_at"]; expiresAt = row["expires_at"]
        gateway = row["gateway"]; providerID = row["provider_id"]
        errorCode = row["error_code"]; errorMessage = row["error_message"]; deliveryStatus = row["delivery_status"]
        createdAt = row["created_at"]; updatedAt = row["updated_at"]; sentAt = row["sent_at"]
        interruptedAt = row["interrupted_at"]
    }
}
