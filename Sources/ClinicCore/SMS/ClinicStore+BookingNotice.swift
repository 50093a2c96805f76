import GRDB

extension ClinicStore {
    /// The kinds that tell the patient when the visit is: the reminder and
    /// the booking notices. A queued one goes stale when the visit moves or
    /// leaves `scheduled` / `confirmed`.
    static let timeNoticeKindsSQL = "('reminder','booking','moved')"

    /// Enqueues the booking notice (`.booking`, a new booking on any channel)
    /// or the move notice (`.moved`, the new time and doctor) to the patient,
    /// inside the booking's or the move's own transaction, so the visit and its
    /// notice commit or roll back together. A patient without a phone gets
    /// nothing; an opted-out number gets a `skipped` row (`enqueue`). The
    /// unique outbox key (appointment, kind, recipient, start) makes a second
    /// call harmless, and a move names a new start, so it gets its own row.
    ///
    /// Worth sending until the visit starts; the scheduler also drops it
    /// once the reminder is due, since the reminder says the same thing, and
    /// one sent inside the reminder lead stands for the reminder (see
    /// `planReminders` and the claims' checks).
    static func enqueueBookingNotice(
        _ kind: OutboxMessage.Kind, for a: Appointment, clinic: String, zone: ClinicTimeZone, now: Int64, _ db: StoreConnection
    ) throws {
        guard let phone = a.patient.phone else { return }  // a patient with an email only gets no SMS
        let body =
            kind == .moved
            ? NoticeText.moved(clinic: clinic, doctor: a.doctor.name, start: a.start, zone: zone, code: a.code)
            : NoticeText.booking(clinic: clinic, doctor: a.doctor.name, start: a.start, zone: zone, code: a.code)
        let message = NewOutboxMessage(
            to: phone, body: body, appointmentID: a.id, appointmentStart: a.start,
            kind: kind, recipient: .patient, expiresAt: a.start)
        guard kind == .moved else { return try enqueueDeferred(message, now: now, db) }  // a new booking's notice is new
        let inserted = try enqueue(message, now: now, db)
        if !inserted, try !isOptedOut(phone: phone, db) {
            try db.execute(
                sql: """
                    UPDATE sms_outbox SET body = ?, to_phone = ?, state = 'queued', attempts = 0, next_attempt_at = ?, expires_at = ?,
                        error_code = NULL, error_message = NULL, provider_id = NULL, sent_at = NULL, delivery_status = NULL,
                        created_at = ?, updated_at = ?
                    WHERE appointment_id = ? AND kind = 'moved' AND recipient = 'patient' AND appointment_start = ?
                      AND in_flight = 0 AND state IN ('skipped', 'sent', 'failed')
                    """, arguments: [body, phone, now, a.start, now, now, a.id, a.start])
        }
    }

    /// Marks an appointment's queued reminder and booking notices `skipped`
    /// (a move: they name the old time or doctor). A message a scheduler has
    /// already claimed is re-checked before its gateway call.
    static func skipQueuedTimeNotices(appointmentID: Int64, code: String, message: String, now: Int64, _ db: StoreConnection) throws {
        try db.cachedStatement(
            sql: """
                UPDATE sms_outbox SET state = 'skipped', error_code = ?, error_message = ?, updated_at = ?
                WHERE appointment_id = ? AND kind IN \(timeNoticeKindsSQL) AND state = 'queued'
                """
        ).execute(arguments: [code, message, now, appointmentID])
    }
}
